package org.masthead.api;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The API's errors as RFC 9457 problem details ({@code application/problem+json}, Spring's {@link ProblemDetail}):
 * a bad parameter is a 400 naming it, an unknown slug a 404, an archived article a 410, and Spring MVC's own
 * exceptions in the API ({@link ResponseEntityExceptionHandler}) their status. Never cached, never a stack trace.
 * Ordered before the site's {@code GlobalControllerAdvice}, whose error pages are HTML; Spring Boot's global
 * problem details stay off, so the reader's pages keep those.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    /** Written out, as the API's description promises (Spring leaves the default out). */
    static final URI ABOUT_BLANK = URI.create("about:blank");

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A problem: {@code type} is {@code about:blank}, so {@code title} is the status's phrase; {@code instance} the
     * path asked for; {@code parameter} the query parameter at fault, if any.
     */
    static ProblemDetail problem(HttpStatus status, String detail, HttpServletRequest request, String parameter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ABOUT_BLANK);
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(URI.create(request.getRequestURI()));
        if (parameter != null) {
            problem.setProperty("parameter", parameter);
        }
        return problem;
    }

    @ExceptionHandler(ApiBadRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(ApiBadRequestException ex, HttpServletRequest request) {
        return answer(
                problem(HttpStatus.BAD_REQUEST, message(ex.messageKey(), ex.arguments()), request, ex.parameter()));
    }

    @ExceptionHandler(ApiNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ApiNotFoundException ex, HttpServletRequest request) {
        String detail = ex.slug() == null
                ? message("api.error.no-path")
                : message("api.error.not-found." + ex.kind(), ex.slug());
        return answer(problem(HttpStatus.NOT_FOUND, detail, request, null));
    }

    @ExceptionHandler(ApiGoneException.class)
    ResponseEntity<ProblemDetail> gone(ApiGoneException ex, HttpServletRequest request) {
        return answer(problem(HttpStatus.GONE, message("api.error.gone", ex.slug()), request, null));
    }

    /** Spring MVC's exceptions in the API: their own problem detail, never cached either. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders noStore = new HttpHeaders();
        noStore.addAll(headers);
        noStore.setCacheControl(CacheControl.noStore());
        if (body instanceof ProblemDetail problem && problem.getType() == null) {
            problem.setType(ABOUT_BLANK);
        }
        return super.createResponseEntity(body, noStore, statusCode, request);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .cacheControl(CacheControl.noStore())
                .body(problem);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.ENGLISH);
    }
}
