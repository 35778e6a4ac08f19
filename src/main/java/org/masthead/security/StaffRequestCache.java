package org.masthead.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The newsroom page a member asked for before signing in, remembered to return to afterwards: in a cookie, since no
 * session exists before a successful sign-in, and only for a newsroom page (a reader's request is never remembered).
 * The security chain stores it, and every end of a sign-in (the password alone, or the second step) reads it.
 */
final class StaffRequestCache {

    private static final RequestCache CACHE = create();

    private StaffRequestCache() {}

    static RequestCache get() {
        return CACHE;
    }

    private static RequestCache create() {
        CookieRequestCache cache = new CookieRequestCache();
        cache.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
        cache.setRequestMatcher(new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/admin"),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/admin/**")));
        return cache;
    }
}
