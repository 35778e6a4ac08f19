package org.masthead.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens held in the session once there is one (a staff member signed in), and before that in a cookie (the
 * double-submit pattern: the sign-in form's hidden field must match the cookie, which another site can neither read
 * nor set), so that showing the sign-in form stores nothing on the server: no session row exists before a
 * successful sign-in. The cookie is HttpOnly, SameSite=Strict and limited to the staff side's paths; the session
 * that starts at sign-in gets a fresh token. A POST (or other unsafe request) with no session never gets a token
 * just to store one: it could not have sent a valid token and is refused anyway.
 */
final class SessionCsrfTokens implements CsrfTokenRepository {

    /** The cookie of a visitor who is not signed in. */
    static final String COOKIE = "MASTHEAD-CSRF";

    private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

    SessionCsrfTokens() {
        cookie.setCookieName(COOKIE);
        cookie.setCookiePath("/");
        cookie.setHeaderName("X-CSRF-TOKEN");
        cookie.setCookieCustomizer(builder -> builder.httpOnly(true).sameSite("Strict"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return session.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            session.saveToken(token, request, response);
            if (token == null) {
                cookie.saveToken(null, request, response);
            }
            return;
        }
        if (token != null && !isSafe(request.getMethod())) {
            return;
        }
        cookie.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        if (request.getSession(false) != null) {
            return session.loadToken(request);
        }
        return cookie.loadToken(request);
    }

    private static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method);
    }
}
