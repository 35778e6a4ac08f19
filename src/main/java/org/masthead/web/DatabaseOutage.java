package org.masthead.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure because the database cannot be reached (down, restarting, no connection free in time) from any
 * other: those get a 503 page with {@code Retry-After} instead of a 500, readers and staff alike. A pool whose
 * connections were all busy ({@link #isBusy}) is told apart: its page says "busy, try again" and asks for a retry
 * within seconds.
 */
final class DatabaseOutage {

    /** Seconds a client is asked to wait before trying again. */
    static final String RETRY_AFTER_SECONDS = "30";

    /** Seconds a client is asked to wait when the database is up but every connection was busy. */
    static final String BUSY_RETRY_AFTER_SECONDS = "2";

    /** Request attribute: the 503 page says "busy, retry" rather than "cannot reach the database". */
    static final String BUSY = DatabaseOutage.class.getName() + ".busy";

    private DatabaseOutage() {}

    /** Whether {@code failure}, or anything that caused it, says that the database could not be reached. */
    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof JDBCConnectionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether {@code failure} is the pool's wait for a free connection running out while the database answers: the
     * pool (HikariCP) then gives the exception no cause, where an unreachable database gives it the last failure
     * to connect. The application is busy, not cut off: the client is asked to retry in a moment.
     */
    static boolean isBusy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout) {
                return timeout.getCause() == null;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The 503's {@code Retry-After} and what its page says, for a failure {@link #isCause} recognised. */
    static void describe(Throwable failure, HttpServletRequest request, HttpServletResponse response) {
        boolean busy = isBusy(failure);
        request.setAttribute(BUSY, busy);
        response.setHeader(HttpHeaders.RETRY_AFTER, busy ? BUSY_RETRY_AFTER_SECONDS : RETRY_AFTER_SECONDS);
    }

    /**
     * SQLSTATE class 08 (connection exception), and 57P01–57P03: the server is shutting down, crashed or is
     * starting up.
     */
    private static boolean isConnectionState(String state) {
        return state != null
                && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
