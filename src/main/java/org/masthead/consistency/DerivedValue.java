package org.masthead.consistency;

import java.util.List;

/**
 * One value PostgreSQL's triggers keep (docs/ARCHITECTURE.md, "Triggers that keep derived data"), recomputed from
 * the articles as the triggers would have written it: {@code drift} answers one row of three counts (rows wrong,
 * rows missing, rows extra), {@code repair} writes the recomputed value wherever it differs, nothing elsewhere.
 *
 * @param name what is kept, as the report names it (table and columns)
 * @param triggers the triggers that keep it
 * @param drift a query answering {@code wrong, missing, extra}
 * @param repair the statements that bring it back in step, in order
 */
public record DerivedValue(String name, String triggers, String drift, List<String> repair) {

    /** The search documents as the search triggers build them, for every article. */
    private static final String SEARCH_EXPECTED = """
            select e.id, e.head, e.head || setweight(to_tsvector(e.lang, e.body_text), 'D') as document
            from (select a.id, a.body_text, l.lang,
                         article_search_head(l.lang, a.title, a.dek, article_author_names(a.id),
                                             article_topic_names(a.id)) as head
                  from articles a cross join (select language as lang from search_settings where id = 1) l) e""";

    /** The section counts as the count triggers keep them: every section's published articles. */
    private static final String COUNTS_EXPECTED = """
            select s.id as section_id, count(a.id) as published
            from sections s left join articles a on a.section_id = s.id and a.status = 'PUBLISHED'
            group by s.id""";

    /** Every trigger-kept value, in the order of the architecture's table. */
    public static final List<DerivedValue> ALL = List.of(
            new DerivedValue(
                    "articles.search_head, search_document",
                    "articles_search_document, article_authors_search, article_topics_search, authors_search,"
                            + " topics_search",
                    """
                    select count(*) as wrong, 0 as missing, 0 as extra
                    from articles a join (%s) x on x.id = a.id
                    where a.search_head <> x.head or a.search_document <> x.document""".formatted(SEARCH_EXPECTED),
                    List.of("""
                            update articles a set search_head = x.head, search_document = x.document
                            from (%s) x
                            where x.id = a.id and (a.search_head <> x.head or a.search_document <> x.document)""".formatted(SEARCH_EXPECTED))),
            links("article_authors", "article_authors_publication, articles_publication_links"),
            links("article_topics", "article_topics_publication, articles_publication_links"),
            new DerivedValue(
                    "section_public_counts.published",
                    "articles_section_public_count_added_removed, articles_section_public_count_changed",
                    """
                    select count(*) filter (where c.section_id is not null and x.section_id is not null
                                              and c.published <> x.published) as wrong,
                           count(*) filter (where c.section_id is null and x.published > 0) as missing,
                           count(*) filter (where x.section_id is null) as extra
                    from (%s) x full join section_public_counts c on c.section_id = x.section_id""".formatted(COUNTS_EXPECTED),
                    List.of("""
                            update section_public_counts c set published = x.published
                            from (%s) x
                            where x.section_id = c.section_id and c.published <> x.published""".formatted(COUNTS_EXPECTED), """
                            insert into section_public_counts (section_id, published)
                            select x.section_id, x.published from (%s) x
                            where x.published > 0
                              and not exists (select 1 from section_public_counts c where c.section_id = x.section_id)""".formatted(COUNTS_EXPECTED), """
                            delete from section_public_counts c
                            where not exists (select 1 from sections s where s.id = c.section_id)""")),
            // Whether readers ever saw a revision is history, not a function of the articles: only the current
            // revision of a published article can be recomputed (it is shown now), so only a missing mark is drift.
            new DerivedValue(
                    "article_revisions.published",
                    "articles_revision_published, article_revisions_published_on_insert",
                    """
                    select count(*) as wrong, 0 as missing, 0 as extra
                    from article_revisions r join articles a on a.id = r.article_id
                    where a.status = 'PUBLISHED' and r.number = a.revision and not r.published""",
                    List.of("""
                            update article_revisions r set published = true
                            from articles a
                            where a.id = r.article_id and a.status = 'PUBLISHED' and r.number = a.revision
                              and not r.published""")));

    /** An article's date, last change and status, copied on each of its author or topic links. */
    private static DerivedValue links(String table, String triggers) {
        String differs = """
                (x.published_at, x.changed_at, x.published) is distinct from
                (a.published_at, greatest(a.updated_at, a.published_at), coalesce(a.status = 'PUBLISHED', false))""";
        return new DerivedValue(
                table + ".published_at, changed_at, published",
                triggers,
                """
                select count(*) as wrong, 0 as missing, 0 as extra
                from %s x join articles a on a.id = x.article_id
                where %s""".formatted(table, differs),
                List.of("""
                        update %s x set published_at = a.published_at,
                            changed_at = greatest(a.updated_at, a.published_at),
                            published = coalesce(a.status = 'PUBLISHED', false)
                        from articles a
                        where a.id = x.article_id and %s""".formatted(table, differs)));
    }
}
