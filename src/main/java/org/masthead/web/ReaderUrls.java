package org.masthead.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The URLs anyone may read, one row each, in the path-pattern syntax of Spring MVC and Spring Security: the one
 * table that security (open to all for GET and HEAD; the API also for CORS preflights), the page cache (public
 * HTTP caching, kept in memory, which query parameters count) and the layout and the old-address filter (which
 * side a path belongs to) read. The first row that matches a path is its row. Paths of the staff side are
 * {@link #isStaffArea}. Architecture rules keep these patterns out of every other class.
 */
public enum ReaderUrls {
    HOME("/", Caching.KEPT),
    ARTICLE("/articles/{slug}", Caching.KEPT),
    /** Lists read {@code page}. */
    SECTION("/sections/{slug}", Caching.KEPT, "page"),
    AUTHOR("/authors/{slug}", Caching.KEPT, "page"),
    TOPIC("/topics/{slug}", Caching.KEPT, "page"),
    SECTION_FEED("/sections/{slug}/feed.xml", Caching.KEPT),
    AUTHOR_FEED("/authors/{slug}/feed.xml", Caching.KEPT),
    FEED("/feed.xml", Caching.KEPT),
    SITEMAP("/sitemap.xml", Caching.KEPT, "page"),
    ROBOTS("/robots.txt", Caching.KEPT),
    /** Search results: public caching, but every query is its own page, so none are kept in memory. */
    SEARCH("/search", Caching.PUBLIC, Parameters.ALL),
    /**
     * The content API's lists and resources: kept, with their whole query string (the API refuses unknown, repeated
     * or malformed parameters with a 400, which is never kept, so only valid queries make entries).
     */
    API_LIST("/api/v1/{collection:articles|authors|sections|topics}", Caching.KEPT, Parameters.ALL),
    API_RESOURCE("/api/v1/{collection:articles|authors|sections|topics}/{slug}", Caching.KEPT, Parameters.ALL),
    /** The API's description and its not-found answers; like the whole API, open to CORS preflights. */
    API("/api/**", Caching.OWN),
    /** A draft shown through its secret link: never cached by anyone. */
    PREVIEW("/preview/{token}", Caching.OWN),
    MEDIA("/media/**", Caching.OWN),
    CSS("/css/**", Caching.OWN),
    JS("/js/**", Caching.OWN),
    IMG("/img/**", Caching.OWN),
    FAVICON("/favicon.ico", Caching.OWN);

    /** How a reader's URL is cached. */
    public enum Caching {
        /** Public HTTP caching, and kept in the page cache. */
        KEPT,
        /** Public HTTP caching, not kept in memory. */
        PUBLIC,
        /** The page cache leaves it alone: it says itself how it may be cached (assets, media) or is private. */
        OWN
    }

    private enum Parameters {
        ALL
    }

    private static final List<PathPattern> STAFF_AREAS =
            parse("/login", "/login/**", "/admin", "/admin/**", "/account/**");

    private static final ReaderUrls[] ROWS = values();

    private final String pattern;
    private final PathPattern parsed;
    private final Caching caching;
    private final boolean readsAll;
    private final Set<String> parameters;

    ReaderUrls(String pattern, Caching caching, String... parameters) {
        this.pattern = pattern;
        this.parsed = PathPatternParser.defaultInstance.parse(pattern);
        this.caching = caching;
        this.readsAll = false;
        this.parameters = Set.of(parameters);
    }

    ReaderUrls(String pattern, Caching caching, Parameters all) {
        this.pattern = pattern;
        this.parsed = PathPatternParser.defaultInstance.parse(pattern);
        this.caching = caching;
        this.readsAll = true;
        this.parameters = Set.of();
    }

    /** Every row's pattern, for the security chain. */
    public static String[] patterns() {
        return Arrays.stream(ROWS).map(ReaderUrls::pattern).toArray(String[]::new);
    }

    /** The API's rows' patterns: those open to CORS preflights too. */
    public static String[] apiPatterns() {
        return Arrays.stream(ROWS)
                .filter(row -> row.pattern.startsWith("/api/"))
                .map(ReaderUrls::pattern)
                .toArray(String[]::new);
    }

    /** The row of this path (without the context path), or {@code null} for a path no reader may read. */
    public static ReaderUrls of(String path) {
        if (path.indexOf(';') >= 0) {
            return null; // path parameters (";jsessionid=") are no reader's address
        }
        PathContainer container = PathContainer.parsePath(path);
        for (ReaderUrls row : ROWS) {
            if (row.parsed.matches(container)) {
                return row;
            }
        }
        return null;
    }

    /**
     * The row of a page the page cache finishes (public HTTP caching, perhaps kept), or {@code null}: anything
     * else, among them the reader's URLs that set their own caching.
     */
    public static ReaderUrls cachedPage(String path) {
        ReaderUrls row = of(path);
        return row == null || row.caching == Caching.OWN ? null : row;
    }

    /** The staff side (sign-in, set-password, {@code /admin}): the admin styles, never an old address. */
    public static boolean isStaffArea(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return STAFF_AREAS.stream().anyMatch(area -> area.matches(container));
    }

    public String pattern() {
        return pattern;
    }

    /** The row as a servlet filter's URL pattern ({@code /css/*} for {@code /css/**}). */
    public String servletUrlPattern() {
        if (!pattern.endsWith("/**")) {
            throw new IllegalStateException(pattern + " has no servlet URL pattern");
        }
        return pattern.substring(0, pattern.length() - 1);
    }

    public Caching caching() {
        return caching;
    }

    /** Kept in the page cache (search results are not). */
    public boolean kept() {
        return caching == Caching.KEPT;
    }

    /** Whether this page reads the query parameter; search and the API read them all. */
    public boolean reads(String parameter) {
        return readsAll || parameters.contains(parameter);
    }

    /** Search and the API see the query string as it came (they check it themselves). */
    public boolean readsAll() {
        return readsAll;
    }

    private static List<PathPattern> parse(String... patterns) {
        return Arrays.stream(patterns)
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }
}
