package org.masthead.article;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.masthead.security.StaffUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the text of an article form whose save was refused because its session or CSRF token had expired,
 * in the database (the session is gone) under a random key, so that the editor gets it back after signing in
 * again. A rescue lives a day; the first staff member who opens it claims it, and only they can open it again.
 * Nothing is saved to the article from here: the editor sees the form and saves it (or not) themselves.
 */
@Service
@Transactional
public class DraftRescues {

    public static final Duration LIFETIME = Duration.ofDays(1);

    /** A rescued form keeps at most this many characters per field (the body included). */
    static final int MAX_FIELD_LENGTH = 500_000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, List<String>>> FIELDS = new TypeReference<>() {};

    private final DraftRescueRepository rescues;
    private final Clock clock;

    DraftRescues(DraftRescueRepository rescues, Clock clock) {
        this.rescues = rescues;
        this.clock = clock;
    }

    /** A rescued form: the article it was for (null for a new one) and its fields as posted. */
    public record Rescued(Long articleId, Map<String, List<String>> fields) {}

    /** Keeps the given form fields; answers the key under which they can be claimed. */
    public String keep(Long articleId, Map<String, List<String>> fields) {
        rescues.deleteExpired(clock.instant());
        Map<String, List<String>> kept = new LinkedHashMap<>();
        fields.forEach((name, values) -> kept.put(
                name,
                values.stream()
                        .map(value -> value.length() > MAX_FIELD_LENGTH ? value.substring(0, MAX_FIELD_LENGTH) : value)
                        .toList()));
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        rescues.save(new DraftRescue(
                key,
                articleId,
                JSON.writeValueAsString(kept),
                clock.instant(),
                clock.instant().plus(LIFETIME)));
        return key;
    }

    /** The rescued form, if the key is live and this staff member may have it (the first to ask claims it). */
    public Optional<Rescued> claim(String key, StaffUser by) {
        return rescues.findByKey(key)
                .filter(rescue -> rescue.claim(by.getAccountId(), clock.instant()))
                .map(rescue -> new Rescued(rescue.articleId(), JSON.readValue(rescue.fields(), FIELDS)));
    }
}
