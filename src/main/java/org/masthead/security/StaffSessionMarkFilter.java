package org.masthead.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks a signed-in staff member's session in {@link StaffSessions} on their first newsroom request after signing
 * in, and renews the mark about once an hour while the session lives (the time of the last renewal is kept in the
 * session, so most requests cost nothing). Reader pages are left alone: they have no session to mark.
 */
class StaffSessionMarkFilter extends OncePerRequestFilter {

    static final String MARKED_AT = StaffSessionMarkFilter.class.getName() + ".markedAt";

    private final StaffSessions marks;
    private final Clock clock;

    StaffSessionMarkFilter(StaffSessions marks, Clock clock) {
        this.marks = marks;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/admin") || path.startsWith("/admin/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && signedIn != null && signedIn.getPrincipal() instanceof StaffUser member) {
            Object markedAt = session.getAttribute(MARKED_AT);
            long now = clock.millis();
            if (!(markedAt instanceof Long at) || now - at > StaffSessions.RENEWAL.toMillis()) {
                marks.mark(
                        session.getId(),
                        member.getAccountId(),
                        Duration.ofSeconds(Math.max(0, session.getMaxInactiveInterval())));
                session.setAttribute(MARKED_AT, now);
            }
        }
        chain.doFilter(request, response);
    }
}
