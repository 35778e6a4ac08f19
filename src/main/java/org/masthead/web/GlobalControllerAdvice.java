package org.masthead.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every controller shares: trimmed form input, and a 400 page with a message for a malformed query string.
 * Unknown slugs and ids throw exceptions marked {@code @ResponseStatus(NOT_FOUND)}, which the container turns
 * into the error pages in {@code templates/error/} (never a stack trace).
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
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/login")
                || path.equals("/admin")
                || path.startsWith("/admin/")
                || path.startsWith("/account/");
    }

    @InitBinder
    void trimStrings(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(false));
    }

    @ExceptionHandler(BadRequestException.class)
    String badRequest(BadRequestException ex, Model model, HttpServletResponse response) {
        return badRequestPage(ex.getMessageKey(), model, response);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String badParameter(Exception ex, Model model, HttpServletResponse response) {
        String key = ex instanceof MethodArgumentTypeMismatchException mismatch && "page".equals(mismatch.getName())
                ? "error.page-number"
                : "error.bad-parameter";
        return badRequestPage(key, model, response);
    }

    private String badRequestPage(String messageKey, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("site", site);
        model.addAttribute("messageKey", messageKey);
        return "error/400";
    }
}
