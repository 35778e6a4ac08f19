package org.masthead.api;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The API's errors as RFC 9457 problem details ({@code application/problem+json}): a bad parameter is a 400 naming
 * it, an unknown slug a 404, an archived article a 410. Never cached, never a stack trace. Ordered before the site's
 * {@code GlobalControllerAdvice}, whose error pages are HTML.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    /** A problem: {@code type} is {@code about:blank}, so {@code title} is the status's phrase. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Problem(String type, String title, int status, String detail, String instance, String parameter) {}

    private final MessageSource messages;
    private final ApiResponder responder;

    ApiProblems(MessageSource messages, ApiResponder responder) {
        this.messages = messages;
        this.responder = responder;
    }

    @ExceptionHandler(ApiBadRequestException.class)
    ResponseEntity<byte[]> badRequest(ApiBadRequestException ex, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, message(ex.messageKey(), ex.arguments()), request, ex.parameter());
    }

    @ExceptionHandler(ApiNotFoundException.class)
    ResponseEntity<byte[]> notFound(ApiNotFoundException ex, HttpServletRequest request) {
        String detail = ex.slug() == null
                ? message("api.error.no-path")
                : message("api.error.not-found." + ex.kind(), ex.slug());
        return problem(HttpStatus.NOT_FOUND, detail, request, null);
    }

    @ExceptionHandler(ApiGoneException.class)
    ResponseEntity<byte[]> gone(ApiGoneException ex, HttpServletRequest request) {
        return problem(HttpStatus.GONE, message("api.error.gone", ex.slug()), request, null);
    }

    private ResponseEntity<byte[]> problem(
            HttpStatus status, String detail, HttpServletRequest request, String parameter) {
        Problem problem = new Problem(
                "about:blank", status.getReasonPhrase(), status.value(), detail, request.getRequestURI(), parameter);
        return ResponseEntity.status(status)
                .contentType(ApiResponder.PROBLEM_JSON)
                .cacheControl(CacheControl.noStore())
                .body(responder.write(problem));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.ENGLISH);
    }
}
