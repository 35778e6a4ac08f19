package org.masthead.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.masthead.audit.AuditLog;
import org.masthead.event.PublicContentEvent;
import org.masthead.outbox.HttpOutbox;
import org.masthead.outbox.OutboxEntry;
import org.masthead.outbox.OutgoingRequest;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.masthead.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Purges the shared caches in front of the application ({@code masthead.cache.purge.*}) by the surrogate keys of
 * each change to public content. The purge calls are written to the {@link HttpOutbox} in the change's own
 * transaction (so they exist exactly when the change was committed, even if this node dies the next instant) and
 * sent right after the commit; a failed call is retried with back-off by any node. A change no tag bounds
 * ({@link PublicContentEvent#touchesEveryPage()}) purges everything.
 */
@Service
public class EdgePurge {

    static final String KINDS = "purge.";
    private static final int LISTED = 50;

    private final List<PurgeTarget> targets;
    private final Duration repeatAfter;
    private final Clock clock;
    private final HttpOutbox outbox;
    private final PageCache pages;
    private final PostgresInvalidationBridge nodes;
    private final AuditLog audit;

    @Autowired
    EdgePurge(
            CachePurgeProperties properties,
            HttpOutbox outbox,
            PageCache pages,
            PostgresInvalidationBridge nodes,
            AuditLog audit,
            Clock clock) {
        this(PurgeTarget.of(properties), properties.repeatAfter(), clock, outbox, pages, nodes, audit);
    }

    EdgePurge(
            List<PurgeTarget> targets,
            Duration repeatAfter,
            Clock clock,
            HttpOutbox outbox,
            PageCache pages,
            PostgresInvalidationBridge nodes,
            AuditLog audit) {
        this.targets = targets;
        this.repeatAfter = repeatAfter;
        this.clock = clock;
        this.outbox = outbox;
        this.pages = pages;
        this.nodes = nodes;
        this.audit = audit;
    }

    /** Before the change commits, in its transaction: its purges join the outbox. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PublicContentEvent change) {
        if (targets.isEmpty()) {
            return;
        }
        if (change.touchesEveryPage()) {
            purgeEverything();
        } else if (!change.surrogateKeys().isEmpty()) {
            purge(List.copyOf(change.surrogateKeys()));
        }
    }

    /** Purges the pages tagged with any of {@code keys} from every shared cache. */
    void purge(List<String> keys) {
        targets.forEach(target -> target.purge(keys).forEach(this::send));
    }

    private void purgeEverything() {
        targets.forEach(target -> target.purgeEverything().forEach(this::send));
    }

    /**
     * Right after the commit, and again {@code repeatAfter} later: the other nodes drop their pages when PostgreSQL
     * tells them, an instant after the commit, and a shared cache that fetched from one of them in that instant
     * would otherwise keep the old page.
     */
    private void send(OutgoingRequest purge) {
        outbox.enqueue(purge);
        if (!repeatAfter.isZero() && !repeatAfter.isNegative()) {
            outbox.enqueue(purge, clock.instant().plus(repeatAfter));
        }
    }

    /**
     * An admin empties every cache: the shared caches, this node's pages and every other node's. Audited; the
     * shared caches' purges go out after the commit like any other.
     */
    @Transactional
    public void purgeEverything(Actor by) {
        NotAllowedException.require(by.hasAtLeast(Role.ADMIN), by, "cache.purge-everything");
        purgeEverything();
        nodes.tellOtherNodesEverything();
        audit.record(
                by,
                "cache.purge-everything",
                "page caches",
                targets.isEmpty()
                        ? "in-app page caches only"
                        : targets.stream().map(PurgeTarget::describe).collect(Collectors.joining(", ")));
        pages.clear("purge everything");
    }

    /** What the admin's cache page shows. */
    @Transactional(readOnly = true)
    public Status status(Actor by) {
        NotAllowedException.require(by.hasAtLeast(Role.ADMIN), by, "cache.view");
        return new Status(
                targets.stream().map(PurgeTarget::describe).toList(),
                outbox.recent(KINDS, LISTED),
                outbox.failing(KINDS, LISTED),
                pages.keys().size(),
                pages.stats().hitRate());
    }

    /**
     * @param targets the shared caches purged, as {@link PurgeTarget#describe()} names them
     * @param recent the latest purge calls, newest first
     * @param failing the purge calls that failed and wait for a retry, or failed for good
     * @param pagesInMemory how many pages this node keeps in memory
     * @param hitRate the share of this node's page cache lookups answered from memory since it started
     */
    public record Status(
            List<String> targets,
            List<OutboxEntry> recent,
            List<OutboxEntry> failing,
            int pagesInMemory,
            double hitRate) {}
}
