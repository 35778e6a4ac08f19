package org.masthead.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's clock: microseconds, as PostgreSQL stores them, and every reading works on Java 17. */
class ClockConfigurationTests {

    private final Clock clock = new ClockConfiguration().clock();

    @Test
    void readsInWholeMicrosecondsAndInMilliseconds() {
        Instant instant = clock.instant();
        assertThat(instant.truncatedTo(ChronoUnit.MICROS)).isEqualTo(instant);
        long millis = clock.millis();
        assertThat(Math.abs(millis - System.currentTimeMillis())).isLessThan(60_000);
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Z"));
        assertThat(clock.withZone(ZoneId.of("Europe/London")).getZone()).isEqualTo(ZoneId.of("Europe/London"));
    }
}
