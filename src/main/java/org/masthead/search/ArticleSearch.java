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

import org.masthead.web.SiteProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PostgreSQL full-text search over public articles. Each article's weighted document (title A; dek and authors B;
 * topics C; body text D) is kept up to date by database triggers (migration V30) and served by a GIN index.
 * Queries use web-search syntax; results are ranked by cover density with a mild boost for recent articles,
 * among the newest {@value #CANDIDATES} matches in the head document and in the whole document.
 * Every query reads {@code public_articles(:now)}: the visibility rule, written once in SQL.
 */
@Service
@Transactional(readOnly = true)
public class ArticleSearch {

    /** Results deeper than this are not served: nobody reads page 1,000, and a huge offset costs the database. */
    static final int MAX_PAGE = 100;

    /**
     * How many of the newest matches are ranked, twice over: those matching in the title, dek, authors or topics
     * (the small head document), and those matching anywhere (for a common query, among the
     * {@value #WINDOW_ARTICLES} newest articles). Ranking reads each candidate's whole document, so this bounds the
     * cost of a query that matches half the archive; an old article matching only deep in its body is counted but
     * ranked only if it is among the newest such matches. Figures: docs/benchmarks.md.
     */
    static final int CANDIDATES = 200;

    /** How many of the newest public articles a common query's whole-document candidates are drawn from. */
    static final int WINDOW_ARTICLES = 5_000;

    private static final String WINDOW = " and a.published_at >= coalesce((select w.published_at"
            + " from public_articles(cast(:now as timestamptz)) w order by w.published_at desc offset :window limit 1),"
            + " '-infinity'::timestamptz)";

    /** Counting stops here: past it, readers see "more than 1,000 results" (and pages end at {@link #MAX_PAGE}). */
    static final int COUNT_CAP = 1_000;

    /**
     * The reader's query, written inline (not in a CTE) so the planner sees an index condition for the GIN indexes.
     * A query with nothing to look up (only stop words, or only exclusions: {@code querytree} is empty or 'T')
     * matches nothing, rather than every article by a full scan.
     */
    private static final String QUERY =
            "(case when querytree(websearch_to_tsquery(cast(:lang as regconfig), :q)) in ('', 'T')"
                    + " then ''::tsquery else websearch_to_tsquery(cast(:lang as regconfig), :q) end)";

    /** The recency boost: a new article's rank is multiplied by up to 1.25, halving in about 90 days. */
    private static final String RANK = "ts_rank_cd(a.search_document, q.query, 1)"
            + " * (1 + 0.25 / (1 + greatest(extract(epoch from (cast(:now as timestamptz) - a.published_at))::float8, 0) / 7776000))";

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
        int pageSize = properties.pageSize();
        int safePage = Math.max(1, Math.min(page, MAX_PAGE));
        Map<String, Object> params = new HashMap<>();
        params.put("lang", properties.language());
        params.put("q", query.text());
        params.put("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        params.put("limit", pageSize);
        params.put("offset", (safePage - 1) * pageSize);
        params.put(
                "headline",
                Highlights.MARKERS + ", MaxFragments=2, MinWords=12, MaxWords=30, FragmentDelimiter=\" … \"");
        params.put("titleHeadline", Highlights.MARKERS + ", HighlightAll=true");
        String filters = filters(query, params);

        params.put("candidates", Math.max(CANDIDATES, safePage * pageSize));
        params.put("countCap", COUNT_CAP + 1);
        params.put("window", WINDOW_ARTICLES);
        long counted = count(filters, params);
        if (counted == 0) {
            return new SearchResults(List.of(), 0, false, safePage, pageSize);
        }
        String from = " from public_articles(cast(:now as timestamptz)) a join sections s on s.id = a.section_id ";
        String sql = """
                with candidates as (
                    (select a.id %1$s where a.search_head @@ q.query %2$s order by a.published_at desc limit :candidates)
                    union
                    (select a.id %1$s where a.search_document @@ q.query %2$s %5$s order by a.published_at desc limit :candidates)),
                page as (
                    select a.id, a.slug, a.title, a.dek, a.published_at, s.slug as section_slug, s.name as section_name,
                           %3$s as rank
                    %1$s join candidates c on c.id = a.id
                    %4$s
                    order by rank desc, a.published_at desc, a.id desc
                    limit :limit offset :offset)
                select p.*,
                       ts_headline(cast(:lang as regconfig), p.title, q.query, :titleHeadline) as title_marked,
                       ts_headline(cast(:lang as regconfig), b.body_text, q.query, :headline) as snippet_marked
                from page p
                join public_articles(cast(:now as timestamptz)) b on b.id = p.id
                order by p.rank desc, p.published_at desc, p.id desc
                """.formatted(
                        from,
                        filters,
                        RANK,
                        // Head matches also match the whole document, unless the query excludes a word found in the
                        // body.
                        query.text().contains("-") ? "where a.search_document @@ q.query" : "",
                        // A query matching more than the count cap is common: its newest matches are among the newest
                        // articles, so only those are visited (an old article still comes up when its head matches).
                        counted > COUNT_CAP ? WINDOW : "")
                .replace("q.query", QUERY);
        lastSql = sql;
        lastParams = params;
        long[] total = {counted};
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> row(rs)).list();
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
        boolean atLeast = total[0] > COUNT_CAP;
        return new SearchResults(hits, Math.min(total[0], COUNT_CAP), atLeast, safePage, pageSize);
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

    private long count(String filters, Map<String, Object> params) {
        return jdbc.sql("""
                select count(*) from (select 1 from public_articles(cast(:now as timestamptz)) a
                join sections s on s.id = a.section_id
                where a.search_document @@ q.query %s limit :countCap) m
                """.formatted(filters).replace("q.query", QUERY))
                .params(params)
                .query(Long.class)
                .single();
    }

    private String filters(SearchQuery query, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (hasText(query.section())) {
            sql.append(" and s.slug = :section");
            params.put("section", query.section());
        }
        if (hasText(query.author())) {
            sql.append(" and exists (select 1 from article_authors aa join authors au on au.id = aa.author_id"
                    + " where aa.article_id = a.id and au.slug = :author)");
            params.put("author", query.author());
        }
        if (hasText(query.topic())) {
            sql.append(" and exists (select 1 from article_topics atp join topics t on t.id = atp.topic_id"
                    + " where atp.article_id = a.id and t.slug = :topic)");
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
                rs.getLong("id"),
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

    private record Row(
            long id,
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
