package org.masthead.media;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The memory budget of image work: big pictures one after another, "busy" past the wait, too big refused. */
class PixelBudgetTests {

    @Test
    void aPictureLargerThanTheWholeBudgetIsRefusedWithAMessage() {
        PixelBudget budget = new PixelBudget(20_000_000, Duration.ofSeconds(1));
        assertThatThrownBy(() -> budget.take(6000, 6000))
                .isInstanceOf(RejectedImageException.class)
                .extracting(e -> ((RejectedImageException) e).getMessageKey())
                .isEqualTo("media.error.too-many-pixels-here");
        assertThat(budget.available()).isEqualTo(20_000_000);
    }

    @Test
    void aJobWaitsForItsShareAndIsToldToTryAgainPastTheWait() {
        PixelBudget budget = new PixelBudget(40_000_000, Duration.ofMillis(200));
        try (PixelBudget.Share first = budget.take(6000, 6000)) {
            assertThatThrownBy(() -> budget.take(6000, 6000)).isInstanceOf(ImageWorkBusyException.class);
            try (PixelBudget.Share small = budget.take(1000, 1000)) {
                assertThat(budget.available()).isLessThan(4_000_000);
            }
        }
        try (PixelBudget.Share again = budget.take(6000, 6000)) {
            assertThat(budget.available()).isEqualTo(4_000_000);
        }
    }

    @Test
    void concurrentLargeJobsAreSerialisedWithinTheBudget() throws Exception {
        PixelBudget budget = new PixelBudget(40_000_000, Duration.ofSeconds(30));
        AtomicInteger inWork = new AtomicInteger();
        AtomicInteger mostInWork = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                jobs.add(pool.submit(() -> {
                    try (PixelBudget.Share share = budget.take(6000, 6000)) {
                        mostInWork.accumulateAndGet(inWork.incrementAndGet(), Math::max);
                        Thread.sleep(100);
                        inWork.decrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(mostInWork.get()).isEqualTo(1);
        assertThat(budget.available()).isEqualTo(40_000_000);
    }

    @Test
    void theDefaultBudgetFollowsTheHeap() {
        assertThat(PixelBudget.forHeap(256L * 1024 * 1024)).isBetween(5_000_000L, 12_000_000L);
        assertThat(PixelBudget.forHeap(2048L * 1024 * 1024)).isGreaterThan(40_000_000L);
    }
}
