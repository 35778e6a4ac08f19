package org.masthead.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

import org.masthead.cache.NextPublication;
import org.masthead.event.PublicContentEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes a scheduled article at its moment rather than at the scheduler's next poll: one task, armed for the
 * earliest scheduled time, and armed again after every change of public content (setting, moving or dropping a
 * schedule raises one) and after each run. {@link ArticleScheduler}'s poll stays, as the safety net for a schedule
 * set on another node or a run that failed. The wait is measured on the injected clock.
 */
@Component
@ConditionalOnBooleanProperty(name = "masthead.scheduler.enabled", matchIfMissing = true)
class PublicationTimer {

    /** The least wait before trying the same moment again (another node may be publishing that article). */
    static final Duration RETRY = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(PublicationTimer.class);

    private final TaskScheduler tasks;
    private final NextPublication publications;
    private final Runnable publishDue;
    private final Clock clock;
    private ScheduledFuture<?> armed;
    private Instant armedFor;

    @Autowired
    PublicationTimer(TaskScheduler tasks, NextPublication publications, ArticleScheduler scheduler, Clock clock) {
        this(tasks, publications, (Runnable) scheduler::run, clock);
    }

    PublicationTimer(TaskScheduler tasks, NextPublication publications, Runnable publishDue, Clock clock) {
        this.tasks = tasks;
        this.publications = publications;
        this.publishDue = publishDue;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        arm(Duration.ZERO);
    }

    /** After a change to public content (a schedule among them) is committed here. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(PublicContentEvent change) {
        arm(Duration.ZERO);
    }

    /** The moment the timer is set for, if any. */
    synchronized Optional<Instant> armedFor() {
        return Optional.ofNullable(armedFor);
    }

    private void fire() {
        synchronized (this) {
            armed = null; // this run: whatever it finds, the next one is armed below
        }
        publishDue.run();
        arm(RETRY);
    }

    /** Sets the timer for the earliest scheduled article, waiting at least {@code atLeast} for one already due. */
    private synchronized void arm(Duration atLeast) {
        Optional<Instant> next;
        try {
            next = publications.next();
        } catch (RuntimeException ex) {
            log.warn("Could not read the next scheduled publication; the poll will publish it: {}", ex.toString());
            return;
        }
        if (armed != null && !armed.isDone() && next.isPresent() && next.get().equals(armedFor)) {
            return;
        }
        if (armed != null) {
            armed.cancel(false);
        }
        armed = null;
        armedFor = next.orElse(null);
        if (next.isEmpty()) {
            return;
        }
        Duration wait = Duration.between(clock.instant(), next.get());
        if (wait.compareTo(atLeast) < 0) {
            wait = atLeast;
        }
        armed = tasks.schedule(this::fire, tasks.getClock().instant().plus(wait));
    }
}
