package org.masthead.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.MutableClock;
import org.masthead.event.ArticleScheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publication timer is set for the earliest scheduled moment, follows every change of schedule, and runs
 * the publication as soon as that moment has come (on the application's clock), without waiting for the poll.
 */
class PublicationTimerTests {

    static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");

    final MutableClock clock = new MutableClock(NOON);
    final AtomicReference<Optional<Instant>> next = new AtomicReference<>(Optional.empty());
    final List<Instant> publishedAt = new ArrayList<>();
    final AtomicReference<CountDownLatch> published = new AtomicReference<>(new CountDownLatch(1));
    final ThreadPoolTaskScheduler tasks = new ThreadPoolTaskScheduler();

    final PublicationTimer timer;

    PublicationTimerTests() {
        // the task scheduler's own clock stands still too: a wait it is given is a real wait from now
        tasks.setClock(Clock.fixed(Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC));
        tasks.initialize();
        timer = new PublicationTimer(tasks, next::get, this::publish, clock);
    }

    /** What the scheduler's run does: publishes what is due on the clock, then the next one is the earliest left. */
    private synchronized void publish() {
        if (next.get().isPresent() && !next.get().get().isAfter(clock.instant())) {
            publishedAt.add(clock.instant());
            next.set(Optional.empty());
            published.get().countDown();
        }
    }

    @AfterEach
    void stop() {
        tasks.shutdown();
    }

    @Test
    void setForTheEarliestScheduledMomentAndMovedWithEverySchedule() {
        timer.ready();
        assertThat(timer.armedFor()).isEmpty();

        Instant inAnHour = NOON.plus(Duration.ofHours(1));
        next.set(Optional.of(inAnHour));
        timer.on(new ArticleScheduled(1));
        assertThat(timer.armedFor()).contains(inAnHour);

        Instant sooner = NOON.plus(Duration.ofMinutes(5));
        next.set(Optional.of(sooner));
        timer.on(new ArticleScheduled(2));
        assertThat(timer.armedFor()).contains(sooner);

        next.set(Optional.empty());
        timer.on(new ArticleScheduled(2));
        assertThat(timer.armedFor()).isEmpty();
        assertThat(publishedAt).as("nothing was due").isEmpty();
    }

    @Test
    void publishesWhenTheMomentComesWithoutWaitingForThePoll() throws InterruptedException {
        Instant due = NOON.plus(Duration.ofMillis(300));
        next.set(Optional.of(due));
        timer.on(new ArticleScheduled(1));
        assertThat(timer.armedFor()).contains(due);
        clock.set(due); // the application's clock reaches the moment (it stands still in this test otherwise)

        assertThat(published.get().await(30, TimeUnit.SECONDS))
                .as("published by the timer")
                .isTrue();
        assertThat(publishedAt).containsExactly(due);
    }

    @Test
    void triesAgainWhenTheRunFoundNothingDueYet() throws InterruptedException {
        Instant due = NOON.plus(Duration.ofMillis(100));
        next.set(Optional.of(due));
        timer.on(new ArticleScheduled(1));
        // the timer fires while the clock still reads noon: nothing is published, and it is set again
        Thread.sleep(300);
        assertThat(publishedAt).isEmpty();
        assertThat(timer.armedFor()).contains(due);

        clock.set(due);
        assertThat(published.get().await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(publishedAt).containsExactly(due);
    }
}
