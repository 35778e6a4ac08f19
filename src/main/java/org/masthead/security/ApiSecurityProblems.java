package org.masthead.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security's refusals under {@code /api/**}, in the API's own error format: an RFC 9457 problem
 * ({@code application/problem+json}) rather than the site's HTML error pages. The API is read-only, so a request
 * with any method but GET, HEAD or OPTIONS (refused by the CSRF check or the deny-all rule) is a 405 with
 * {@code Allow}; any other refusal a 401 (no credentials) or a 403. Never cached; readable from any origin, like
 * every API answer.
 */
final class ApiSecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** What the API answers to. */
    static final String ALLOW = "GET, HEAD, OPTIONS";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    ApiSecurityProblems(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        answer(request, response, HttpStatus.UNAUTHORIZED, "api.error.unauthorized");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        answer(request, response, HttpStatus.FORBIDDEN, "api.error.forbidden");
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, HttpStatus refusal, String key)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        boolean unsupported = !READS.contains(method);
        HttpStatus status = unsupported ? HttpStatus.METHOD_NOT_ALLOWED : refusal;
        String detail = unsupported
                ? messages.getMessage("api.error.method", new Object[] {method, ALLOW}, Locale.ENGLISH)
                : messages.getMessage(key, null, Locale.ENGLISH);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        byte[] body = JSON.writeValueAsBytes(problem);
        response.resetBuffer();
        response.setStatus(status.value());
        if (unsupported) {
            response.setHeader(HttpHeaders.ALLOW, ALLOW);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
