package org.masthead.article;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.masthead.security.SecretToken;
import org.masthead.security.StaffUser;
import org.masthead.throttle.Throttle;
import org.masthead.throttle.ThrottleRule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the text of an article form whose save was refused because its session or CSRF token had expired,
 * in the database (the session is gone) under a random key (a {@link SecretToken}, stored only as its hash), so that the editor gets it back after signing in
 * again. A rescue belongs to the staff member whose session posted it, and only they can open it; it lives a day.
 * It is bounded: at most {@link #MAX_BYTES} of text, and each member's {@link #MAX_PER_MEMBER} newest (the oldest
 * go). Nothing is saved to the article from here: the editor sees the form and saves it (or not) themselves.
 */
@Service
@Transactional
public class DraftRescues {

    public static final Duration LIFETIME = Duration.ofDays(1);

    /** A form with more text than this (1 MB, as UTF-8, all fields together) is not kept. */
    public static final int MAX_BYTES = 1024 * 1024;

    /** Each staff member's newest rescues kept; a further one drops the oldest. */
    public static final int MAX_PER_MEMBER = 5;

    /** Each staff member may have this many forms kept within an hour; further late posts keep nothing. */
    public static final int MAX_PER_HOUR = 10;

    static final ThrottleRule PER_MEMBER =
            new ThrottleRule("draft-rescue.account", MAX_PER_HOUR, Duration.ofHours(1), Duration.ofHours(1));

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, List<String>>> FIELDS = new TypeReference<>() {};

    private final DraftRescueRepository rescues;
    private final Throttle throttle;
    private final Clock clock;

    DraftRescues(DraftRescueRepository rescues, Throttle throttle, Clock clock) {
        this.rescues = rescues;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** A rescued form: the article it was for (null for a new one) and its fields as posted. */
    public record Rescued(Long articleId, Map<String, List<String>> fields) {}

    /**
     * Keeps the given form fields for {@code accountId}; answers the key under which that member can open them, or
     * empty if they are too long to keep or the member has had {@value #MAX_PER_HOUR} kept within the hour (nothing is
     * stored then).
     */
    public Optional<String> keep(long accountId, Long articleId, Map<String, List<String>> fields) {
        String json = JSON.writeValueAsString(fields);
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.empty();
        }
        if (!throttle.tryAcquire(PER_MEMBER.of(Long.toString(accountId)))) {
            return Optional.empty();
        }
        rescues.deleteExpired(clock.instant());
        rescues.lockRescuesOf(accountId);
        SecretToken key = SecretToken.generate();
        rescues.saveAndFlush(new DraftRescue(
                key.hash(),
                accountId,
                articleId,
                json,
                clock.instant(),
                clock.instant().plus(LIFETIME)));
        rescues.deleteOldestBeyond(accountId, MAX_PER_MEMBER);
        return Optional.of(key.value());
    }

    /** The rescued form, if the key is live and was kept for this staff member. */
    public Optional<Rescued> claim(String key, StaffUser by) {
        return SecretToken.parse(key)
                .flatMap(parsed -> rescues.findByKeyHash(parsed.hash()))
                .filter(rescue -> rescue.isFor(by.getAccountId(), clock.instant()))
                .map(rescue -> new Rescued(rescue.articleId(), JSON.readValue(rescue.fields(), FIELDS)));
    }
}
