package org.masthead.archive;

import org.masthead.MastheadApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A journal of its own for a test that moves content between journals: a new database on the tests' embedded
 * PostgreSQL server and an application on it, with no scheduler and no background jobs. The caller closes it.
 */
final class FreshJournals {

    private FreshJournals() {}

    static ConfigurableApplicationContext start(
            Environment environment, JdbcTemplate jdbc, String prefix, boolean demo) {
        String database = prefix + "_" + System.nanoTime();
        jdbc.execute("create database " + database);
        String url = environment
                .getRequiredProperty("spring.datasource.url")
                .replaceFirst("(jdbc:postgresql://[^/]+/)[^?]+", "$1" + database);
        return new SpringApplicationBuilder(MastheadApplication.class)
                .run(
                        "--spring.datasource.url=" + url,
                        "--server.port=0",
                        "--masthead.scheduler.enabled=false",
                        "--masthead.jobs.enabled=false",
                        "--masthead.demo-content=" + demo);
    }
}
