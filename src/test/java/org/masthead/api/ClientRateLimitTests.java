package org.masthead.api;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket on a hand-moved ticker: burst, steady rate, Retry-After, one bucket per client. */
class ClientRateLimitTests {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ClientRateLimit limit =
            new ClientRateLimit(new ApiProperties(true, 60, 3, 1000), nanos::get); // 3 at once, then 1 a second

    @Test
    void aBurstThenOneASecond() {
        assertThat(limit.take("a").allowed()).isTrue();
        assertThat(limit.take("a").allowed()).isTrue();
        assertThat(limit.take("a").allowed()).isTrue();
        ClientRateLimit.Decision refused = limit.take("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);

        advance(Duration.ofMillis(999));
        assertThat(limit.take("a").allowed()).isFalse();
        advance(Duration.ofMillis(2));
        assertThat(limit.take("a").allowed()).isTrue();
        assertThat(limit.take("a").allowed()).isFalse();
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        ClientRateLimit slow = new ClientRateLimit(new ApiProperties(true, 6, 1, 1000), nanos::get); // one per 10 s
        assertThat(slow.take("a").allowed()).isTrue();
        assertThat(slow.take("a").retryAfterSeconds()).isEqualTo(10);
        advance(Duration.ofMillis(2500));
        assertThat(slow.take("a").retryAfterSeconds()).isEqualTo(8);
    }

    @Test
    void anIdleClientRefillsOnlyUpToItsBurst() {
        for (int i = 0; i < 3; i++) {
            limit.take("a");
        }
        advance(Duration.ofMinutes(10));
        assertThat(limit.take("a").allowed()).isTrue();
        assertThat(limit.take("a").allowed()).isTrue();
        assertThat(limit.take("a").allowed()).isTrue();
        assertThat(limit.take("a").allowed()).isFalse();
    }

    @Test
    void eachClientHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            limit.take("a");
        }
        assertThat(limit.take("a").allowed()).isFalse();
        assertThat(limit.take("b").allowed()).isTrue();
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
