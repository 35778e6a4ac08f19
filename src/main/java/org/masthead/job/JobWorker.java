package org.masthead.job;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls for due jobs every {@code masthead.jobs.poll-delay} and runs up to {@code masthead.jobs.threads} at once
 * on this node. {@code masthead.jobs.enabled=false} turns it off (the node still enqueues jobs for others).
 * It writes the node's heartbeat every {@code masthead.jobs.heartbeat}; a node silent for
 * {@code masthead.jobs.node-timeout} is dead, and other nodes take its jobs over at once. On shutdown it stops
 * claiming, gives running jobs the shutdown phase to finish, and records the node stopped, so that a job cut short
 * is taken over at once too.
 */
@Component
@ConditionalOnBooleanProperty(name = "masthead.jobs.enabled", matchIfMissing = true)
class JobWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);
    private static final Duration KEEP_FINISHED = Duration.ofDays(30);

    private final Jobs jobs;
    private final JobProperties properties;
    private final AtomicInteger busy = new AtomicInteger();
    private volatile ScheduledExecutorService poller;
    private volatile ScheduledExecutorService heart;
    private volatile ExecutorService runners;
    private volatile long polls;

    JobWorker(Jobs jobs, JobProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
    }

    @Override
    public void start() {
        AtomicInteger threads = new AtomicInteger();
        runners = Executors.newFixedThreadPool(
                properties.threads(), task -> new Thread(task, "job-" + threads.incrementAndGet()));
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "job-poller");
            thread.setDaemon(true);
            return thread;
        });
        heart = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "job-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        beat();
        long beat = properties.heartbeat().toMillis();
        heart.scheduleAtFixedRate(this::beat, beat, beat, TimeUnit.MILLISECONDS);
        long delay = properties.pollDelay().toMillis();
        poller.scheduleWithFixedDelay(this::poll, delay, delay, TimeUnit.MILLISECONDS);
    }

    /** This node is alive: its heartbeat, on its own thread so that busy runners cannot hold it up. */
    void beat() {
        try {
            jobs.beat();
        } catch (RuntimeException ex) {
            log.warn("Could not write this node's heartbeat, will try again: {}", ex.toString());
        }
    }

    void poll() {
        try {
            if (polls++ % 3600 == 0) {
                jobs.prune(KEEP_FINISHED);
            }
            int free = properties.threads() - busy.get();
            for (Job job : jobs.claim(free)) {
                busy.incrementAndGet();
                runners.execute(() -> {
                    try {
                        jobs.run(job);
                    } finally {
                        busy.decrementAndGet();
                    }
                });
            }
        } catch (RuntimeException ex) {
            log.warn("Could not look for due jobs, will try again: {}", ex.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService polling = poller;
        ExecutorService running = runners;
        poller = null;
        if (polling != null) {
            polling.shutdownNow();
        }
        if (running != null) {
            running.shutdown();
            try {
                if (!running.awaitTermination(15, TimeUnit.SECONDS)) {
                    running.shutdownNow();
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        ScheduledExecutorService beating = heart;
        heart = null;
        if (beating != null) {
            beating.shutdownNow();
            try {
                jobs.stopped();
            } catch (RuntimeException ex) {
                log.warn("Could not record that this node stopped: {}", ex.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
