package org.masthead.api;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The content API's settings ({@code masthead.api.*}).
 *
 * @param rateLimit whether each client (by address) is limited; kept in memory on each node
 * @param requestsPerMinute the steady rate a client may keep up
 * @param burst how many requests a client may make at once before the steady rate applies
 * @param maxClients how many client addresses a node remembers (the least recently seen are forgotten first)
 */
@Validated
@ConfigurationProperties("masthead.api")
record ApiProperties(
        @DefaultValue("true") boolean rateLimit,
        @DefaultValue("300") @Min(1) int requestsPerMinute,
        @DefaultValue("60") @Min(1) int burst,
        @DefaultValue("100000") @Min(1) int maxClients) {

    /** How long an idle client's bucket takes to fill up again; after that, forgetting it changes nothing. */
    Duration refillTime() {
        return Duration.ofMillis((long) Math.ceil(burst * 60_000.0 / requestsPerMinute));
    }
}
