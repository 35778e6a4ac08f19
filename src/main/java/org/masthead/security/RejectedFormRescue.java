package org.masthead.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A feature that keeps what a staff form carried when its POST is refused for an expired session or CSRF token,
 * so nothing typed is lost. Asked in turn by the access-denied handler for such refusals.
 */
public interface RejectedFormRescue {

    /**
     * Keeps the request's form fields if they are this feature's to keep, and answers the path of the page to
     * forward to (it is answered with 403 and should tell the user how to get their text back); empty otherwise.
     */
    Optional<String> rescue(HttpServletRequest request);
}
