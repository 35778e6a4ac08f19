package org.masthead.db;

import java.io.IOException;
import java.sql.SQLException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.masthead.web.ReaderUrls;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Marks a reader's request as one whose read-only transactions may go to the replica: a GET or HEAD of a reader's
 * URL ({@link ReaderUrls}: pages, feeds, search, the API) outside the staff area, with no session cookie and no
 * credentials. A signed-in staff member reading the site reads the primary, so they see what they just changed.
 * A reader's request whose replica read failed (the replica went down under it) is answered again from the
 * primary: a reader never gets an error page for a replica's fault.
 */
class ReplicaReadsFilter extends OncePerRequestFilter {

    private final String sessionCookie;
    private final ReplicaReads replica;

    ReplicaReadsFilter(String sessionCookie, ReplicaReads replica) {
        this.sessionCookie = sessionCookie;
        this.replica = replica;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ReaderUrls.isStaffArea(path)
                || ReaderUrls.of(path) == null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || hasSession(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ReaderReads.begin();
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException ex) {
            // A replica that went down mid-request (its connections cut) fails the reads already given one: the
            // reader's GET changes nothing, so it is answered again from the primary, unless bytes have gone out.
            if (!ReaderReads.hasReadTheReplica() || !causedBySql(ex) || response.isCommitted()) {
                throw ex;
            }
            replica.retriedOnPrimary(ex);
            response.reset();
            ReaderReads.primaryOnly();
            chain.doFilter(request, response);
        } finally {
            ReaderReads.end();
        }
    }

    private static boolean causedBySql(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private boolean hasSession(HttpServletRequest request) {
        return WebUtils.getCookie(request, sessionCookie) != null;
    }
}
