package org.masthead.job;

import java.time.Instant;

/**
 * A claimed job, as its handler sees it.
 *
 * @param attempts how many times it has been claimed, this time included
 */
public record Job(long id, String type, String payload, int attempts, Instant runAt) {}
