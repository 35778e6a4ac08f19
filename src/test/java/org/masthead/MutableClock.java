package org.masthead;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock tests move: the real time plus an offset they set, so time keeps flowing (later saves are later)
 * while a test can jump ahead or back. {@link #reset()} returns to real time. Ticks in microseconds, like
 * the application's clock and PostgreSQL.
 */
public class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Moves the clock so that it reads {@code instant} now (and runs on from there). */
    public void set(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
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
