package org.masthead.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hibernate.exception.JDBCConnectionException;
import org.masthead.rule.BusinessRuleException;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every controller shares: trimmed form input, a 400 page with a message for a malformed query string, and a
 * 503 page when the database cannot be reached.
 * Unknown slugs and ids throw exceptions marked {@code @ResponseStatus(NOT_FOUND)}, which the container turns
 * into the error page ({@link ErrorPage}; never a stack trace).
 */
@ControllerAdvice
class GlobalControllerAdvice {

    private final SiteProperties site;

    GlobalControllerAdvice(SiteProperties site) {
        this.site = site;
    }

    /** The journal's name and URL, for the layout. */
    @ModelAttribute("site")
    SiteProperties site() {
        return site;
    }

    /** Whether the page belongs to the staff side (sign-in, set-password, /admin), which gets the admin styles. */
    @ModelAttribute("staffArea")
    boolean staffArea(HttpServletRequest request) {
        return isStaffArea(request);
    }

    /** On an error page, the path asked for (not {@code /error}) decides. */
    private static boolean isStaffArea(HttpServletRequest request) {
        Object failedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failedPath instanceof String failed ? failed : request.getRequestURI();
        String path = uri.startsWith(request.getContextPath())
                ? uri.substring(request.getContextPath().length())
                : uri;
        return ReaderUrls.isStaffArea(path);
    }

    /**
     * Which part of the admin the page belongs to, for the staff navigation's current link: the path segment after
     * {@code /admin} ({@code articles} for {@code /admin/articles/12}), {@code ""} for the dashboard, null outside.
     */
    @ModelAttribute("adminSection")
    String adminSection(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/admin") || path.equals("/admin/")) {
            return "";
        }
        if (!path.startsWith("/admin/")) {
            return null;
        }
        String rest = path.substring("/admin/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** The most rows a form's lists (co-authors, links) may have; an index beyond is refused, not grown into. */
    static final int MAX_FORM_ROWS = 64;

    @InitBinder
    void trimStrings(WebDataBinder binder, HttpServletRequest request) {
        binder.setAutoGrowCollectionLimit(MAX_FORM_ROWS);
        binder.registerCustomEditor(String.class, new TextEditor("GET".equals(request.getMethod())));
    }

    /**
     * Trims text and keeps NUL characters, which PostgreSQL cannot store, away from it. In a query (a GET: search
     * words, list filters) a NUL becomes a space. In a form that saves something it is refused: the field shows its
     * message ({@code typeMismatch.java.lang.String}) with the text as typed, instead of the save failing.
     */
    static final class TextEditor extends StringTrimmerEditor {

        private final boolean query;

        TextEditor(boolean query) {
            super(false);
            this.query = query;
        }

        @Override
        public void setAsText(String text) {
            super.setAsText(query && text != null ? text.replace('\0', ' ') : StorableText.require(text));
        }
    }

    /** A form field indexed past {@link #MAX_FORM_ROWS} (such as {@code links[500].url}): no form has that many. */
    @ExceptionHandler(InvalidPropertyException.class)
    String tooManyRows(Model model, HttpServletResponse response) {
        return badRequestPage("error.too-many-rows", model, response);
    }

    @ExceptionHandler(BadRequestException.class)
    String badRequest(BadRequestException ex, Model model, HttpServletResponse response) {
        return badRequestPage(ex.getMessageKey(), model, response);
    }

    /**
     * A domain rule broken by a request that no form handler answered with a field error (the convention: a form
     * handler catches the rule's exception and shows {@link BusinessRuleException#getMessageKey()} at
     * {@link BusinessRuleException#getField()}): the 422 page with what to change, never a 500.
     */
    @ExceptionHandler(BusinessRuleException.class)
    String ruleBroken(BusinessRuleException ex, Model model, HttpServletResponse response) {
        String view = badRequestPage(ex.getMessageKey(), model, response);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return view;
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String badParameter(Exception ex, Model model, HttpServletResponse response) {
        String key = "error.bad-parameter";
        if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
            if ("page".equals(mismatch.getName())) {
                key = "error.page-number";
            } else if (mismatch.getValue() instanceof String text && text.indexOf('\0') >= 0) {
                key = "error.nul-character";
            }
        }
        return badRequestPage(key, model, response);
    }

    /**
     * The database cannot be reached (down, restarting, or no connection free within the pool's short timeout): a
     * 503 page that asks to come back, at once rather than after a long wait, and a clear word to staff that their
     * last action was not saved. The application reconnects by itself when the database is back.
     */
    @ExceptionHandler({
        CannotCreateTransactionException.class,
        DataAccessResourceFailureException.class,
        TransientDataAccessResourceException.class,
        JDBCConnectionException.class
    })
    String databaseUnavailable(HttpServletRequest request, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
        model.addAttribute("site", site);
        model.addAttribute("staffArea", isStaffArea(request));
        model.addAttribute(ErrorPage.ATTRIBUTE, ErrorPage.UNAVAILABLE);
        return ErrorPage.VIEW;
    }

    private String badRequestPage(String messageKey, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("site", site);
        model.addAttribute("messageKey", messageKey);
        model.addAttribute(ErrorPage.ATTRIBUTE, ErrorPage.BAD_REQUEST);
        return ErrorPage.VIEW;
    }
}
