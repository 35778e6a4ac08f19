package org.masthead.security;

import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A feature that keeps what a staff form carried when its POST is refused for an expired session or CSRF token,
 * so nothing typed is lost. Asked in turn by the access-denied handler for such refusals.
 */
public interface RejectedFormRescue {

    /**
     * Answers the path of the page to forward to if the request is one of this feature's forms (it is answered with
     * 403 and should tell the user how to get their text back), empty otherwise. The form's fields may be kept only
     * for {@code staffMember}: the signed-in member, or the member whose session (identified by the id the request
     * still carries) expired less than a day ago. When it is empty, the request is nobody's known to the newsroom
     * (a visitor's, or forged) and nothing may be kept.
     */
    Optional<String> rescue(HttpServletRequest request, OptionalLong staffMember);
}
