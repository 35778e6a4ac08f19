package org.masthead.web;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one source of time: nothing calls {@code now()} directly, so tests can move the clock. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Ticks in microseconds, the precision PostgreSQL stores, so a saved instant reads back equal. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
