package org.masthead.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one source of time: nothing calls {@code now()} directly, so tests can move the clock. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return new MicrosecondClock(Clock.systemUTC());
    }

    /**
     * The system clock in whole microseconds, the precision PostgreSQL stores, so a saved instant reads back equal.
     * ({@code Clock.tick} with a step under a millisecond cannot answer {@code millis()} on Java 17: it divides by
     * zero.)
     */
    static final class MicrosecondClock extends Clock {

        private final Clock base;

        MicrosecondClock(Clock base) {
            this.base = base;
        }

        @Override
        public Instant instant() {
            return base.instant().truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public long millis() {
            return base.millis();
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return zone.equals(base.getZone()) ? this : new MicrosecondClock(base.withZone(zone));
        }
    }
}
