package org.masthead.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.masthead.article.PublicArticleQuery.Position;

/**
 * The opaque cursor of an article list: where the previous page ended, in the order it was read in. Clients pass it
 * back as they got it; its form (base64url of "v1:micros:id" for the default order, newest first, and of
 * "v2:sort:…" for the others) may change between API versions. A cursor made for one order is refused (400) with
 * another: its position means nothing there.
 */
final class ArticleCursor {

    private static final Pattern NEWEST = Pattern.compile("v1:(-?\\d{1,19}):(\\d{1,19})");
    private static final Pattern OLDEST = Pattern.compile("v2:published:(-?\\d{1,19}):(\\d{1,19})");
    private static final Pattern TITLE = Pattern.compile("v2:(-?title):(\\d{1,19}):(.*)", Pattern.DOTALL);
    private static final Pattern RELEVANCE = Pattern.compile("v2:relevance:(\\d{1,9})");
    private static final long MICROS_PER_SECOND = 1_000_000L;

    /** A decoded cursor: the order it was made for, and where its page ended (a position, or an offset). */
    record Decoded(ArticleSort sort, Position position, int offset) {}

    private ArticleCursor() {}

    /** The default order's cursor (newest first), in the form API clients have kept since the first version. */
    static String encode(Instant publishedAt, long id) {
        return base64("v1:" + micros(publishedAt) + ":" + id);
    }

    /** A cursor after {@code position} in {@code sort} (not relevance). */
    static String encode(ArticleSort sort, Position position) {
        return switch (sort) {
            case NEWEST -> encode(position.publishedAt(), position.id());
            case OLDEST -> base64("v2:published:" + micros(position.publishedAt()) + ":" + position.id());
            case TITLE, TITLE_DESCENDING ->
                base64("v2:" + sort.parameter() + ":" + position.id() + ":" + position.title());
            case RELEVANCE -> throw new IllegalArgumentException("a search's cursor is an offset");
        };
    }

    /** A search's cursor: how many results came before the next page. */
    static String encodeOffset(int offset) {
        return base64("v2:relevance:" + offset);
    }

    /**
     * The position {@code cursor} stands for in {@code sort}. A cursor that is not one of ours is a bad request; one
     * made for another order too, saying which order it belongs to.
     */
    static Decoded decode(String cursor, ArticleSort sort) {
        Decoded decoded = decode(cursor);
        if (decoded.sort() != sort) {
            throw new ApiBadRequestException(
                    "cursor", "api.error.cursor-sort", decoded.sort().parameter(), sort.parameter());
        }
        return decoded;
    }

    static Decoded decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            Matcher matcher = NEWEST.matcher(plain);
            if (matcher.matches()) {
                return new Decoded(
                        ArticleSort.NEWEST,
                        Position.published(instant(matcher.group(1)), Long.parseLong(matcher.group(2))),
                        0);
            }
            matcher = OLDEST.matcher(plain);
            if (matcher.matches()) {
                return new Decoded(
                        ArticleSort.OLDEST,
                        Position.published(instant(matcher.group(1)), Long.parseLong(matcher.group(2))),
                        0);
            }
            matcher = TITLE.matcher(plain);
            if (matcher.matches()) {
                ArticleSort sort = matcher.group(1).startsWith("-") ? ArticleSort.TITLE_DESCENDING : ArticleSort.TITLE;
                return new Decoded(sort, Position.titled(matcher.group(3), Long.parseLong(matcher.group(2))), 0);
            }
            matcher = RELEVANCE.matcher(plain);
            if (matcher.matches()) {
                return new Decoded(ArticleSort.RELEVANCE, null, Integer.parseInt(matcher.group(1)));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException ex) {
            // falls through to the bad request below
        }
        throw new ApiBadRequestException("cursor", "api.error.cursor");
    }

    private static long micros(Instant at) {
        return Math.multiplyExact(at.getEpochSecond(), MICROS_PER_SECOND) + at.getNano() / 1000;
    }

    private static Instant instant(String micros) {
        long value = Long.parseLong(micros);
        return Instant.ofEpochSecond(
                Math.floorDiv(value, MICROS_PER_SECOND), Math.floorMod(value, MICROS_PER_SECOND) * 1000);
    }

    private static String base64(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
