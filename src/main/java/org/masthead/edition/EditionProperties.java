package org.masthead.edition;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sending editions ({@code masthead.newsletter.*}, next to the signup settings).
 *
 * @param postalAddress the journal's postal address, in every edition's footer (required by anti-spam law in
 *     many countries)
 * @param rate emails per second handed to SMTP for one edition, over all senders; 0 means no limit
 * @param senders how many senders (background jobs, on any nodes) share one edition's outbox
 * @param batchSize how many recipients a sender claims at a time
 * @param maxAttempts tries for an address that gets temporary (4xx) failures before it counts as failed
 * @param retryDelay the first wait after a temporary failure; it doubles with each try
 * @param suppressAfter permanent (5xx) failures after which an address gets no more editions
 * @param smtpRetry how long a send waits before trying again when the SMTP server cannot be reached
 * @param pruneAfter how long after a send ends its delivered, skipped and cancelled outbox rows are deleted (the
 *     edition keeps their counts; failed and unknown rows stay), and how long used or expired reader tokens are
 *     kept
 */
@Validated
@ConfigurationProperties("masthead.newsletter")
public record EditionProperties(
        @DefaultValue("") String postalAddress,
        @DefaultValue("50") @Min(0) int rate,
        @DefaultValue("2") @Min(1) int senders,
        @DefaultValue("20") @Min(1) int batchSize,
        @DefaultValue("5") @Min(1) int maxAttempts,
        @DefaultValue("1m") @NotNull Duration retryDelay,
        @DefaultValue("3") @Min(1) int suppressAfter,
        @DefaultValue("30s") @NotNull Duration smtpRetry,
        @DefaultValue("90d") @NotNull Duration pruneAfter) {}
