package org.masthead.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A service refused an action to its actor: a 403 page (through the security filter's access-denied handler,
 * which keeps a refused form's text), never a 500.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class NotAllowedException extends AccessDeniedException {

    public NotAllowedException(Actor by, String action) {
        super(by.auditName() + " may not " + action);
    }

    /** Throws unless {@code allowed}; {@code action} says what was refused, for the log. */
    public static void require(boolean allowed, Actor by, String action) {
        if (!allowed) {
            throw new NotAllowedException(by, action);
        }
    }
}
