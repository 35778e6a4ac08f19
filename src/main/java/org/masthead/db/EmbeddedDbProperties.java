package org.masthead.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL server ({@code masthead.embedded-db.*}), started when no {@code spring.datasource.url} is
 * configured. Read by {@link EmbeddedPostgresEnvironmentPostProcessor} before the application context exists.
 *
 * @param enabled whether to start the embedded server when no datasource URL is configured
 * @param dir where its data lives between runs
 * @param ephemeral a temporary folder, wiped at exit, instead of {@code dir} (the tests)
 */
@ConfigurationProperties("masthead.embedded-db")
public record EmbeddedDbProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("./data/postgres") Path dir,
        @DefaultValue("false") boolean ephemeral) {

    static final String PREFIX = "masthead.embedded-db";
}
