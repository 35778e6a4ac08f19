package org.masthead;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock tests move. The shared one ({@code new MutableClock()}, the test context's clock) is the real time plus
 * an offset, so time keeps flowing (later saves are later) while a test jumps ahead or back; {@link #reset()}
 * returns to real time. {@code new MutableClock(instant)} is a frozen clock for unit tests that need exact instants.
 * Ticks in microseconds, like the application's clock and PostgreSQL.
 */
public class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozen;

    public MutableClock() {}

    public MutableClock(Instant frozenAt) {
        this.frozen = frozenAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** Moves the clock so that it reads {@code instant} now. */
    public void set(Instant instant) {
        if (frozen != null) {
            frozen = instant.truncatedTo(ChronoUnit.MICROS);
        } else {
            offset = Duration.between(Instant.now(), instant);
        }
    }

    public void advance(Duration by) {
        if (frozen != null) {
            frozen = frozen.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    /** A flowing clock goes back to real time; a frozen one stays where it is. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant at = frozen;
        return at != null ? at : Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The journal's clock is UTC");
    }
}
