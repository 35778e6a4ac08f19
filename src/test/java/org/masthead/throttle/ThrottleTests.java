package org.masthead.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The one throttle's rule, on real rows in PostgreSQL, with a clock the test moves. */
@IntegrationTest
class ThrottleTests {

    @Autowired
    JdbcTemplate jdbc;

    MutableClock clock;
    Throttle throttle;
    ThrottleRule rule;
    ThrottleRule other;
    String key;

    @BeforeEach
    void setUp() {
        // Far in the future and a rule of its own, so no other test's rows count here.
        clock = new MutableClock(Instant.parse("2093-05-01T09:00:00Z").plusSeconds((long) (Math.random() * 1_000_000)));
        throttle = new Throttle(jdbc, clock);
        String name = "test." + UUID.randomUUID();
        rule = new ThrottleRule(name, 3, Duration.ofMinutes(10), Duration.ofMinutes(5));
        other = new ThrottleRule(name + ".other", 2, Duration.ofMinutes(10), Duration.ofMinutes(10));
        key = "198.51.100." + (int) (Math.random() * 250);
    }

    @Test
    void theLimitThEventWithinTheWindowBlocksForTheBlockAfterIt() {
        throttle.record(rule, key);
        clock.advance(Duration.ofMinutes(1));
        throttle.record(rule, key);
        assertThat(throttle.blockedUntil(rule, key)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        throttle.record(rule, key);
        Instant third = clock.instant();
        assertThat(throttle.blockedUntil(rule, key)).contains(third.plus(rule.block()));

        clock.advance(rule.block().minusSeconds(1));
        assertThat(throttle.blockedUntil(rule, key)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.blockedUntil(rule, key)).isEmpty();
    }

    @Test
    void eventsSpreadWiderThanTheWindowNeverBlock() {
        for (int i = 0; i < 10; i++) {
            throttle.record(rule, key);
            assertThat(throttle.blockedUntil(rule, key))
                    .as("after event %d", i + 1)
                    .isEmpty();
            clock.advance(Duration.ofMinutes(6));
        }
    }

    @Test
    void keysAndRulesAreCountedApartAndKeysIgnoreSurroundingSpace() {
        for (int i = 0; i < 3; i++) {
            throttle.record(rule, key);
        }
        assertThat(throttle.blockedUntil(rule, " " + key + " ")).isPresent();
        assertThat(throttle.blockedUntil(rule, key + "9")).isEmpty();
        assertThat(throttle.blockedUntil(other, key)).isEmpty();
    }

    @Test
    void tryAcquireCountsUnderEveryRuleOrUnderNone() {
        assertThat(throttle.tryAcquire(rule.of(key), other.of("shared"))).isTrue();
        assertThat(throttle.tryAcquire(rule.of(key + "1"), other.of("shared"))).isTrue();
        // "shared" is now blocked under the other rule: the attempt is refused and not counted under the first
        assertThat(throttle.tryAcquire(rule.of(key + "2"), other.of("shared"))).isFalse();
        assertThat(count(rule, key + "2")).isZero();
        assertThat(count(other, "shared")).isEqualTo(2);
    }

    @Test
    void refusedAttemptsAreNotCountedSoTheBlockEndsOnTime() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.tryAcquire(rule.of(key))).isTrue();
        }
        Instant reached = clock.instant();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(30));
            assertThat(throttle.tryAcquire(rule.of(key))).isFalse();
        }
        assertThat(count(rule, key)).isEqualTo(3);
        clock.set(reached.plus(rule.block()));
        assertThat(throttle.tryAcquire(rule.of(key))).isTrue();
    }

    @Test
    void forgetClearsOneKeyAndOldEventsAreDeleted() {
        for (int i = 0; i < 3; i++) {
            throttle.record(rule, key);
            throttle.record(rule, key + "7");
        }
        throttle.forget(rule, key);
        assertThat(throttle.blockedUntil(rule, key)).isEmpty();
        assertThat(throttle.blockedUntil(rule, key + "7")).isPresent();

        clock.advance(rule.window().plus(rule.block()).plusSeconds(1));
        throttle.record(rule, "later");
        assertThat(count(rule, key + "7")).isZero();
    }

    @Test
    void aRuleNeedsANameALimitAndAWindow() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ThrottleRule(" ", 1, Duration.ofMinutes(1), Duration.ZERO));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ThrottleRule("x", 0, Duration.ofMinutes(1), Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new ThrottleRule("x", 1, Duration.ZERO, Duration.ZERO));
    }

    private int count(ThrottleRule counted, String countedKey) {
        return jdbc.queryForObject(
                "select count(*) from throttle_events where rule = ? and throttle_key = ?",
                Integer.class,
                counted.name(),
                countedKey);
    }
}
