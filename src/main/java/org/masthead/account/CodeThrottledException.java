package org.masthead.account;

import java.time.Instant;

/** Too many wrong second-factor codes: refused until {@link #getUntil()}. */
public class CodeThrottledException extends RuntimeException {

    private final Instant until;

    public CodeThrottledException(Instant until) {
        super("Too many wrong codes");
        this.until = until;
    }

    public Instant getUntil() {
        return until;
    }
}
