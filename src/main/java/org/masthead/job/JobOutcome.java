package org.masthead.job;

import java.time.Instant;

/** What a handler answers: finished, or to be run again at a time (the attempts count starts again). */
public record JobOutcome(Instant again) {

    private static final JobOutcome DONE = new JobOutcome(null);

    public static JobOutcome done() {
        return DONE;
    }

    public static JobOutcome again(Instant at) {
        return new JobOutcome(at);
    }

    public boolean isDone() {
        return again == null;
    }
}
