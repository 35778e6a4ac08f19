package org.masthead.job;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Background jobs ({@code masthead.jobs.*}).
 *
 * @param enabled whether this node runs jobs ({@code false}: it only enqueues them)
 * @param pollDelay how often the worker looks for due jobs
 * @param threads how many jobs this node runs at once
 * @param lease how long a claimed job is this node's at most; past it, another node may take the job again
 * @param heartbeat how often a node running jobs writes its heartbeat
 * @param nodeTimeout how long without a heartbeat before a node counts as dead and its jobs are taken over
 */
@Validated
@ConfigurationProperties("masthead.jobs")
public record JobProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") @NotNull Duration pollDelay,
        @DefaultValue("4") @Min(1) int threads,
        @DefaultValue("5m") @NotNull Duration lease,
        @DefaultValue("2s") @NotNull Duration heartbeat,
        @DefaultValue("6s") @NotNull Duration nodeTimeout) {}
