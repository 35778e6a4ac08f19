package org.masthead.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers which staff member a session belonged to, for a day after its last use, under a SHA-256 hash of the
 * session id (the id itself, which is what the cookie carries, is never stored). A form posted after the session
 * expired can then be kept for that member and for nobody else; a session that never belonged to a signed-in member
 * (a visitor's, or an invented id) is unknown here.
 */
@Component
public class StaffSessions {

    /** How long after a session's last use its member is still known from its id. */
    public static final Duration AFTER_EXPIRY = Duration.ofDays(1);

    /** A live session's mark is renewed at most this often (so a long session's mark never runs out). */
    static final Duration RENEWAL = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    StaffSessions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records that the session {@code sessionId}, idle for at most {@code maxInactive} before it expires, is
     * {@code accountId}'s, until a day after it could have expired (counting from now, plus one renewal period).
     */
    public void mark(String sessionId, long accountId, Duration maxInactive) {
        Instant now = clock.instant();
        jdbc.update("delete from staff_session_marks where expires_at < ?", Timestamp.from(now));
        jdbc.update(
                """
                insert into staff_session_marks (session_hash, account_id, expires_at) values (?, ?, ?)
                on conflict (session_hash) do update
                    set account_id = excluded.account_id, expires_at = excluded.expires_at""",
                hash(sessionId),
                accountId,
                Timestamp.from(now.plus(maxInactive).plus(RENEWAL).plus(AFTER_EXPIRY)));
    }

    /** The staff member whose session had this id, if it was signed in and was last used less than a day ago. */
    public OptionalLong owner(String sessionId) {
        List<Long> owners = jdbc.queryForList(
                "select account_id from staff_session_marks where session_hash = ? and expires_at > ?",
                Long.class,
                hash(sessionId),
                Timestamp.from(clock.instant()));
        return owners.isEmpty() ? OptionalLong.empty() : OptionalLong.of(owners.get(0));
    }

    /** Forgets the session (signed out): a form posted with its id afterwards is nobody's. */
    public void forget(String sessionId) {
        jdbc.update("delete from staff_session_marks where session_hash = ?", hash(sessionId));
    }

    static String hash(String sessionId) {
        return SecretToken.hashOf(sessionId);
    }
}
