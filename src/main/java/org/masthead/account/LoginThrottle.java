package org.masthead.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in throttling, counted in PostgreSQL so every app node sees the same counts. After
 * {@value #PER_ACCOUNT_LIMIT} failures for one email from one address, or {@value #PER_ADDRESS_LIMIT} from one
 * address, within {@link #WINDOW}, further attempts from that address (for that email, or for any) are refused
 * for {@link #BLOCK} after the failure that reached the limit. Refused attempts are not counted, so a block
 * ends on time. Unknown emails are counted exactly like known ones, and an attacker elsewhere cannot lock a
 * known editor out: the counts are per client address.
 */
@Component
public class LoginThrottle {

    public static final int PER_ACCOUNT_LIMIT = 5;
    public static final int PER_ADDRESS_LIMIT = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration BLOCK = Duration.ofMinutes(15);
    /** Failures older than this no longer matter and are deleted. */
    static final Duration KEEP = WINDOW.plus(BLOCK).plusMinutes(30);

    // The latest failure that was the limit-th one within the window before it (itself included).
    private static final String LIMIT_REACHED_AT = """
            select max(f.failed_at) from login_failures f
            where f.remote_addr = ? %1$s and f.failed_at > ? and f.failed_at <= ?
              and (select count(*) from login_failures g
                   where g.remote_addr = f.remote_addr %2$s
                     and g.failed_at > f.failed_at - make_interval(secs => ?) and g.failed_at <= f.failed_at) >= ?
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public LoginThrottle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** When sign-in for {@code email} from {@code remoteAddr} is refused, until when; empty when it is allowed. */
    @Transactional(readOnly = true)
    public Optional<Instant> blockedUntil(String email, String remoteAddr) {
        Instant now = clock.instant();
        Instant byAccount = limitReachedAt(
                " and f.email = ?", " and g.email = f.email", now, PER_ACCOUNT_LIMIT, remoteAddr, normalise(email));
        Instant byAddress = limitReachedAt("", "", now, PER_ADDRESS_LIMIT, remoteAddr, null);
        Instant latest = byAccount == null
                ? byAddress
                : byAddress == null ? byAccount : (byAccount.isAfter(byAddress) ? byAccount : byAddress);
        return Optional.ofNullable(latest).map(at -> at.plus(BLOCK)).filter(now::isBefore);
    }

    private Instant limitReachedAt(
            String outer, String inner, Instant now, int limit, String remoteAddr, String email) {
        String sql = LIMIT_REACHED_AT.formatted(outer, inner);
        Timestamp since = Timestamp.from(now.minus(BLOCK));
        Timestamp until = Timestamp.from(now);
        Object[] args = email == null
                ? new Object[] {remoteAddr, since, until, WINDOW.toSeconds(), limit}
                : new Object[] {remoteAddr, email, since, until, WINDOW.toSeconds(), limit};
        Timestamp at = jdbc.queryForObject(sql, Timestamp.class, args);
        return at == null ? null : at.toInstant();
    }

    /** Counts a failed attempt, and forgets failures too old to matter. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String email, String remoteAddr) {
        Instant now = clock.instant();
        jdbc.update(
                "insert into login_failures (email, remote_addr, failed_at) values (?, ?, ?)",
                normalise(email),
                remoteAddr,
                Timestamp.from(now));
        jdbc.update("delete from login_failures where failed_at < ?", Timestamp.from(now.minus(KEEP)));
    }

    /** After a successful sign-in, that email's earlier failures from that address are forgotten. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String email, String remoteAddr) {
        jdbc.update("delete from login_failures where email = ? and remote_addr = ?", normalise(email), remoteAddr);
    }

    private static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
