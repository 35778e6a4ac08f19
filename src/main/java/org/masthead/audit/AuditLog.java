package org.masthead.audit;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit log. Other features' services call it; who acted and from where are taken from the
 * current sign-in and request, so callers say only what happened and to what.
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
     * Records an action by the signed-in user, such as {@code record("article.publish", "article #12 my-slug", "")}.
     * Joins the caller's transaction, so the line exists exactly when the action was committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String subject, String detail) {
        events.save(new AuditEvent(clock.instant(), currentActor(), action, subject, detail, currentRemoteAddr()));
    }

    /** Records an action on behalf of a named actor (a failed sign-in, the scheduler), in its own transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAs(String actor, String action, String subject, String detail) {
        events.save(new AuditEvent(clock.instant(), actor, action, subject, detail, currentRemoteAddr()));
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "system" : authentication.getName();
    }

    private static String currentRemoteAddr() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "";
    }
}
