package org.masthead.audit;

import java.util.function.LongFunction;

import org.masthead.event.PublicContentEvent;
import org.masthead.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a staff change to public content ends, in the caller's transaction: a line in the audit log and the typed event
 * that tells the readers' caches which pages it touches. A change refused before this point writes neither.
 */
@Component
public class PublicChanges {

    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    PublicChanges(AuditLog audit, ApplicationEventPublisher events) {
        this.audit = audit;
        this.events = events;
    }

    /**
     * Records {@code action} on {@code subject} (such as {@code "section #3 economy"}) and tells the caches through
     * {@code change}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor by, String action, String subject, String detail, PublicContentEvent change) {
        audit.record(by, action, subject, detail);
        events.publishEvent(change);
    }

    /**
     * Deletes something only when nothing uses it: with {@code uses} above 0, throws what {@code inUse} makes of
     * the count and changes nothing; otherwise runs {@code delete}, records {@code action} and tells the caches through
     * {@code change}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleteUnused(
            Actor by,
            String action,
            String subject,
            long uses,
            LongFunction<? extends RuntimeException> inUse,
            Runnable delete,
            PublicContentEvent change) {
        if (uses > 0) {
            throw inUse.apply(uses);
        }
        delete.run();
        record(by, action, subject, "", change);
    }
}
