package org.masthead.archive;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.masthead.web.ReaderUrls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Where an imported archive's old address now is: first the addresses the import recorded ({@code legacy_paths}),
 * then the old site's kinds of address that follow from them or need none: feeds, paged and date archives, image
 * files of its uploads folder in their other sizes. A target that is no longer public leads to the nearest page
 * that is (a topic or section without public articles: the home page); an attachment's page leads to the public
 * article that showed its image, else to the image, else it is gone.
 */
@Service
public class LegacyRedirects {

    /** A feed of the old site: {@code /feed/}, {@code /feed/rss2/}, {@code /category/news/feed/}. */
    private static final Pattern FEED = Pattern.compile("^(.*?)/feed(?:/(?:rss2?|atom|rdf))?$");

    /** A page of a paged archive: {@code /page/3/}, {@code /category/news/page/2/}. */
    private static final Pattern PAGED = Pattern.compile("^(.*?)/page/\\d{1,6}$");

    /** A date archive: {@code /2024/}, {@code /2024/03/}, {@code /2024/03/05/}. */
    private static final Pattern DATE = Pattern.compile("^/((?:19|20)\\d\\d)(?:/(\\d\\d)(?:/(\\d\\d))?)?$");

    /** An image in another size than the one uploaded: {@code photo-300x200.jpg}, {@code size/w600/…}. */
    private static final Pattern IMAGE_SIZE = Pattern.compile("-\\d{1,5}x\\d{1,5}(?=\\.[A-Za-z0-9]{2,5}$)");

    private static final Pattern GHOST_SIZE = Pattern.compile("^/content/images/size/[^/]+/");

    /** An image's id, the first segment after {@code /media/}. */
    private static final Pattern IMAGE_ID = Pattern.compile("\\d{1,18}");

    /** How a stored target of an attachment's page starts. */
    public static final String ATTACHMENT = "attachment:";

    /** How an old address is answered. */
    public sealed interface Answer {

        /** 301 to this path of Masthead. */
        record MovedTo(String path) implements Answer {}

