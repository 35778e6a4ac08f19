package org.masthead.article;

import java.time.Instant;

/**
 * One piece on the editorial calendar at one moment: its publication (done or to come) or its expiry.
 *
 * @param editable whether the member looking may open it in the editor (else the calendar links its public page)
 * @param reschedulable whether the member may move its scheduled publication from the calendar
 */
public record CalendarEntry(
        long id,
        String title,
        String slug,
        String section,
        Kind kind,
        Instant at,
        Instant expiresAt,
        boolean editable,
        boolean reschedulable) {

    /** What happens to the piece at {@link #at}. */
    public enum Kind {
        /** Scheduled to be published then. */
        SCHEDULED,
        /** Published then. */
        PUBLISHED,
        /** Comes down then (its expiry). */
        EXPIRES
    }
}
