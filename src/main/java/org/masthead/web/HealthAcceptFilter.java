package org.masthead.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The health endpoints answer JSON whatever the client accepts: a browser or an uptime monitor that asks for
 * {@code text/html} gets the status as JSON, not 406 Not Acceptable (which a monitor would read as "down").
 */
@Component
class HealthAcceptFilter extends PathFilter {

    HealthAcceptFilter() {
        super(FilterOrder.HEALTH_ACCEPT, "/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.contains("json") || accept.contains("*/*")) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new JsonAccepting(request), response);
    }

    private static final class JsonAccepting extends HttpServletRequestWrapper {

        JsonAccepting(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.APPLICATION_JSON_VALUE : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                    ? Collections.enumeration(java.util.List.of(MediaType.APPLICATION_JSON_VALUE))
                    : super.getHeaders(name);
        }
    }
}
