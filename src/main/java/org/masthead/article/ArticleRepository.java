package org.masthead.article;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.topic.Topic;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/**
 * Package-private on purpose: public controllers cannot reach it, and so cannot bypass the visibility rule.
 * They read through {@link PublicArticles}, whose queries are the {@code findPublic…} methods below.
 */
interface ArticleRepository extends JpaRepository<Article, Long>, JpaSpecificationExecutor<Article> {

    /**
     * THE visibility rule (DESIGN.md): an article is public when it is published and its publication time has
     * come, {@code :now} being taken from the injected clock. Every public query is built on this predicate.
     * Native SQL (search) uses the same rule written once in SQL: the function {@code public_articles(:now)}
     * (migration V30), read as {@code from public_articles(:now) a}; {@code PublicArticlesSqlTests} checks both agree.
     */
    String IS_PUBLIC = " a.status = org.masthead.article.ArticleStatus.PUBLISHED and a.publishedAt <= :now ";

    /** {@link #IS_PUBLIC} for the alias {@code b}. */
    String IS_PUBLIC_B = " b.status = org.masthead.article.ArticleStatus.PUBLISHED and b.publishedAt <= :now ";

    /** The last change of an article's public content: a revision, a note, or its publication itself. */
    String LAST_MODIFIED = " greatest(a.updatedAt, a.publishedAt) ";

    String NEWEST_FIRST = " order by a.publishedAt desc, a.id desc";

    @Query("select a from Article a join fetch a.section left join fetch a.featuredImage"
            + " left join fetch a.authors au left join fetch au.photo left join fetch a.topics left join fetch a.notes"
            + " where a.slug = :slug and" + IS_PUBLIC)
    Optional<Article> findPublicBySlug(String slug, Instant now);

    @Query("select a from Article a where a.id = :id and" + IS_PUBLIC)
    Optional<Article> findPublicById(long id, Instant now);

    /*
     * The lists of public pages read the page's ids first, from an index alone (the inner select: no visit to the
     * wide rows it skips, so the last ?page=N costs about what the first does), then load only those articles.
     * :limit is one more than the page, to tell whether there is a next page.
     */
    String PAGE_OF = "select a from Article a join fetch a.section where a.id in (";

    String PAGE_END = " order by b.publishedAt desc, b.id desc limit :limit offset :offset)" + NEWEST_FIRST;

    @Query(PAGE_OF + "select b.id from Article b where" + IS_PUBLIC_B + PAGE_END)
    List<Article> findPublicPage(Instant now, long offset, int limit);

    @Query(PAGE_OF + "select b.id from Article b where b.section = :section and" + IS_PUBLIC_B + PAGE_END)
    List<Article> findPublicPageBySection(Section section, Instant now, long offset, int limit);

    @Query(PAGE_OF + "select b.id from Article b join b.authors au where au = :author and" + IS_PUBLIC_B + PAGE_END)
    List<Article> findPublicPageByAuthor(Author author, Instant now, long offset, int limit);

    @Query(PAGE_OF + "select b.id from Article b join b.topics t where t = :topic and" + IS_PUBLIC_B + PAGE_END)
    List<Article> findPublicPageByTopic(Topic topic, Instant now, long offset, int limit);

    @Query("select a from Article a where a.section = :section and a.id <> :excludedId and" + IS_PUBLIC + NEWEST_FIRST)
    List<Article> findPublicInSectionExcept(Section section, long excludedId, Instant now, Limit limit);

    /** Loads the co-authors of these (already loaded) articles in one query. */
    @Query("select a from Article a left join fetch a.authors where a in :articles")
    List<Article> fetchAuthors(Collection<Article> articles);

    @Query("select new org.masthead.article.LastModified(a.slug," + LAST_MODIFIED + ") from Article a where" + IS_PUBLIC
            + " order by a.id")
    List<LastModified> findPublicLastModified(Instant now);

    /** A slice of {@link #findPublicLastModified}, read from an index alone. */
    @Query("select new org.masthead.article.LastModified(a.slug," + LAST_MODIFIED + ") from Article a where" + IS_PUBLIC
            + " order by a.id limit :limit offset :offset")
    List<LastModified> findPublicLastModified(Instant now, long offset, int limit);

    @Query("select max(" + LAST_MODIFIED + ") from Article a where" + IS_PUBLIC)
    Instant findPublicNewestChange(Instant now);

    @Query("select new org.masthead.article.LastModified(s.slug, max(" + LAST_MODIFIED
            + ")) from Article a join a.section s" + " where" + IS_PUBLIC + " group by s.slug")
    List<LastModified> findPublicLastModifiedBySection(Instant now);

    @Query("select new org.masthead.article.LastModified(au.slug, greatest(au.updatedAt, max(" + LAST_MODIFIED + ")))"
            + " from Article a join a.authors au where" + IS_PUBLIC
            + " group by au.id, au.slug, au.updatedAt order by au.slug")
    List<LastModified> findPublicLastModifiedByAuthor(Instant now);

    @Query("select new org.masthead.article.LastModified(t.slug, max(" + LAST_MODIFIED
            + ")) from Article a join a.topics t" + " where" + IS_PUBLIC + " group by t.slug order by t.slug")
    List<LastModified> findPublicLastModifiedByTopic(Instant now);

    @Query("select count(a) from Article a where" + IS_PUBLIC)
    long countPublic(Instant now);

    /** Tells an archived article (410 Gone) from one that never was public (404); reveals nothing else. */
    boolean existsBySlugAndStatus(String slug, ArticleStatus status);

    Optional<Article> findBySlug(String slug);

    // --- for other features, through the interfaces they declare (ArticleReferences) ---

    @Query("select count(distinct a) from Article a join a.authors au where au.id = :authorId")
    long countByAuthorId(long authorId);

    @Query("select distinct a from Article a join a.authors au where au.id = :authorId")
    List<Article> findByAuthorId(long authorId);

    @Query("select count(a) from Article a where a.section.id = :sectionId")
    long countBySectionId(long sectionId);

    @Query("select a from Article a where a.featuredImage.id = :imageId order by a.id")
    List<Article> findByFeaturedImageId(long imageId);

    @Query("select a from Article a where a.bodyMarkdown like :pattern order by a.id")
    List<Article> findByBodyLike(String pattern);

    boolean existsBySlug(String slug);

    /**
     * Locks the scheduled articles whose time has come, skipping rows another node is publishing right now
     * (so each is published exactly once, whichever node gets it). Call inside the publishing transaction.
     */
    @Query(
            value = "select id from articles where status = 'SCHEDULED' and scheduled_at <= :now"
                    + " order by scheduled_at, id limit :limit for update skip locked",
            nativeQuery = true)
    List<Long> lockDueScheduled(Instant now, int limit);
}
