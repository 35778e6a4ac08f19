package org.masthead.media.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.masthead.media.MediaProperties;
import org.masthead.media.MultipartLimits;
import org.masthead.web.FilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away an upload whose declared length is over the container's multipart limit before anything reads its
 * body, and sends the browser back to the upload form, which then says how large an image may be.
 *
 * <p>Without it such a request fails inside Spring Security: the CSRF check reads the form parameters, the
 * container refuses to parse the oversize body, and the uploader would see a bare error page. Runs before the
 * security filters ({@link FilterOrder}); the server reads and discards the rest of the body
 * ({@code server.tomcat.max-swallow-size=-1}), so the browser gets the answer instead of a reset connection.
 * A body sent without a declared length is caught when the container refuses it, and answered the same way.
 * Uploads between our limit and the container's reach {@link MediaAdminController}, which answers 413 on the form.
 */
@Component
class UploadTooLargeFilter extends OncePerRequestFilter implements Ordered {

    static final String UPLOAD_PATH = "/admin/media";

    private final long containerLimit;

    UploadTooLargeFilter(MediaProperties properties) {
        this.containerLimit = MultipartLimits.maxRequestSize(properties);
    }

    @Override
    public int getOrder() {
        return FilterOrder.UPLOAD_TOO_LARGE.order();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.POST.matches(request.getMethod())
                || !UPLOAD_PATH.equals(request.getRequestURI()
                        .substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > containerLimit) {
            backToTheForm(request, response, "too-large");
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IllegalStateException e) {
            // A body without a declared length (chunked) that turned out too large: the container refuses to parse
            // it when the CSRF check first reads a parameter.
            if (!isSizeLimit(e) || response.isCommitted()) {
                throw e;
            }
            backToTheForm(request, response, isHeaderLimit(e) ? "name-too-long" : "too-large");
        }
    }

    private static void backToTheForm(HttpServletRequest request, HttpServletResponse response, String why) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + UPLOAD_PATH + "/new?" + why);
    }

    /**
     * Whether it was a part's headers that were too long (Tomcat: "Header section has more than … bytes"): a file
     * name beyond {@code server.tomcat.max-part-header-size}, not a large file.
     */
    private static boolean isHeaderLimit(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().startsWith("Header section")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the container refused the body for its size (Tomcat's FileSizeLimitExceededException and kin). */
    private static boolean isSizeLimit(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().endsWith("LimitExceededException")
                    || cause instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
                return true;
            }
        }
        return false;
    }
}
