package org.masthead.audit;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit log. Other features' services call it with the actor they were given (a staff member, the
 * scheduler, an import...) and what happened to what; the client address is taken from the current request.
 */
@Service
public class AuditLog {

    private final AuditEventRepository events;
    private final Clock clock;

    AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records an action, such as {@code record(me, "article.publish", "article #12 my-slug", "")}. Joins the
     * caller's transaction, so the line exists exactly when the action was committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor by, String action, String subject, String detail) {
        events.save(new AuditEvent(clock.instant(), by.auditName(), action, subject, detail, currentRemoteAddr()));
    }

    /** Records an action in its own transaction, kept whatever becomes of the caller's (a failed sign-in). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSeparately(Actor by, String action, String subject, String detail) {
        events.save(new AuditEvent(clock.instant(), by.auditName(), action, subject, detail, currentRemoteAddr()));
    }

    private static String currentRemoteAddr() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "";
    }
}
