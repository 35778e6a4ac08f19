package org.masthead.cache;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reader's pages, recognised from the request path alone: which get public HTTP caching, which are kept in
 * the page cache, and which query parameters each one reads (all others are ignored, so they can neither
 * multiply cache entries nor change what is rendered).
 */
enum ReaderPage {
    HOME(true),
    /** An article, a section, an author or a topic; lists read {@code page}. */
    PAGE(true, "page"),
    FEED(true),
    SITEMAP(true, "page"),
    ROBOTS(true),
    /** Search results: public caching, but every query is its own page, so none are kept in memory. */
    SEARCH(false),
    /**
     * The content API's resources and lists: kept, with their whole query string (the API refuses unknown, repeated
     * or malformed parameters with a 400, which is never kept, so only valid queries make entries).
     */
    API(true);

    private static final Pattern PAGE_PATH = Pattern.compile("/(articles|sections|authors|topics)/[^/;]+");
    private static final Pattern FEED_PATH = Pattern.compile("/(sections|authors)/[^/;]+/feed\\.xml");
    private static final Pattern API_PATH = Pattern.compile("/api/v1/(articles|authors|sections|topics)(/[^/;]+)?");

    private final boolean kept;
    private final Set<String> parameters;

    ReaderPage(boolean kept, String... parameters) {
        this.kept = kept;
        this.parameters = Set.of(parameters);
    }

    /** The kind of reader's page at this request URI, or {@code null} for anything else. */
    static ReaderPage of(String uri) {
        return switch (uri) {
            case "/" -> HOME;
            case "/feed.xml" -> FEED;
            case "/sitemap.xml" -> SITEMAP;
            case "/robots.txt" -> ROBOTS;
            case "/search" -> SEARCH;
            default -> {
                if (PAGE_PATH.matcher(uri).matches()) {
                    yield PAGE;
                }
                if (API_PATH.matcher(uri).matches()) {
                    yield API;
                }
                yield FEED_PATH.matcher(uri).matches() ? FEED : null;
            }
        };
    }

    /** Kept in the page cache (search results are not). */
    boolean kept() {
        return kept;
    }

    /** Whether this page reads the query parameter; search and the API read them all. */
    boolean reads(String parameter) {
        return readsAll() || parameters.contains(parameter);
    }

    /** Search and the API see the query string as it came (they check it themselves). */
    boolean readsAll() {
        return this == SEARCH || this == API;
    }
}
