package org.masthead.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The SQL of one search, assembled without running anything: immutable, built once a search from the reader's
 * query and the parameters every statement shares. Each statement it makes is SQL with named parameters only (the
 * reader's words are never written into the text). {@link ArticleSearch} runs them.
 */
final class SearchSql {

    /**
     * The reader's query, written inline (not in a CTE) so the planner sees an index condition for the GIN indexes.
     * A query with nothing to look up (only stop words, or only exclusions: {@code querytree} is empty or 'T')
     * matches nothing, rather than every article by a full scan.
     */
    static final String QUERY =
            "(case when querytree(websearch_to_tsquery(cast(cast(:lang as oid) as regconfig), :q)) in ('', 'T')"
                    + " then ''::tsquery else websearch_to_tsquery(cast(cast(:lang as oid) as regconfig), :q) end)";

    /** The recency boost: a new article's rank is multiplied by up to 1.25, halving in about 90 days. */
    private static final String RANK = "ts_rank_cd(a.search_document, " + QUERY + ", 1)"
            + " * (1 + 0.25 / (1 + greatest(extract(epoch from (cast(:now as timestamptz) - a.published_at))::float8, 0) / 7776000))";

    private static final String FROM =
            " from public_articles(cast(:now as timestamptz)) a join sections s on s.id = a.section_id ";

    /** Where candidates are looked for: filters name only the article's own columns. */
    static final String CANDIDATES_FROM = " from public_articles(cast(:now as timestamptz)) a ";

    /**
     * Ranks the candidates ({@code {ctes}} finds them), takes the page, and highlights it; {@code {where}} narrows
     * the ranked rows, {@code {totals}} is the one row of counts the page is joined to.
     */
    private static final String PAGE = """
            with {ctes},
            page as (
                select a.id, a.slug, a.title, a.dek, a.published_at, s.slug as section_slug, s.name as section_name,
                       {rank} as rank
                {from} join candidates c on c.id = a.id {where}
                order by rank desc, a.published_at desc, a.id desc
                limit :limit offset :offset)
            select t.*, p.*,
                   ts_headline(cast(cast(:lang as oid) as regconfig), p.title, {query}, :titleHeadline) as title_marked,
                   ts_headline(cast(cast(:lang as oid) as regconfig), b.body_text, {query}, :headline) as snippet_marked
            from ({totals}) t
            left join page p on true
            left join public_articles(cast(:now as timestamptz)) b on b.id = p.id
            order by p.rank desc nulls last, p.published_at desc, p.id desc
            """;

    /** Every match through the GIN index, counted; the newest ranked, with the newest head matches. */
    private static final String NARROW = """
            matches as materialized (
                select a.id, a.published_at {candidatesFrom} where a.search_document @@ {query} {filters}
                limit :matchLimit),
            candidates as (
                (select m.id from matches m order by m.published_at desc limit :candidates)
                union
                (select a.id from public_articles(cast(:now as timestamptz)) a
                 where a.search_head @@ {query} and a.id in (select m.id from matches m)
                 order by a.published_at desc limit :candidates))""";

    /**
     * The body candidates: the newest articles in order, each checked until enough match. The inner query lists
     * the window without reading a document; the outer one checks them one by one and stops.
     */
    private static final String BROAD = """
            head as (
                select a.id {candidatesFrom} where a.search_head @@ {query} {filters}
                order by a.published_at desc limit :candidates),
            body as (
                select w.id from (select a.id, a.published_at, a.search_document {candidatesFrom} where true {filters}
                                  order by a.published_at desc limit :window) w
                where {checkW}
                order by w.published_at desc limit :candidates),
            candidates as (select id from head union select id from body)""";

    /**
     * A search without words but with filters (a period, a section…): the public articles they leave, newest
     * first, counted. The columns are those of a ranked page; the snippet is the body's beginning.
     */
    private static final String LISTING = """
            with page as (
                select a.id, a.slug, a.title, a.dek, a.published_at, s.slug as section_slug, s.name as section_name,
                       0::float8 as rank
                {from} where true {filters}
                order by a.published_at desc, a.id desc
                limit :limit offset :offset)
            select t.*, p.*, p.title as title_marked,
                   case when length(b.body_text) > 240 then left(b.body_text, 240) || ' …' else b.body_text end
                       as snippet_marked
            from (select count(*) as found, 0 as body_found {candidatesFrom} where true {filters}) t
            left join page p on true
            left join public_articles(cast(:now as timestamptz)) b on b.id = p.id
            order by p.published_at desc nulls last, p.id desc
            """;

    /** One statement: its SQL and its named parameters. */
    record Statement(String sql, Map<String, Object> params) {

        Statement {
            params = Map.copyOf(params);
        }
    }

    private final String filters;
    private final Map<String, Object> params;

    private SearchSql(String filters, Map<String, Object> params) {
        this.filters = filters;
        this.params = Map.copyOf(params);
    }

    /**
     * The SQL for {@code query}: its filters (by id, so the planner estimates their share from the column's
     * statistics) and their parameters, added to {@code shared}, the ones every statement of the search uses.
     */
    static SearchSql of(SearchQuery query, Map<String, Object> shared, ZoneId zone) {
        Map<String, Object> params = new HashMap<>(shared);
        StringBuilder sql = new StringBuilder();
        if (hasText(query.section())) {
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
            params.put("from", startOf(query.from(), zone));
        }
        if (query.to() != null) {
            sql.append(" and a.published_at < cast(:to as timestamptz)");
            params.put("to", startOf(query.to().plusDays(1), zone));
        }
        return new SearchSql(sql.toString(), params);
    }

    /** The planner's estimate of how many public articles match (with the filters). */
    Statement estimateMatches() {
        return estimate("a.search_document @@ " + QUERY + filters);
    }

    /** The planner's estimate of how many public articles the filters leave. */
    Statement estimateFiltered() {
        return estimate("true" + filters);
    }

    /** The narrow way: every match listed (up to {@code matchLimit}) and counted. */
    Statement narrow(int matchLimit) {
        String ctes = fill(NARROW, Map.of("candidatesFrom", CANDIDATES_FROM, "query", QUERY, "filters", filters));
        return page(
                ctes, "", "select count(*) as found, 0 as body_found from matches", Map.of("matchLimit", matchLimit));
    }

    /** The broad way: the newest {@code window} articles read in order until enough match. */
    Statement broad(int window, boolean exclusion) {
        String ctes = fill(
                BROAD,
                Map.of(
                        "candidatesFrom", CANDIDATES_FROM,
                        "query", QUERY,
                        "filters", filters,
                        "checkW", checkDocument("w")));
        return page(
                ctes,
                // A head match is a match, unless an excluded word is in the body.
                exclusion ? "where " + checkDocument("a") : "",
                "select (select count(*) from candidates) as found, (select count(*) from body) as body_found",
                Map.of("window", window));
    }

    /** The listing of a search with filters and no words: newest first, all counted. */
    Statement listing() {
        return new Statement(
                fill(LISTING, Map.of("from", FROM, "candidatesFrom", CANDIDATES_FROM, "filters", filters)), params);
    }

    /** Whether the query filters at all (by section, author, topic or date). */
    boolean filtered() {
        return !filters.isEmpty();
    }

    int candidates() {
        return (int) params.get("candidates");
    }

    private Statement page(String ctes, String where, String totals, Map<String, Object> extra) {
        String sql = fill(
                PAGE,
                Map.of(
                        "ctes", ctes,
                        "rank", RANK,
                        "from", FROM,
                        "where", where,
                        "query", QUERY,
                        "totals", totals));
        Map<String, Object> all = new HashMap<>(params);
        all.putAll(extra);
        return new Statement(sql, all);
    }

    private Statement estimate(String condition) {
        return new Statement("explain select 1" + CANDIDATES_FROM + "where " + condition, params);
    }

    /**
     * A match checked on an article already in hand, never looked up in an index: {@code ts_match_vq} is the
     * function behind {@code @@}, and only operators are index conditions. A broad query reads the newest articles
     * in order and checks each, which for a common word is far cheaper than listing all its matches from the GIN
     * index.
     */
    private static String checkDocument(String alias) {
        return "ts_match_vq(" + alias + ".search_document, " + QUERY + ")";
    }

    /** The template with each {@code {name}} replaced by its part (parts are SQL of ours, never input). */
    static String fill(String template, Map<String, String> parts) {
        String sql = template;
        for (Map.Entry<String, String> part : parts.entrySet()) {
            sql = sql.replace("{" + part.getKey() + "}", part.getValue());
        }
        return sql;
    }

    private static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
