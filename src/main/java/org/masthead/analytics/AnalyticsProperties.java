package org.masthead.analytics;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Readership counting ({@code masthead.analytics.*}).
 *
 * @param enabled whether reader pages carry the counting script and the endpoint counts anything
 * @param flushInterval how often each node writes the counts it holds in memory (a node killed loses at most this)
 * @param rateLimit whether each address is limited at the counting endpoint (kept in memory on each node)
 * @param beaconsPerMinute the steady rate one address may be counted at
 * @param burst how many views one address may send at once before the steady rate applies
 * @param maxClients how many addresses a node remembers for the rate limit (the least recently seen are forgotten)
 * @param maxReferrersPerDay distinct referring domains kept per day; the rest are counted as {@code (other)}
 * @param maxVisitorHashesPerDay same-day visitor hashes the database holds per day; past it, views are still
 *     counted but no longer tell new visitors from returning ones
 * @param maxPendingCells distinct counters a node holds between two writes; past it, new ones wait for the next
 * @param geoipDatabase a GeoIP country database; none ships, and without one no country is counted
 * @param newsletterOpens whether editions carry an open pixel (per edition, never per reader); off unless an admin
 *     turns it on in the settings, where this is the default
 */
@Validated
@ConfigurationProperties("masthead.analytics")
public record AnalyticsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") @NotNull Duration flushInterval,
        @DefaultValue("true") boolean rateLimit,
        @DefaultValue("120") @Min(1) int beaconsPerMinute,
        @DefaultValue("30") @Min(1) int burst,
        @DefaultValue("100000") @Min(1) int maxClients,
        @DefaultValue("1000") @Min(1) int maxReferrersPerDay,
        @DefaultValue("2000000") @Min(0) int maxVisitorHashesPerDay,
        @DefaultValue("100000") @Min(1) int maxPendingCells,
        Path geoipDatabase,
        @DefaultValue("false") boolean newsletterOpens) {}
