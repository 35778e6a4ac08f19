package org.masthead.edition;

import java.sql.Timestamp;
import java.time.Clock;

import org.masthead.audit.AuditLog;
import org.masthead.security.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the senders tell editors: a notice on the edition (a message key), and the end of the send. */
@Component
class EditionNotices {

    /** The senders' audit lines name the actor "newsletter". */
    static final Actor ACTOR = Actor.system("newsletter");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    EditionNotices(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    void notice(long editionId, String messageKey) {
        jdbc.sql("update editions set notice = :notice where id = :id and notice <> :notice")
                .param("notice", messageKey)
                .param("id", editionId)
                .update();
    }

    void clear(long editionId) {
        jdbc.sql("update editions set notice = '' where id = :id and notice <> ''")
                .param("id", editionId)
                .update();
    }

    /** Marks a send finished (once, whichever sender sees it first) and writes its summary to the audit log. */
    void finished(long editionId) {
        int changed = jdbc.sql("""
                        update editions set state = 'SENT', finished_at = :now, notice = ''
                        where id = :id and state = 'SENDING'""")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", editionId)
                .update();
        if (changed == 1) {
            String counts = jdbc.sql("""
                            select string_agg(lower(state) || ' ' || n, ', ' order by state)
                            from (select state, count(*) as n from edition_deliveries where edition_id = :id
                                  group by state) c""")
                    .param("id", editionId)
                    .query(String.class)
                    .optional()
                    .orElse("");
            audit.recordSeparately(ACTOR, "edition.sent", "edition #" + editionId, counts == null ? "" : counts);
        }
    }
}
