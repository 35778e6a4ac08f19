package org.masthead.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.masthead.web.SiteProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * PostgreSQL full-text search over public articles. Each article's weighted document (title A; dek and authors B;
 * topics C; body text D) is kept up to date by database triggers (migration V30) and served by GIN indexes; the
 * small head document (everything but the body) has its own column and index, and stays in the article's row (V51).
 *
 * <p>Results are ranked by cover density with a mild boost for recent articles. How a query is run depends on how
 * much of the archive it matches, which the planner estimates first:
 * <ul>
 *   <li><b>{@linkplain Strategy#NARROW Narrow}</b> (most queries): every match is listed through the GIN index in
 *       one pass and counted exactly; the newest {@value #CANDIDATES} matches, and the newest {@value #CANDIDATES}
 *       matching in the head, are ranked.
 *   <li><b>{@linkplain Strategy#BROAD Broad}</b> (more than {@value #BROAD_MATCHES} matches, and either more than
 *       one article in {@value #COMMON_RATIO} or a phrase): listing every match would cost more than the answer is
 *       worth, so the newest articles are read in order until {@value #CANDIDATES} match (within the newest
 *       {@value #WINDOW_ARTICLES}, or {@value #PHRASE_WINDOW_ARTICLES} for a phrase, whose positions must be
 *       checked in each document); they are ranked with the newest {@value #CANDIDATES} head matches of the whole
 *       archive. The total is the planner's estimate ("about"), or for a phrase what was found ("at least").
 * </ul>
 * Every query reads {@code public_articles(:now)}: the visibility rule, written once in SQL. Figures and the
 * reasoning behind the thresholds: docs/benchmarks.md. The SQL is assembled by {@link SearchSql} (immutable, one a
 * search); this class decides the strategy and runs it.
 *
 *
 * <p>Native SQL on the article feature's tables ({@code articles} through {@code public_articles}, and
 * {@code article_authors}, {@code article_topics}), outside {@code org.masthead.article}: the one reader that does
 * not go through {@code PublicArticles}, for full-text ranking that JPQL cannot express. A change to those tables
 * must be made here too; {@code ArticleSearchTests} fails on a draft found or a public article missed.
 */
@Service
@Transactional(readOnly = true)
public class ArticleSearch {

    /** Results deeper than this are not served: nobody reads page 1,000, and a huge offset costs the database. */
    static final int MAX_PAGE = 100;

    /** How deep into the results the content API may page: as deep as the search page's last page of 10. */
    public static final int MAX_DEPTH = 1_000;

    /** How many of the newest matches are ranked, twice over: matches anywhere, and matches in the head. */
    static final int CANDIDATES = 100;

    /** A broad query's body matches are looked for among this many of the newest public articles. */
    static final int WINDOW_ARTICLES = 5_000;

    /** The same for a broad phrase: each document is read to check the words' positions. */
    static final int PHRASE_WINDOW_ARTICLES = 1_000;

    /** Above this many estimated matches, a query may be broad: a phrase always, other queries when common. */
    static final int BROAD_MATCHES = 1_000;

    /** A query estimated to match more than one article in this many (after filters) is common. */
    static final int COMMON_RATIO = 12;

    /** A narrow query lists at most this many matches: counting stops there ("at least"). */
    static final int MATCH_LIMIT = 20_000;

    /** Run as the planner's estimate suggests, or as a test asks. */
    enum Strategy {
        NARROW,
        BROAD
    }

    private static final Pattern LEXEME = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern PLAN_ROWS = Pattern.compile("rows=(\\d+)");

    private final JdbcClient jdbc;
    private final SearchProperties properties;
    private final ZoneId zone;
    private final Clock clock;

    /**
     * The text-search configuration's id. Passed as a number, the configuration is a constant the planner folds
     * into the query ({@code 'english'::regconfig} from text is a lookup done again for every row otherwise).
     * Looked up once, on the first search.
     */
    private final SingletonSupplier<Long> language;

    ArticleSearch(JdbcClient jdbc, SearchProperties properties, SiteProperties site, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.zone = site.timeZone();
        this.clock = clock;
        this.language = SingletonSupplier.of(() -> jdbc.sql("select cast(cast(:name as regconfig) as oid)")
                .param("name", properties.language())
                .query(Long.class)
                .single());
    }

    /** One page (from 1) of results; an empty page when the query has no searchable words. */
    public SearchResults search(SearchQuery query, int page) {
        return search(query, page, null, CANDIDATES);
    }

    /**
     * {@code limit} results from {@code offset} (0: the best) in the order the search ranks them, for the content
     * API's paging; the same ranking and counting as the search page. Results past {@link #MAX_DEPTH} are not
     * served (an empty list).
     */
    public SearchResults search(SearchQuery query, long offset, int limit) {
        if (offset < 0 || limit < 1 || offset + limit > MAX_DEPTH) {
            return SearchResults.none(1, Math.max(1, limit));
        }
        return search(query, (int) offset, limit, null, CANDIDATES, statement -> {});
    }

    /**
     * As {@link #search(SearchQuery, int)}, run with the given strategy (or the estimate's, when null) and number of
     * candidates, for tests.
     */
    SearchResults search(SearchQuery query, int page, Strategy forced, int candidates) {
        return search(query, page, forced, candidates, statement -> {});
    }

    /**
     * The plan of the statement that {@link #search(SearchQuery, int)} runs for this query and page, as PostgreSQL
     * runs it ({@code explain analyze}): for the benchmark and the plan tests.
     */
    List<String> explain(SearchQuery query, int page) {
        List<SearchSql.Statement> ran = new ArrayList<>();
        search(query, page, null, CANDIDATES, ran::add);
        if (ran.isEmpty()) {
            return List.of();
        }
        SearchSql.Statement last = ran.get(ran.size() - 1);
        return jdbc.sql("explain (analyze, buffers) " + last.sql())
                .params(last.params())
                .query(String.class)
                .list();
    }

    private SearchResults search(
            SearchQuery query, int page, Strategy forced, int candidates, Consumer<SearchSql.Statement> ran) {
        int pageSize = properties.pageSize();
        int safePage = Math.max(1, Math.min(page, MAX_PAGE));
        return search(query, (safePage - 1) * pageSize, pageSize, forced, candidates, ran);
    }

    /** {@code pageSize} results from {@code offset}; the answer's page is the one that offset falls in. */
    private SearchResults search(
            SearchQuery query,
            int offset,
            int pageSize,
            Strategy forced,
            int candidates,
            Consumer<SearchSql.Statement> ran) {
        int safePage = offset / pageSize + 1;
        // Plans depend on the words searched for (a rare word wants the GIN index, a common one a scan of the newest
        // articles): a prepared statement's generic plan, made without them, would fit neither.
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        Map<String, Object> params = new HashMap<>();
        params.put("lang", language.obtain());
        params.put("q", query.text());
        Shape shape = shape(params);
        if (shape.empty()) {
            return listing(query, params, offset, pageSize, ran);
        }
        params.put("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        params.put("limit", pageSize);
        params.put("offset", offset);
        params.put("candidates", Math.max(candidates, offset + pageSize));
        params.put(
                "headline",
                Highlights.MARKERS + ", MaxFragments=2, MinWords=12, MaxWords=30, FragmentDelimiter=\" … \"");
        params.put("titleHeadline", Highlights.MARKERS + ", HighlightAll=true");
        SearchSql sql = SearchSql.of(query, params, zone);

        long estimate = estimate(sql.estimateMatches());
        Strategy strategy = forced;
        if (strategy == null) {
            boolean broad = estimate > BROAD_MATCHES
                    && (shape.phrase() || estimate * COMMON_RATIO > estimate(sql.estimateFiltered()));
            strategy = broad ? Strategy.BROAD : Strategy.NARROW;
        }
        if (strategy == Strategy.BROAD) {
            Page found = broad(shape, sql, ran);
            if (found != null) {
                return results(found, shape.phrase() ? found.found : estimate, safePage, pageSize);
            }
        }
        return results(narrow(sql, ran), 0, safePage, pageSize);
    }

    /**
     * A query without words: with filters (a period, say: an old site's date archive leads here), the articles they
     * leave, newest first; without any, nothing.
     */
    private SearchResults listing(
            SearchQuery query,
            Map<String, Object> params,
            int offset,
            int pageSize,
            Consumer<SearchSql.Statement> ran) {
        int page = offset / pageSize + 1;
        params.put("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        params.put("limit", pageSize);
        params.put("offset", offset);
        params.put("candidates", pageSize);
        SearchSql sql = SearchSql.of(query, params, zone);
        if (!sql.filtered()) {
            return SearchResults.none(page, pageSize);
        }
        List<Row> rows = query(sql.listing(), ran);
        long found = rows.isEmpty() ? 0 : rows.get(0).found;
        return results(new Page(rows, found, false, false), 0, page, pageSize);
    }

    /** Every match through the GIN index, counted; the newest ranked. */
    private Page narrow(SearchSql sql, Consumer<SearchSql.Statement> ran) {
        List<Row> rows = query(sql.narrow(MATCH_LIMIT), ran);
        long found = rows.get(0).found;
        return new Page(rows, found, found >= MATCH_LIMIT, false);
    }

    /**
     * The newest matches, read in order; null when the estimate was wrong (the window held fewer than a full set of
     * candidates for a query that is not a phrase), and the narrow way should count them instead.
     */
    private Page broad(Shape shape, SearchSql sql, Consumer<SearchSql.Statement> ran) {
        List<Row> rows =
                query(sql.broad(shape.phrase() ? PHRASE_WINDOW_ARTICLES : WINDOW_ARTICLES, shape.exclusion()), ran);
        Row first = rows.get(0);
        if (!shape.phrase() && first.bodyFound < sql.candidates()) {
            return null;
        }
        return new Page(rows, first.found, true, !shape.phrase());
    }

    private List<Row> query(SearchSql.Statement statement, Consumer<SearchSql.Statement> ran) {
        ran.accept(statement);
        return jdbc.sql(statement.sql())
                .params(statement.params())
                .query((rs, n) -> row(rs))
                .list();
    }

    private SearchResults results(Page found, long estimate, int page, int pageSize) {
        List<Row> rows = found.rows.stream().filter(r -> r.id != null).toList();
        Map<Long, List<SearchHit.Byline>> bylines = bylines(rows);
        List<SearchHit> hits = rows.stream()
                .map(r -> new SearchHit(
                        r.id,
                        r.slug,
                        r.title,
                        Highlights.toHtml(r.titleMarked),
                        r.dek,
                        Highlights.toHtml(r.snippetMarked),
                        r.publishedAt.toInstant(),
                        r.sectionSlug,
                        r.sectionName,
                        bylines.getOrDefault(r.id, List.of()),
                        r.rank))
                .toList();
        if (found.estimated) {
            long about = Math.max(roughly(estimate), found.found);
            return new SearchResults(hits, about, SearchResults.Count.ABOUT, page, pageSize);
        }
        return new SearchResults(
                hits,
                found.found,
                found.lowerBound ? SearchResults.Count.AT_LEAST : SearchResults.Count.EXACT,
                page,
                pageSize);
    }

    /** An estimate to two significant figures: 61,234 reads as about 61,000. */
    static long roughly(long estimate) {
        long unit = 1;
        while (estimate / unit >= 100) {
            unit *= 10;
        }
        return Math.round((double) estimate / unit) * unit;
    }

    /** What the query asks for: nothing searchable, a phrase, an exclusion. */
    private Shape shape(Map<String, Object> params) {
        return jdbc.sql("select querytree(q) as tree, q::text as text"
                        + " from websearch_to_tsquery(cast(cast(:lang as oid) as regconfig), :q) q")
                .params(params)
                .query((rs, n) -> {
                    String tree = rs.getString("tree");
                    String operators = LEXEME.matcher(rs.getString("text")).replaceAll("");
                    return new Shape(
                            tree.isEmpty() || tree.equals("T"), operators.contains("<"), operators.contains("!"));
                })
                .single();
    }

    private Map<Long, List<SearchHit.Byline>> bylines(List<Row> rows) {
        Map<Long, List<SearchHit.Byline>> result = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return result;
        }
        jdbc.sql(
                        "select aa.article_id, au.slug, au.name from article_authors aa join authors au on au.id = aa.author_id"
                                + " where aa.article_id in (:ids) order by aa.article_id, aa.position")
                .param("ids", rows.stream().map(Row::id).toList())
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new SearchHit.Byline(rs.getString(2), rs.getString(3)));
                });
        return result;
    }

    /** The planner's estimate of how many public articles meet a condition. */
    private long estimate(SearchSql.Statement explain) {
        String plan = jdbc.sql(explain.sql())
                .params(explain.params())
                .query(String.class)
                .list()
                .get(0);
        Matcher rows = PLAN_ROWS.matcher(plan);
        return rows.find() ? Long.parseLong(rows.group(1)) : 0;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getLong("found"),
                rs.getLong("body_found"),
                rs.getObject("id", Long.class),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("dek"),
                rs.getObject("published_at", OffsetDateTime.class),
                rs.getString("section_slug"),
                rs.getString("section_name"),
                rs.getDouble("rank"),
                rs.getString("title_marked"),
                rs.getString("snippet_marked"));
    }

    private record Shape(boolean empty, boolean phrase, boolean exclusion) {}

    /** The rows of one page (or one row of totals and no article), how many were found, and how to read that. */
    private record Page(List<Row> rows, long found, boolean lowerBound, boolean estimated) {}

    private record Row(
            long found,
            long bodyFound,
            Long id,
            String slug,
            String title,
            String dek,
            OffsetDateTime publishedAt,
            String sectionSlug,
            String sectionName,
            double rank,
            String titleMarked,
            String snippetMarked) {}
}
