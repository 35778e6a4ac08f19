package org.masthead.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox of outgoing HTTP calls ({@code masthead.outbox.*}).
 *
 * @param enabled whether this node sends due calls in the background: retries, and calls another node enqueued but
 *     did not send (it died). {@code false}: it still sends its own right after their commit
 * @param pollDelay how often the background sender looks for due calls
 * @param maxAttempts how many times a call is tried before it is kept as failed
 * @param firstRetry the wait before the first retry; each next one waits twice as long, up to {@code lastRetry}
 * @param lastRetry the longest wait between two attempts
 * @param lease how long a call being sent is this node's; past it, another node sends it again
 * @param timeout how long to wait for the destination to connect, and then to answer
 * @param keepSent how long a sent call stays listed (the admin's cache page) before it is deleted
 */
@Validated
@ConfigurationProperties("masthead.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") @NotNull Duration pollDelay,
        @DefaultValue("12") @Min(1) int maxAttempts,
        @DefaultValue("5s") @NotNull Duration firstRetry,
        @DefaultValue("30m") @NotNull Duration lastRetry,
        @DefaultValue("1m") @NotNull Duration lease,
        @DefaultValue("10s") @NotNull Duration timeout,
        @DefaultValue("7d") @NotNull Duration keepSent) {}
