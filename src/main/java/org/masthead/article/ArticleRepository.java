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
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Package-private on purpose: public controllers cannot reach it, and so cannot bypass the visibility rule.
 * They read through {@link PublicArticles}, whose queries are the {@code findPublic…} methods below.
 */
interface ArticleRepository extends JpaRepository<Article, Long>, JpaSpecificationExecutor<Article> {

    /**
     * THE visibility rule (docs/DESIGN.md, "The one visibility rule"): an article is public when it is published
     * and its publication time has come, {@code :now} being taken from the injected clock. Every public query is
     * built on this predicate.
     * Native SQL (search) uses the same rule written once in SQL: the function {@code public_articles(:now)}
     * (migration V30), read as {@code from public_articles(:now) a};
     * {@code ArticleSearchTests.theSqlVisibilityFunctionAgreesWithTheJpqlRule} checks both agree.
     */
    String IS_PUBLIC = " a.status = org.masthead.article.ArticleStatus.PUBLISHED and a.publishedAt <= :now ";

    /** {@link #IS_PUBLIC} for the alias {@code b}. */
    String IS_PUBLIC_B = " b.status = org.masthead.article.ArticleStatus.PUBLISHED and b.publishedAt <= :now ";

    /** The last change of an article's public content: a revision, a note, or its publication itself. */
    String LAST_MODIFIED = " greatest(a.updatedAt, a.publishedAt) ";

    String NEWEST_FIRST = " order by a.publishedAt desc, a.id desc";

    /**
     * An article with everything its page ({@code article/show.html}) shows: section, featured image, authors with
     * their photos, topics and notes. The page renders after the transaction has ended (open-in-view is off), so
     * whatever it reads must be loaded here; both the public page and the preview link use this.
     */
    String WITH_WHAT_ITS_PAGE_SHOWS = "select a from Article a join fetch a.section left join fetch a.featuredImage"
            + " left join fetch a.authors au left join fetch au.photo left join fetch a.topics left join fetch a.notes";

    @Query(WITH_WHAT_ITS_PAGE_SHOWS + " where a.slug = :slug and" + IS_PUBLIC)
    Optional<Article> findPublicBySlug(String slug, Instant now);

    /** Any article, public or not, for its preview link: loaded as {@link #findPublicBySlug} loads it. */
    @Query(WITH_WHAT_ITS_PAGE_SHOWS + " where a.id = :id")
    Optional<Article> findForPageById(long id);

    @Query("select a from Article a where a.id = :id and" + IS_PUBLIC)
    Optional<Article> findPublicById(long id, Instant now);

    /** The public ones of these articles, with section and featured image (the front page's picks). */
    @Query("select a from Article a join fetch a.section left join fetch a.featuredImage where a.id in :ids and"
            + IS_PUBLIC)
    List<Article> findPublicByIds(Collection<Long> ids, Instant now);

    /*
     * The lists of public pages read the page's ids first, from an index alone (the inner select: no visit to the
     * wide rows it skips, so the last ?page=N costs about what the first does), then load only those articles.
     * :limit is one more than the page, to tell whether there is a next page.
     */
    String PAGE_OF = "select a from Article a join fetch a.section left join fetch a.featuredImage where a.id in (";

    String PAGE_END = " order by b.publishedAt desc, b.id desc limit :limit offset :offset)" + NEWEST_FIRST;

    @Query(PAGE_OF + "select b.id from Article b where" + IS_PUBLIC_B + PAGE_END)
    List<Article> findPublicPage(Instant now, long offset, int limit);

    /**
     * An {@link ArticleCard}: the article's row without its bodies, with its section and featured image. The lists
     * of public pages read these; the co-authors follow in one statement ({@code PublicArticles.withAuthors}).
     */
    String CARD = "select new org.masthead.article.ArticleCard(a.id, a.slug, a.title, a.dek, a.excerpt,"
            + " a.readingMinutes, a.publishedAt, a.updatedAt, s, i)"
            + " from Article a join a.section s left join a.featuredImage i";

    String CARDS_OF = CARD + " where a.id in (";

    @Query(CARDS_OF + "select b.id from Article b where" + IS_PUBLIC_B + PAGE_END)
    List<ArticleCard> findPublicCardPage(Instant now, long offset, int limit);

    @Query(CARDS_OF + "select b.id from Article b where b.section = :section and" + IS_PUBLIC_B + PAGE_END)
    List<ArticleCard> findPublicCardPageBySection(Section section, Instant now, long offset, int limit);

    @Query(CARDS_OF + "select b.id from Article b where b.section = :section and" + IS_PUBLIC_B
            + " order by b.publishedAt asc, b.id asc limit :limit offset :offset)" + NEWEST_FIRST)
    List<ArticleCard> findPublicCardPageBySectionFromOldest(Section section, Instant now, long offset, int limit);

    @Query(CARD + " where a.id in :ids and" + IS_PUBLIC)
    List<ArticleCard> findPublicCardsByIds(Collection<Long> ids, Instant now);

    @Query(CARD + " where a.section = :section and a.id <> :excludedId and" + IS_PUBLIC + NEWEST_FIRST)
    List<ArticleCard> findPublicCardsInSectionExcept(Section section, long excludedId, Instant now, Limit limit);

    @Query(PAGE_OF + "select b.id from Article b where b.section = :section and" + IS_PUBLIC_B + PAGE_END)
    List<Article> findPublicPageBySection(Section section, Instant now, long offset, int limit);

    /** A page of a section counted from its oldest public article ({@code offset} and {@code limit} in that order). */
    @Query(PAGE_OF + "select b.id from Article b where b.section = :section and" + IS_PUBLIC_B
            + " order by b.publishedAt asc, b.id asc limit :limit offset :offset)" + NEWEST_FIRST)
    List<Article> findPublicPageBySectionFromOldest(Section section, Instant now, long offset, int limit);

