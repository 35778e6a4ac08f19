package org.masthead.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.masthead.audit.AuditLog;
import org.masthead.security.Actor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed and refused sign-ins, counted per client address, email and hour ({@code sign_in_failures}) rather than
 * an audit row each. The audit log gets the first failure of each address, email and hour, and the first refusal
 * (throttled) of each address and hour, whatever the email: a client guessing passwords adds at most a few rows an
 * hour, however fast it guesses. Counts older than {@link #KEPT} are deleted as new hours begin.
 */
@Component
public class SignInFailures {

    static final Duration KEPT = Duration.ofDays(90);

    /** Longer emails and addresses are cut: no real one is longer, and a row stays small. */
    private static final int MAX_EMAIL = 254;

    private static final int MAX_ADDRESS = 64;

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    SignInFailures(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A wrong email or password ({@code why}) for {@code email} from {@code remoteAddr}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String email, String remoteAddr, String why) {
        String normalised = cut(email == null ? "" : email.strip().toLowerCase(Locale.ROOT), MAX_EMAIL);
        if (count("failures", normalised, remoteAddr) == 1) {
            audit.recordSeparately(
                    Actor.signIn(normalised), "account.sign-in-failed", "email " + normalised, firstOfTheHour(why));
        }
    }

    /** An attempt refused by the throttle, until {@code until}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(String email, String remoteAddr, Instant until) {
        String normalised = cut(email == null ? "" : email.strip().toLowerCase(Locale.ROOT), MAX_EMAIL);
        if (count("refused", "", remoteAddr) == 1) {
            audit.recordSeparately(
                    Actor.signIn(normalised),
                    "account.sign-in-throttled",
                    "email " + normalised,
                    firstOfTheHour("refused until " + until));
        }
    }

    private int count(String column, String email, String remoteAddr) {
        Instant now = clock.instant();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        String address = cut(remoteAddr == null ? "" : remoteAddr, MAX_ADDRESS);
        Integer count = jdbc.queryForObject(
                "insert into sign_in_failures as f (window_start, remote_addr, email, " + column + ", last_at)"
                        + " values (?, ?, ?, 1, ?) on conflict (window_start, remote_addr, email) do update set "
                        + column + " = f." + column + " + 1, last_at = excluded.last_at returning f." + column,
                Integer.class,
                Timestamp.from(hour),
                address,
                email,
                Timestamp.from(now));
        int counted = count == null ? 0 : count;
        if (counted == 1) {
            jdbc.update("delete from sign_in_failures where window_start < ?", Timestamp.from(hour.minus(KEPT)));
        }
        return counted;
    }

    private static String firstOfTheHour(String why) {
        return why + " (the first of this hour; sign_in_failures counts the others)";
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
