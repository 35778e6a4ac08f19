package org.masthead.article;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.topic.Topic;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
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

    /** The last change of an article's public content: a revision, a note, or its publication itself. */
    String LAST_MODIFIED = " greatest(a.updatedAt, a.publishedAt) ";

    String NEWEST_FIRST = " order by a.publishedAt desc, a.id desc";

    @Query("select a from Article a join fetch a.section left join fetch a.featuredImage"
            + " left join fetch a.authors au left join fetch au.photo left join fetch a.topics left join fetch a.notes"
            + " where a.slug = :slug and" + IS_PUBLIC)
    Optional<Article> findPublicBySlug(String slug, Instant now);

    @Query("select a from Article a where a.id = :id and" + IS_PUBLIC)
    Optional<Article> findPublicById(long id, Instant now);

    @Query("select a from Article a join fetch a.section where" + IS_PUBLIC + NEWEST_FIRST)
    Slice<Article> findPublic(Instant now, Pageable pageable);

    @Query("select a from Article a join fetch a.section where a.section = :section and" + IS_PUBLIC + NEWEST_FIRST)
    Slice<Article> findPublicBySection(Section section, Instant now, Pageable pageable);

    @Query("select a from Article a join fetch a.section where :author member of a.authors and" + IS_PUBLIC
            + NEWEST_FIRST)
    Slice<Article> findPublicByAuthor(Author author, Instant now, Pageable pageable);

    @Query("select a from Article a join fetch a.section where :topic member of a.topics and" + IS_PUBLIC
            + NEWEST_FIRST)
    Slice<Article> findPublicByTopic(Topic topic, Instant now, Pageable pageable);

    @Query("select a from Article a where a.section = :section and a.id <> :excludedId and" + IS_PUBLIC + NEWEST_FIRST)
    List<Article> findPublicInSectionExcept(Section section, long excludedId, Instant now, Limit limit);

    /** Loads the co-authors of these (already loaded) articles in one query. */
    @Query("select a from Article a left join fetch a.authors where a in :articles")
    List<Article> fetchAuthors(Collection<Article> articles);

    /**
     * Related reading: public articles sharing topics with the given one, or its section; two points a shared topic,
     * one the same section, newer first among equals. One query.
     */
    @Query("select a from Article a join fetch a.section where a.id <> :excludedId and" + IS_PUBLIC
            + " and (a.section = :section or exists (select 1 from Article b join b.topics t where b = a and t.id in :topicIds))"
            + " order by (2 * (select count(t2) from Article c join c.topics t2 where c = a and t2.id in :topicIds)"
            + " + case when a.section = :section then 1 else 0 end) desc, a.publishedAt desc, a.id desc")
    List<Article> findPublicRelated(
            long excludedId, Section section, Collection<Long> topicIds, Instant now, Limit limit);

    @Query("select new org.masthead.article.LastModified(a.slug," + LAST_MODIFIED + ") from Article a where" + IS_PUBLIC
            + " order by a.id")
    List<LastModified> findPublicLastModified(Instant now);

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

    @Query(value = "select topic_id, count(*) from article_topics group by topic_id", nativeQuery = true)
    List<Object[]> countByTopic();

    @Query(value = "select count(*) from article_topics where topic_id = :topicId", nativeQuery = true)
    long countByTopicId(long topicId);

    /** Tags with {@code toTopicId} every article tagged {@code fromTopicId} that lacks it (the search triggers follow). */
    @Modifying
    @Query(
            value = "insert into article_topics (article_id, topic_id) select article_id, :toTopicId"
                    + " from article_topics where topic_id = :fromTopicId on conflict do nothing",
            nativeQuery = true)
    void addTopicWhereTagged(long fromTopicId, long toTopicId);

    @Modifying(clearAutomatically = true)
    @Query(value = "delete from article_topics where topic_id = :topicId", nativeQuery = true)
    void removeTopic(long topicId);

    @Query("select a from Article a where a.featuredImage.id = :imageId order by a.id")
    List<Article> findByFeaturedImageId(long imageId);

    @Query("select a from Article a where a.bodyMarkdown like :pattern order by a.id")
    List<Article> findByBodyLike(String pattern);

    boolean existsBySlug(String slug);

    List<Article> findByIdGreaterThanOrderByIdAsc(long afterId, Limit limit);

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