    /**
     * How many public articles a section has: the count its triggers keep (V71) less those published with a date
     * still ahead (an index range that is empty but for a moment).
     */
    @Query(
            value =
                    "select coalesce((select c.published from section_public_counts c where c.section_id = :sectionId), 0)"
                            + " - (select count(*) from articles a where a.section_id = :sectionId"
                            + " and a.status = 'PUBLISHED' and a.published_at > :now)",
            nativeQuery = true)
    long countPublicInSection(long sectionId, Instant now);

    // An author's and a topic's pages: PublicArticles.linkedPage (native SQL on the links' own dates, V70).

    @Query("select new org.masthead.article.PublicCount(a.section.id, count(a), max(" + LAST_MODIFIED + "))"
            + " from Article a where" + IS_PUBLIC + " and (:sectionId is null or a.section.id = :sectionId)"
            + " group by a.section.id")
    List<PublicCount> countPublicBySection(Long sectionId, Instant now);

    @Query("select new org.masthead.article.PublicCount(au.id, count(a), greatest(au.updatedAt, max(" + LAST_MODIFIED
            + "))) from Article a join a.authors au where" + IS_PUBLIC + " and (:authorId is null or au.id = :authorId)"
            + " group by au.id, au.updatedAt")
    List<PublicCount> countPublicByAuthor(Long authorId, Instant now);

    @Query("select new org.masthead.article.PublicCount(t.id, count(a), max(" + LAST_MODIFIED + "))"
            + " from Article a join a.topics t where" + IS_PUBLIC + " and (:topicId is null or t.id = :topicId)"
            + " group by t.id")
    List<PublicCount> countPublicByTopic(Long topicId, Instant now);

    @Query("select a from Article a where a.section = :section and a.id <> :excludedId and" + IS_PUBLIC + NEWEST_FIRST)
    List<Article> findPublicInSectionExcept(Section section, long excludedId, Instant now, Limit limit);

    @Query("select new org.masthead.article.LastModified(a.slug," + LAST_MODIFIED + ") from Article a where" + IS_PUBLIC
            + " order by a.id")
    List<LastModified> findPublicLastModified(Instant now);

    /** A slice of {@link #findPublicLastModified}, read from an index alone. */
    @Query("select new org.masthead.article.LastModified(a.slug," + LAST_MODIFIED + ") from Article a where" + IS_PUBLIC
            + " order by a.id limit :limit offset :offset")
    List<LastModified> findPublicLastModified(Instant now, long offset, int limit);

    @Query("select count(a) from Article a where" + IS_PUBLIC)
    long countPublic(Instant now);

    @Query("select count(a) > 0 from Article a where :topic member of a.topics and" + IS_PUBLIC)
    boolean existsPublicOnTopic(Topic topic, Instant now);

    @Query("select count(a) > 0 from Article a where :author member of a.authors and" + IS_PUBLIC)
    boolean existsPublicByAuthor(Author author, Instant now);

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

    List<Article> findByIdGreaterThanOrderByIdAsc(long afterId, Limit limit);

    /**
     * Locks the scheduled articles whose time has come, skipping rows another node is publishing right now
     * (so each is published exactly once, whichever node gets it). Call inside the publishing transaction.
     */
    /** When the next scheduled article is due (index {@code ix_articles_scheduled_at}); null if none is. */
    @Query("select min(a.scheduledAt) from Article a where a.status = org.masthead.article.ArticleStatus.SCHEDULED")
    Instant earliestScheduledAt();

    @Query(
            value = "select id from articles where status = 'SCHEDULED' and scheduled_at <= :now"
                    + " order by scheduled_at, id limit :limit for update skip locked",
            nativeQuery = true)
    List<Long> lockDueScheduled(Instant now, int limit);

    /** When the next published article's expiry comes (index {@code ix_articles_expires_at}); null if none has one. */
    @Query("select min(a.expiresAt) from Article a where a.status = org.masthead.article.ArticleStatus.PUBLISHED")
    Instant earliestExpiry();

    /**
     * Locks the published articles whose expiry has come, skipping rows another node is unpublishing right now (so
     * each comes down exactly once). Call inside the unpublishing transaction.
     */
    @Query(
            value = "select id from articles where status = 'PUBLISHED' and expires_at <= :now"
                    + " order by expires_at, id limit :limit for update skip locked",
            nativeQuery = true)
    List<Long> lockDueExpiries(Instant now, int limit);

    /**
     * The editorial calendar's pieces between two moments: those scheduled, published or expiring then, with their
     * sections. A contributor's view is narrowed by the caller.
     */
    @Query("select a from Article a join fetch a.section where"
            + " (a.status = org.masthead.article.ArticleStatus.SCHEDULED and a.scheduledAt >= :from and a.scheduledAt < :to)"
            + " or (a.status = org.masthead.article.ArticleStatus.PUBLISHED and ((a.publishedAt >= :from and a.publishedAt < :to)"
            + " or (a.expiresAt >= :from and a.expiresAt < :to)))"
            + " or (a.status = org.masthead.article.ArticleStatus.SCHEDULED and a.expiresAt >= :from and a.expiresAt < :to)"
            + " order by a.id")
    List<Article> findForCalendar(Instant from, Instant to);

    /** The trash, or any one state's articles, the latest put in the trash first. */
    List<Article> findByStatusOrderByTrashedAtDesc(ArticleStatus status);

    /** How many articles are not in the given state (the journal's articles, those in the trash left out). */
    long countByStatusNot(ArticleStatus status);
}
