package org.masthead.outbox;

import java.time.Instant;

/**
 * An outgoing call as the outbox lists it (for the admin's pages): where it goes, what it says (its headers and
 * body hold no credentials: those are added when it is sent) and how it fared.
 *
 * @param state {@code QUEUED} (waiting for its first or next attempt), {@code SENDING}, {@code SENT} or
 *     {@code FAILED} (its attempts ran out)
 * @param lastStatus the HTTP status of the last answer, or {@code null} (none yet, or no answer at all)
 */
public record OutboxEntry(
        long id,
        String kind,
        String method,
        String url,
        String headers,
        String body,
        String state,
        int attempts,
        int maxAttempts,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt) {

    /** Its headers and body on one line, cut at 300 characters. */
    public String summary() {
        String text = (headers.strip().replace('\n', ';') + " " + body.strip()).strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    public boolean failing() {
        return "FAILED".equals(state) || ("QUEUED".equals(state) && attempts > 0);
    }
}
