package org.masthead.api;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits each client address on {@code /api/**}: past its burst and rate, a 429 problem with {@code Retry-After}.
 * The address is the connection's, or the one a trusted proxy gives when {@code server.forward-headers-strategy}
 * is set (see docs/operators.md, "Behind a reverse proxy"). Runs before the security filters, so a refused
 * request costs next to nothing.
 */
class ApiRateLimitFilter extends OncePerRequestFilter {

    private final ClientRateLimit limit;
    private final ApiResponder responder;
    private final MessageSource messages;

    ApiRateLimitFilter(ClientRateLimit limit, ApiResponder responder, MessageSource messages) {
        this.limit = limit;
        this.responder = responder;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ClientRateLimit.Decision decision = limit.take(request.getRemoteAddr());
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        HttpStatus status = HttpStatus.TOO_MANY_REQUESTS;
        String detail = messages.getMessage(
                "api.error.rate-limit", new Object[] {decision.retryAfterSeconds()}, Locale.ENGLISH);
        byte[] body = responder.write(ApiProblems.problem(status, detail, request, null));
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // Browsers on other sites may read the refusal (and its Retry-After) like any API answer.
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, HttpHeaders.RETRY_AFTER);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
