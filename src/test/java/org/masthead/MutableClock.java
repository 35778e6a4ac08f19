package org.masthead;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock tests can move. Shared by the whole test context as its {@link Clock} bean. */
public class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        set(start);
    }

    /** Sets the time, in microseconds like the application's clock and PostgreSQL. */
    public void set(Instant instant) {
        this.now = instant.truncatedTo(ChronoUnit.MICROS);
    }

    public void advance(Duration duration) {
        set(now.plus(duration));
    }

    /** Back to the real time of the machine. */
    public void reset() {
        set(Clock.systemUTC().instant());
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The test clock is UTC");
    }
}