        /** 410: it was there, and is no more (an attachment whose image was not imported). */
        record Gone() implements Answer {}
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    LegacyRedirects(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The current path for a request's raw path and query, if it was an address of an imported archive. */
    public Optional<String> target(String rawPath, String rawQuery) {
        return answer(rawPath, rawQuery)
                .filter(Answer.MovedTo.class::isInstance)
                .map(answer -> ((Answer.MovedTo) answer).path());
    }

    /** How to answer a request's raw path and query, if it was an address of an imported archive. */
    public Optional<Answer> answer(String rawPath, String rawQuery) {
        Optional<String> key = LegacyPaths.key(rawPath, rawQuery);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> stored = stored(key.get());
        if (stored.isPresent()) {
            return Optional.of(resolve(stored.get()));
        }
        String path = key.get();
        if (path.contains("?")) {
            return Optional.empty();
        }
        Matcher feed = FEED.matcher(path);
        if (feed.matches()) {
            return Optional.of(new Answer.MovedTo(feedOf(feed.group(1))));
        }
        Matcher paged = PAGED.matcher(path);
        if (paged.matches()) {
            String archive = paged.group(1);
            if (archive.isEmpty()) {
                return Optional.of(new Answer.MovedTo("/"));
            }
            return answer(archive, null);
        }
        Matcher date = DATE.matcher(path);
        if (date.matches()) {
            return period(date.group(1), date.group(2), date.group(3)).map(Answer.MovedTo::new);
        }
        String other = GHOST_SIZE.matcher(path).replaceFirst("/content/images/");
        other = IMAGE_SIZE.matcher(other).replaceFirst("");
        if (!other.equals(path)) {
            return stored(other).map(this::resolve);
        }
        return Optional.empty();
    }

    private Optional<String> stored(String key) {
        return jdbc.sql("select target from legacy_paths where path = :path")
                .param("path", key)
                .query(String.class)
                .optional();
    }

    /**
     * A stored target made current. A topic or section with no public article gives way to the home page. An
     * attachment's page ({@value #ATTACHMENT} and its candidates, separated by spaces: the article, then the image)
     * leads to the first public candidate, and is gone when there is none.
     */
    private Answer resolve(String target) {
        if (target.startsWith(ATTACHMENT)) {
            for (String candidate :
                    target.substring(ATTACHMENT.length()).strip().split("\\s+")) {
                if (!candidate.isEmpty() && isPublic(candidate)) {
                    return new Answer.MovedTo(candidate);
                }
            }
            return new Answer.Gone();
        }
        return new Answer.MovedTo(isListing(ReaderUrls.of(target)) && !isPublic(target) ? "/" : target);
    }

    /** Pages of a topic or section, which are public only while they have a public article. */
    private static boolean isListing(ReaderUrls page) {
        return page == ReaderUrls.SECTION || page == ReaderUrls.TOPIC;
    }

    /** Whether a reader gets a page at this path of Masthead (for the kinds of page an old address leads to). */
    private boolean isPublic(String path) {
        ReaderUrls page = ReaderUrls.of(path);
        if (page == null) {
            return true;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String[] segments = path.substring(1).split("/");
        String slug = segments[segments.length - 1];
        return switch (page) {
            case SECTION, TOPIC ->
                jdbc.sql(
                                page == ReaderUrls.SECTION
                                        ? "select exists (select 1 from public_articles(cast(:now as timestamptz)) a"
                                                + " join sections s on s.id = a.section_id where s.slug = :slug)"
                                        : "select exists (select 1 from public_articles(cast(:now as timestamptz)) a"
                                                + " join article_topics atp on atp.article_id = a.id"
                                                + " join topics t on t.id = atp.topic_id where t.slug = :slug)")
                        .param("now", now)
                        .param("slug", slug)
                        .query(Boolean.class)
                        .single();
            case ARTICLE ->
                jdbc.sql("select exists (select 1 from public_articles(cast(:now as timestamptz)) a"
                                + " where a.slug = :slug)")
                        .param("now", now)
                        .param("slug", slug)
                        .query(Boolean.class)
                        .single();
            case MEDIA ->
                segments.length < 3
                        || !IMAGE_ID.matcher(segments[1]).matches()
                        // as the image's own address decides: once a public page has shown it, or while one shows it
                        || jdbc.sql(
                                        "select exists (select 1 from images where id = :id and public_since is not null)"
                                                + " or exists (select 1 from public_articles(cast(:now as timestamptz)) a"
                                                + " where a.featured_image_id = :id or a.body_html like '%/media/' || :id || '/%')")
                                .param("id", Long.parseLong(segments[1]))
                                .param("now", now)
                                .query(Boolean.class)
                                .single();
            default -> true;
        };
    }

    /** The Atom feed for an old feed's archive: a section's, an author's, else the journal's. */
    private String feedOf(String archive) {
        if (!archive.isEmpty()) {
            Optional<String> target = LegacyPaths.key(archive, null).flatMap(this::stored);
            if (target.isPresent()) {
                String path = target.get().strip();
                ReaderUrls page = ReaderUrls.of(path);
                if ((page == ReaderUrls.SECTION || page == ReaderUrls.AUTHOR) && isPublic(path)) {
                    return path + "/feed.xml";
                }
            }
        }
        return "/feed.xml";
    }

    /** The search for a date archive's period: a year, a month or a day. */
    private static Optional<String> period(String year, String month, String day) {
        try {
            LocalDate from;
            LocalDate to;
            if (month == null) {
                from = LocalDate.of(Integer.parseInt(year), 1, 1);
                to = from.withDayOfYear(from.lengthOfYear());
            } else if (day == null) {
                YearMonth yearMonth = YearMonth.of(Integer.parseInt(year), Integer.parseInt(month));
                from = yearMonth.atDay(1);
                to = yearMonth.atEndOfMonth();
            } else {
                from = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
                to = from;
            }
            return Optional.of("/search?from=" + from + "&to=" + to);
        } catch (DateTimeException ex) {
            return Optional.empty();
        }
    }
}
