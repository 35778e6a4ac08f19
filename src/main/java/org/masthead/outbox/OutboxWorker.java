package org.masthead.outbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The background sender of the outbox: every {@code masthead.outbox.poll-delay} it sends the calls that are due
 * (retries, and calls a node enqueued but could not send before it stopped). {@code masthead.outbox.enabled=false}
 * turns it off on a node.
 */
@Component
@ConditionalOnBooleanProperty(name = "masthead.outbox.enabled", matchIfMissing = true)
class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final HttpOutbox outbox;
    private final OutboxProperties properties;
    private volatile ScheduledExecutorService poller;
    private long polls;

    OutboxWorker(HttpOutbox outbox, OutboxProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "outbox-poller");
            thread.setDaemon(true);
            return thread;
        });
        long delay = properties.pollDelay().toMillis();
        poller.scheduleWithFixedDelay(this::poll, delay, delay, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            if (polls++ % 1800 == 0) {
                outbox.prune();
            }
            outbox.sendDue();
        } catch (RuntimeException ex) {
            log.warn("Could not send the due outgoing calls, will try again: {}", ex.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService polling = poller;
        poller = null;
        if (polling != null) {
            polling.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
