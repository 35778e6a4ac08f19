package org.masthead.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter that acts on one path and the paths below it, at its place in {@link FilterOrder}; every other request
 * passes untouched.
 */
abstract class PathFilter extends OncePerRequestFilter implements Ordered {

    private final FilterOrder order;
    private final String path;

    PathFilter(FilterOrder order, String path) {
        this.order = order;
        this.path = path;
    }

    @Override
    public int getOrder() {
        return order.order();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String requested =
                request.getRequestURI().substring(request.getContextPath().length());
        return !requested.equals(path) && !requested.startsWith(path + "/");
    }
}
