package org.masthead.throttle;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one rate limiter for what a person or an address may do again and again (sign-in failures, newsletter
 * signups, draft rescues), counted in PostgreSQL so every application node sees the same counts. Each
 * {@link ThrottleRule} counts events per key (an address, an email from an address, an account): after
 * {@code limit} events within {@code window}, the key is refused until {@code block} after the event that reached
 * the limit. Events too old to matter are deleted as new ones are recorded.
 */
@Component
public class Throttle {

    // The latest event that was the limit-th one within the window before it (itself included).
    private static final String LIMIT_REACHED_AT = """
            select max(f.happened_at) from throttle_events f
            where f.rule = ? and f.throttle_key = ? and f.happened_at > ? and f.happened_at <= ?
              and (select count(*) from throttle_events g
                   where g.rule = f.rule and g.throttle_key = f.throttle_key
                     and g.happened_at > f.happened_at - make_interval(secs => ?)
                     and g.happened_at <= f.happened_at) >= ?
            """;

    /** Keys are cut to this length: a key is an address or an email, never free text. */
    static final int MAX_KEY_LENGTH = 320;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Throttle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Until when {@code key} is refused under {@code rule}; empty when it is allowed now. */
    public Optional<Instant> blockedUntil(ThrottleRule rule, String key) {
        Instant now = clock.instant();
        Timestamp at = jdbc.queryForObject(
                LIMIT_REACHED_AT,
                Timestamp.class,
                rule.name(),
                normalise(key),
                Timestamp.from(now.minus(rule.block())),
                Timestamp.from(now),
                rule.window().toSeconds(),
                rule.limit());
        return Optional.ofNullable(at)
                .map(Timestamp::toInstant)
                .map(reached -> reached.plus(rule.block()))
                .filter(now::isBefore);
    }

    /** Counts one event for {@code key}, and forgets the rule's events too old to matter. */
    public void record(ThrottleRule rule, String key) {
        Instant now = clock.instant();
        jdbc.update(
                "insert into throttle_events (rule, throttle_key, happened_at) values (?, ?, ?)",
                rule.name(),
                normalise(key),
                Timestamp.from(now));
        jdbc.update(
                "delete from throttle_events where rule = ? and happened_at < ?",
                rule.name(),
                Timestamp.from(now.minus(rule.keep())));
    }

    /**
     * Whether an attempt is allowed under every one of its rules: if so it is counted under each, if not nothing is
     * counted (a refused attempt does not lengthen the block).
     */
    public boolean tryAcquire(ThrottleRule.Counted... counts) {
        for (ThrottleRule.Counted count : counts) {
            if (blockedUntil(count.rule(), count.key()).isPresent()) {
                return false;
            }
        }
        for (ThrottleRule.Counted count : counts) {
            record(count.rule(), count.key());
        }
        return true;
    }

    /** Forgets every event of {@code key} under {@code rule} (a sign-in that succeeded forgets its failures). */
    public void forget(ThrottleRule rule, String key) {
        jdbc.update("delete from throttle_events where rule = ? and throttle_key = ?", rule.name(), normalise(key));
    }

    private static String normalise(String key) {
        String stripped = key == null ? "" : key.strip();
        return stripped.length() > MAX_KEY_LENGTH ? stripped.substring(0, MAX_KEY_LENGTH) : stripped;
    }
}
