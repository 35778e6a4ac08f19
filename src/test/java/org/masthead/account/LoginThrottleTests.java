package org.masthead.account;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.throttle.Throttle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttling window and block, with a clock the test moves (the counts are real rows in PostgreSQL). */
@IntegrationTest
class LoginThrottleTests {

    @Autowired
    JdbcTemplate jdbc;

    MutableClock clock;
    LoginThrottle throttle;
    String address;
    String email;

    @BeforeEach
    void setUp() {
        // Far in the future, so rows other tests wrote at the real time never count here.
        clock = new MutableClock(Instant.parse("2091-03-01T09:00:00Z").plusSeconds((long) (Math.random() * 1_000_000)));
        throttle = new LoginThrottle(new Throttle(jdbc, clock));
        address = StaffFixtures.uniqueAddress();
        email = StaffFixtures.uniqueEmail("window");
    }

    private void fail(int times, String who) {
        for (int i = 0; i < times; i++) {
            throttle.failed(who, address);
            clock.advance(Duration.ofSeconds(10));
        }
    }

    @Test
    void fourFailuresAreAllowedTheFifthBlocksForFifteenMinutes() {
        fail(4, email);
        assertThat(throttle.blockedUntil(email, address)).isEmpty();

        throttle.failed(email, address);
        Instant fifth = clock.instant();
        assertThat(throttle.blockedUntil(email, address)).contains(fifth.plus(LoginThrottle.BLOCK));

        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(throttle.blockedUntil(email, address)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.blockedUntil(email, address)).isEmpty();
    }

    @Test
    void theBlockIsPerAccountAndAddress() {
        fail(5, email);
        assertThat(throttle.blockedUntil(email, address)).isPresent();
        assertThat(throttle.blockedUntil(email.toUpperCase(), address))
                .as("email case does not matter")
                .isPresent();
        assertThat(throttle.blockedUntil(email, StaffFixtures.uniqueAddress()))
                .as("other address")
                .isEmpty();
        assertThat(throttle.blockedUntil(StaffFixtures.uniqueEmail("other"), address))
                .as("other account")
                .isEmpty();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotBlock() {
        for (int i = 0; i < 10; i++) {
            throttle.failed(email, address);
            clock.advance(Duration.ofMinutes(4));
            assertThat(throttle.blockedUntil(email, address))
                    .as("after failure %d", i + 1)
                    .isEmpty();
        }
    }

    @Test
    void fiveFailuresInsideOneWindowBlockEvenAfterOlderOnes() {
        throttle.failed(email, address);
        clock.advance(Duration.ofMinutes(20));
        fail(4, email); // with the old one, five, but not within one window
        assertThat(throttle.blockedUntil(email, address)).isEmpty();
        clock.advance(Duration.ofMinutes(14));
        throttle.failed(email, address);
        assertThat(throttle.blockedUntil(email, address)).isPresent();
    }

    @Test
    void twentyFailuresFromOneAddressBlockEveryEmailFromThere() {
        for (int i = 0; i < LoginThrottle.PER_ADDRESS_LIMIT - 1; i++) {
            throttle.failed(StaffFixtures.uniqueEmail("spray"), address);
            clock.advance(Duration.ofSeconds(20));
        }
        String victim = StaffFixtures.uniqueEmail("victim");
        assertThat(throttle.blockedUntil(victim, address)).isEmpty();
        throttle.failed(StaffFixtures.uniqueEmail("spray"), address);
        Instant twentieth = clock.instant();
        assertThat(throttle.blockedUntil(victim, address)).contains(twentieth.plus(LoginThrottle.BLOCK));
        assertThat(throttle.blockedUntil(victim, StaffFixtures.uniqueAddress())).isEmpty();

        clock.advance(LoginThrottle.BLOCK);
        assertThat(throttle.blockedUntil(victim, address)).isEmpty();
    }

    @Test
    void oldFailuresAreCleanedUp() {
        fail(3, email);
        clock.advance(Duration.ofHours(2));
        throttle.failed(StaffFixtures.uniqueEmail("later"), StaffFixtures.uniqueAddress());
        Integer left = jdbc.queryForObject(
                "select count(*) from throttle_events where rule = 'login.address' and throttle_key = ?",
                Integer.class,
                address);
        assertThat(left).isZero();
    }
}
