package org.masthead.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.masthead.article.PublicArticleQuery.Position;

/**
 * The opaque cursor of an article list: where the previous page ended in the order (published at, id). Clients pass
 * it back as they got it; its form (base64url of "v1:micros:id") may change between API versions.
 */
final class ArticleCursor {

    private static final Pattern FORM = Pattern.compile("v1:(-?\\d{1,19}):(\\d{1,19})");
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private ArticleCursor() {}

    static String encode(Instant publishedAt, long id) {
        long micros =
                Math.multiplyExact(publishedAt.getEpochSecond(), MICROS_PER_SECOND) + publishedAt.getNano() / 1000;
        String plain = "v1:" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The position the cursor stands for; a cursor that is not one of ours is a bad request. */
    static Position decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            Matcher matcher = FORM.matcher(plain);
            if (matcher.matches()) {
                long micros = Long.parseLong(matcher.group(1));
                long id = Long.parseLong(matcher.group(2));
                Instant at = Instant.ofEpochSecond(
                        Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
                return new Position(at, id);
            }
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException ex) {
            // falls through to the bad request below
        }
        throw new ApiBadRequestException("cursor", "api.error.cursor");
    }
}
