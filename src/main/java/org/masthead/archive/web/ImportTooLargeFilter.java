package org.masthead.archive.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.masthead.archive.ImportProperties;
import org.masthead.web.FilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away an export upload whose declared length is over the import limit before anything reads its body (the
 * container would refuse to parse it inside the CSRF check), and sends the admin back to the page, which says why.
 * Runs before the security filters, like the media library's own guard.
 */
@Component
class ImportTooLargeFilter extends OncePerRequestFilter implements Ordered {

    static final String UPLOAD_PATH = "/admin/export/import";

    private final long limit;

    ImportTooLargeFilter(ImportProperties properties) {
        // the form's other fields and the multipart framing around the file
        this.limit =
                properties.maxFileSize().toBytes() + DataSize.ofMegabytes(1).toBytes();
    }

    @Override
    public int getOrder() {
        return FilterOrder.IMPORT_TOO_LARGE.order();
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
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + UPLOAD_PATH + "?too-large");
            return;
        }
        chain.doFilter(request, response);
    }
}
