package org.masthead.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error pages, one per status that has its own words, all rendered by the one template {@link #VIEW} with their
 * title and message from {@code messages.properties} ({@code error.<kind>.title}, {@code error.<kind>.message}).
 * Any other server error gets {@link #SERVER_ERROR}'s page.
 */
public enum ErrorPage {
    BAD_REQUEST(400, "bad-request"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not-found"),
    CONFLICT(409, "conflict"),
    GONE(410, "gone"),
    TOO_LARGE(413, "too-large"),
    UNAVAILABLE(503, "unavailable"),
    SERVER_ERROR(500, "server-error");

    /** The one error template. */
    public static final String VIEW = "error/page";

    /** The model attribute that names the page to the template. */
    public static final String ATTRIBUTE = "errorPage";

    private final int status;
    private final String kind;

    ErrorPage(int status, String kind) {
        this.status = status;
        this.kind = kind;
    }

    /** The page for a status: its own, the server error's for any other 5xx, none for any other status. */
    public static Optional<ErrorPage> of(int status) {
        for (ErrorPage page : values()) {
            if (page.status == status) {
                return Optional.of(page);
            }
        }
        return status >= 500 ? Optional.of(SERVER_ERROR) : Optional.empty();
    }

    public int getStatus() {
        return status;
    }

    public String getTitleKey() {
        return "error." + kind + ".title";
    }

    public String getMessageKey() {
        return "error." + kind + ".message";
    }

    /** Spring Boot's error pages (the error dispatch of any status) are these. */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Resolver implements ErrorViewResolver {

        @Override
        public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
            return of(status.value())
                    .map(page -> {
                        Map<String, Object> withPage = new HashMap<>(model);
                        withPage.put(ATTRIBUTE, page);
                        return new ModelAndView(VIEW, withPage);
                    })
                    .orElse(null);
        }
    }
}
