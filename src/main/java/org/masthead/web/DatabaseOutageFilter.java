package org.masthead.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost: a request that failed before any controller because the database cannot be reached (typically loading
 * a staff member's session) gets the 503 page with {@code Retry-After}, not a 500. Failures inside controllers are
 * answered the same way by {@link GlobalControllerAdvice}. The error page for such a request is shown without its
 * cookies, so that showing it does not try to load the session from the unreachable database again.
 */
@Component
class DatabaseOutageFilter extends OncePerRequestFilter implements Ordered {

    private static final String OUTAGE = DatabaseOutageFilter.class.getName() + ".outage";

    @Override
    public int getOrder() {
        return FilterOrder.DATABASE_OUTAGE.order(); // before Spring Session, which loads sessions from the database
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            chain.doFilter(request.getAttribute(OUTAGE) == null ? request : new WithoutCookies(request), response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException ex) {
            if (response.isCommitted() || !DatabaseOutage.isCause(ex)) {
                throw ex;
            }
            logger.warn("The database cannot be reached: " + request.getMethod() + " " + request.getRequestURI()
                    + " answered 503 (" + ex + ")");
            request.setAttribute(OUTAGE, true);
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    /** The request as if it carried no cookie, so no session is looked up. */
    private static final class WithoutCookies extends HttpServletRequestWrapper {

        WithoutCookies(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Cookie[] getCookies() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.COOKIE.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.COOKIE.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public String getRequestedSessionId() {
            return null;
        }
    }
}
