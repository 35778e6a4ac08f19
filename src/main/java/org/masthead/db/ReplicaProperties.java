package org.masthead.db;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A read replica of the database ({@code masthead.datasource.replica.*}): with a URL set, the read-only
 * transactions of readers' requests are served by it (see {@link ReplicaReads}).
 *
 * @param url the replica's JDBC URL (a PostgreSQL streaming standby); unset, every read goes to the primary
 * @param username its user; blank takes {@code spring.datasource.username}
 * @param password its password; blank takes {@code spring.datasource.password}
 * @param maxLag a replica further behind the primary than this is bypassed until it catches up
 * @param checkInterval how often this node measures the replica's lag and whether it answers
 * @param connectTimeout how long a reader's request waits for a replica connection before it reads from the
 *     primary instead
 * @param maxPoolSize the most connections this node keeps open to the replica
 */
@ConfigurationProperties("masthead.datasource.replica")
public record ReplicaProperties(
        String url,
        String username,
        String password,
        @DefaultValue("5s") Duration maxLag,
        @DefaultValue("1s") Duration checkInterval,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("10") int maxPoolSize) {}
