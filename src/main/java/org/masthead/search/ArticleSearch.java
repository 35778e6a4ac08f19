package org.masthead.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.masthead.web.SiteProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
 * reasoning behind the thresholds: docs/benchmarks.md.
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

    /**
     * The reader's query, written inline (not in a CTE) so the planner sees an index condition for the GIN indexes.
     * A query with nothing to look up (only stop words, or only exclusions: {@code querytree} is empty or 'T')
     * matches nothing, rather than every article by a full scan.
     */
    private static final String QUERY =
            "(case when querytree(websearch_to_tsquery(cast(cast(:lang as oid) as regconfig), :q)) in ('', 'T')"
                    + " then ''::tsquery else websearch_to_tsquery(cast(cast(:lang as oid) as regconfig), :q) end)";

    /**
     * A match checked on an article already in hand, never looked up in an index: {@code ts_match_vq} is the
     * function behind {@code @@}, and only operators are index conditions. A broad query reads the newest articles
     * in order and checks each, which for a common word is far cheaper than listing all its matches from the GIN
     * index.
     */
    private static String checkDocument(String alias) {
        return "ts_match_vq(" + alias + ".search_document, " + QUERY + ")";
    }

    /** The recency boost: a new article's rank is multiplied by up to 1.25, halving in about 90 days. */
    private static final String RANK = "ts_rank_cd(a.search_document, " + QUERY + ", 1)"
            + " * (1 + 0.25 / (1 + greatest(extract(epoch from (cast(:now as timestamptz) - a.published_at))::float8, 0) / 7776000))";

    private static final String FROM =
            " from public_articles(cast(:now as timestamptz)) a join sections s on s.id = a.section_id ";

    /** Where candidates are looked for: filters name only the article's own columns. */
    private static final String CANDIDATES_FROM = " from public_articles(cast(:now as timestamptz)) a ";

    /** Ranks the candidates, takes the page, and highlights it; {@code %s} is the CTEs that find the candidates. */
    private static final String PAGE = """
            with %s,
            page as (
                select a.id, a.slug, a.title, a.dek, a.published_at, s.slug as section_slug, s.name as section_name,
                       %s as rank
                %s join candidates c on c.id = a.id %s
                order by rank desc, a.published_at desc, a.id desc
                limit :limit offset :offset)
            select t.*, p.*,
                   ts_headline(cast(cast(:lang as oid) as regconfig), p.title, %s, :titleHeadline) as title_marked,
                   ts_headline(cast(cast(:lang as oid) as regconfig), b.body_text, %s, :headline) as snippet_marked
            from (%s) t
            left join page p on true
            left join public_articles(cast(:now as timestamptz)) b on b.id = p.id
            order by p.rank desc nulls last, p.published_at desc, p.id desc
            """;

    private static final Pattern LEXEME = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern PLAN_ROWS = Pattern.compile("rows=(\\d+)");

    private final JdbcClient jdbc;
    private final SearchProperties properties;
    private final ZoneId zone;
    private final Clock clock;

    ArticleSearch(JdbcClient jdbc, SearchProperties properties, SiteProperties site, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.zone = site.timeZone();
        this.clock = clock;
    }

    /** One page (from 1) of results; an empty page when the query has no searchable words. */
    public SearchResults search(SearchQuery query, int page) {
        return search(query, page, null, CANDIDATES);
    }

    /**
     * As {@link #search(SearchQuery, int)}, run with the given strategy (or the estimate's, when null) and number of
     * candidates, for tests.
     */
    SearchResults search(SearchQuery query, int page, Strategy forced, int candidates) {
        int pageSize = properties.pageSize();
        int safePage = Math.max(1, Math.min(page, MAX_PAGE));
        // Plans depend on the words searched for (a rare word wants the GIN index, a common one a scan of the newest
        // articles): a prepared statement's generic plan, made without them, would fit neither.
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        Map<String, Object> params = new HashMap<>();
        params.put("lang", language());
        params.put("q", query.text());
        Shape shape = shape(params);
        if (shape.empty()) {
            return SearchResults.none(safePage, pageSize);
        }
        params.put("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        params.put("limit", pageSize);
        params.put("offset", (safePage - 1) * pageSize);
        params.put("candidates", Math.max(candidates, safePage * pageSize));
        params.put(
                "headline",
                Highlights.MARKERS + ", MaxFragments=2, MinWords=12, MaxWords=30, FragmentDelimiter=\" … \"");
        params.put("titleHeadline", Highlights.MARKERS + ", HighlightAll=true");
        String filters = filters(query, params);

        long estimate = estimate("a.search_document @@ " + QUERY + filters, params);
        Strategy strategy = forced;
        if (strategy == null) {
            boolean broad = estimate > BROAD_MATCHES
                    && (shape.phrase() || estimate * COMMON_RATIO > estimate("true" + filters, params));
            strategy = broad ? Strategy.BROAD : Strategy.NARROW;
        }
        if (strategy == Strategy.BROAD) {
            Page found = broad(shape, filters, params);
            if (found != null) {
                return results(found, shape.phrase() ? found.found : estimate, safePage, pageSize);
            }
        }
        return results(narrow(filters, params), 0, safePage, pageSize);
    }

    /** Every match through the GIN index, counted; the newest ranked. */
    private Page narrow(String filters, Map<String, Object> params) {
        params.put("matchLimit", MATCH_LIMIT);
        String ctes = """
                matches as materialized (
                    select a.id, a.published_at %1$s where a.search_document @@ %2$s %3$s limit :matchLimit),
                candidates as (
                    (select m.id from matches m order by m.published_at desc limit :candidates)
                    union
                    (select a.id from public_articles(cast(:now as timestamptz)) a
                     where a.search_head @@ %2$s and a.id in (select m.id from matches m)
                     order by a.published_at desc limit :candidates))""".formatted(CANDIDATES_FROM, QUERY, filters);
        List<Row> rows = query(ctes, "", "select count(*) as found, 0 as body_found from matches", params);
        long found = rows.get(0).found;
        return new Page(rows, found, found >= MATCH_LIMIT, false);
    }

    /**
     * The newest matches, read in order; null when the estimate was wrong (the window held fewer than a full set of
     * candidates for a query that is not a phrase), and the narrow way should count them instead.
     */
    private Page broad(Shape shape, String filters, Map<String, Object> params) {
        params.put("window", shape.phrase() ? PHRASE_WINDOW_ARTICLES : WINDOW_ARTICLES);
        // The body candidates: the newest articles in order, each checked until enough match. The inner query
        // lists the window without reading a document; the outer one checks them one by one and stops.
        String ctes = """
                head as (
                    select a.id %1$s where a.search_head @@ %2$s %3$s order by a.published_at desc limit :candidates),
                body as (
                    select w.id from (select a.id, a.published_at, a.search_document %1$s where true %3$s
                                      order by a.published_at desc limit :window) w
                    where %4$s
                    order by w.published_at desc limit :candidates),
                candidates as (select id from head union select id from body)""".formatted(CANDIDATES_FROM, QUERY, filters, checkDocument("w"));
        List<Row> rows = query(
                ctes,
                // A head match is a match, unless an excluded word is in the body.
                shape.exclusion() ? "where " + checkDocument("a") : "",
                "select (select count(*) from candidates) as found, (select count(*) from body) as body_found",
                params);
        Row first = rows.get(0);
        if (!shape.phrase() && first.bodyFound < (int) params.get("candidates")) {
            return null;
        }
        return new Page(rows, first.found, true, !shape.phrase());
    }

    private List<Row> query(String ctes, String where, String totals, Map<String, Object> params) {
        String sql = PAGE.formatted(ctes, RANK, FROM, where, QUERY, QUERY, totals);
        lastSql = sql;
        lastParams = params;
        return jdbc.sql(sql).params(params).query((rs, n) -> row(rs)).list();
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

    /**
     * The text-search configuration's id. Passed as a number, the configuration is a constant the planner folds
     * into the query ({@code 'english'::regconfig} from text is a lookup done again for every row otherwise).
     */
    private long language() {
        Long id = languageId;
        if (id == null) {
            id = jdbc.sql("select cast(cast(:name as regconfig) as oid)")
                    .param("name", properties.language())
                    .query(Long.class)
                    .single();
            languageId = id;
        }
        return id;
    }

    private volatile Long languageId;

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

    /** The planner's estimate of how many public articles meet the condition. */
    private long estimate(String condition, Map<String, Object> params) {
        String plan = jdbc.sql("explain select 1" + CANDIDATES_FROM + "where " + condition)
                .params(params)
                .query(String.class)
                .list()
                .get(0);
        Matcher rows = PLAN_ROWS.matcher(plan);
        return rows.find() ? Long.parseLong(rows.group(1)) : 0;
    }

    // For the benchmark's query plans only (single-threaded there).
    private volatile String lastSql;
    private volatile Map<String, Object> lastParams;

    /** The plan of the last search's query, as PostgreSQL ran it (for the benchmark). */
    List<String> explainLast() {
        return jdbc.sql("explain (analyze, buffers) " + lastSql)
                .params(lastParams)
                .query(String.class)
                .list();
    }

    private String filters(SearchQuery query, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (hasText(query.section())) {
            // Filters compare ids, not slugs, so the planner estimates a section's, an author's or a topic's share of
            // the archive from the statistics of the column itself.
            sql.append(" and a.section_id = (select sv.id from sections sv where sv.slug = :section)");
            params.put("section", query.section());
        }
        if (hasText(query.author())) {
            sql.append(" and exists (select 1 from article_authors aa where aa.article_id = a.id"
                    + " and aa.author_id = (select au.id from authors au where au.slug = :author))");
            params.put("author", query.author());
        }
        if (hasText(query.topic())) {
            sql.append(" and exists (select 1 from article_topics atp where atp.article_id = a.id"
                    + " and atp.topic_id = (select t.id from topics t where t.slug = :topic))");
            params.put("topic", query.topic());
        }
        if (query.from() != null) {
            sql.append(" and a.published_at >= cast(:from as timestamptz)");
            params.put("from", startOf(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and a.published_at < cast(:to as timestamptz)");
            params.put("to", startOf(query.to().plusDays(1)));
        }
        return sql.toString();
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
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

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
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
