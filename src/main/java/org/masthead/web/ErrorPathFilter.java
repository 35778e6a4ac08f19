package org.masthead.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/**
 * {@code /error} is where the container shows an error page; asked for directly it has no error to show (and the
 * error controller, finding no status, would answer 500): it is not found, like any path with no page.
 */
@Component
class ErrorPathFilter extends PathFilter {

    ErrorPathFilter() {
        super(FilterOrder.ERROR_PATH, "/error");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
