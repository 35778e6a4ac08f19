package org.masthead.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.masthead.author.Author;
import org.masthead.media.Image;
import org.masthead.section.Section;
import org.masthead.slug.SlugKind;
import org.masthead.slug.SlugRedirects;
import org.masthead.topic.Topic;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What readers may see: every method answers only public articles (published, and their time has come).
 * The one door public pages, feeds, sitemap and search go through; the articles it answers come with what
 * their pages show already loaded, co-authors fetched in one batch for a whole list.
 */
@Service
@Transactional(readOnly = true)
public class PublicArticles {

    /**
     * How many of the newest articles of each of an article's topics, and of its section, are candidates for its
     * related reading. Each candidate costs two index probes, so this bounds the article page's cost at any archive
     * size: at 100,000 articles, 30 keep the query near 1.5 ms where 100 took about 3 to 6.
     */
    static final int RELATED_WINDOW = 30;

    /** Section pages from this many articles on may be read from the oldest end (see {@link #inSection}). */
    static final int FROM_OLDEST_AFTER = 200;

    private final ArticleRepository articles;
    private final SlugRedirects redirects;
    private final Clock clock;
    private final EntityManager entityManager;

    PublicArticles(ArticleRepository articles, SlugRedirects redirects, Clock clock, EntityManager entityManager) {
        this.articles = articles;
        this.redirects = redirects;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    /** A public article with its section, authors, topics and notes. */
    public Optional<Article> findBySlug(String slug) {
        Optional<Article> article = articles.findPublicBySlug(slug, clock.instant());
        return article;
    }

    /**
     * What a public article's page shows, read in one transaction: the article with its section, featured image,
     * authors, topics and notes, the newest others of its section and its related reading (as cards, without
     * their bodies).
     */
    public Optional<ArticlePage> page(String slug) {
        return findBySlug(slug)
                .map(article -> new ArticlePage(
                        article,
                        moreFromSection(article, ArticlePage.MORE_FROM_SECTION),
                        related(article, ArticlePage.RELATED)));
    }

    /** A public article by id (with its section; its authors load within the caller's transaction). */
    public Optional<Article> findById(long id) {
        return articles.findPublicById(id, clock.instant());
    }

    /**
     * The public ones of these articles, in the order of the ids, with section, featured image and co-authors: the
     * front page's picks. An id that is not public (a draft, unpublished, not yet due, deleted) is left out.
     */
    public List<Article> inOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Article> found = new HashMap<>();
        for (Article article : articles.findPublicByIds(ids, clock.instant())) {
            found.put(article.getId(), article);
        }
        List<Article> ordered =
                ids.stream().map(found::get).filter(Objects::nonNull).toList();
        loadAuthors(ordered);
        return ordered;
    }

    /** Whether the slug belongs to an archived article, whose URL answers 410 Gone. */
    public boolean isArchived(String slug) {
        return articles.existsBySlugAndStatus(slug, ArticleStatus.ARCHIVED);
    }

    /** The current slug of a public article that used to be found at {@code oldSlug}. */
    public Optional<String> currentSlug(String oldSlug) {
        return redirects
                .find(SlugKind.ARTICLE, oldSlug)
                .flatMap(id -> articles.findPublicById(id, clock.instant()))
                .map(Article::getSlug);
    }

    public Slice<Article> latest(Pageable pageable) {
        return page(pageable, (offset, limit) -> articles.findPublicPage(clock.instant(), offset, limit));
    }

    /**
     * A page of a section's public articles, newest first. A page far from the newest end (past
     * {@value #FROM_OLDEST_AFTER} articles and past the middle) is read from the oldest end, with the count of the
     * section's public articles (V71), so the last {@code ?page=N} skips as few index entries as the first.
     */
    public Slice<Article> inSection(Section section, Pageable pageable) {
        Instant now = clock.instant();
        return page(pageable, (offset, limit) -> {
            if (offset >= FROM_OLDEST_AFTER) {
                long total = articles.countPublicInSection(section.getId(), now);
                if (offset > total / 2) {
                    return inSectionFromOldest(section, total, offset, limit, now);
                }
            }
            return articles.findPublicPageBySection(section, now, offset, limit);
        });
    }

    /**
     * Rows {@code offset} to {@code offset + limit} of a section's public articles, newest first, counted from the
     * oldest end of its {@code total}.
     */
    List<Article> inSectionFromOldest(Section section, long total, long offset, int limit, Instant now) {
        long end = total - offset; // rows before this, counted from the oldest, are the page's and older
        if (end <= 0) {
            return List.of();
        }
        long start = Math.max(0, end - limit);
        return articles.findPublicPageBySectionFromOldest(section, now, start, (int) (end - start));
    }

    public Slice<Article> byAuthor(Author author, Pageable pageable) {
        return page(
                pageable, (offset, limit) -> linkedPage("article_authors", "author_id", author.getId(), offset, limit));
    }

    public Slice<Article> onTopic(Topic topic, Pageable pageable) {
        return page(
                pageable, (offset, limit) -> linkedPage("article_topics", "topic_id", topic.getId(), offset, limit));
    }

    /** The newest public articles as cards (no bodies), with their co-authors: the front page's list. */
    public Slice<ArticleCard> latestCards(Pageable pageable) {
        return cardPage(pageable, (offset, limit) -> articles.findPublicCardPage(clock.instant(), offset, limit));
    }

    /** A page of a section's public articles as cards, read as {@link #inSection} reads them. */
    public Slice<ArticleCard> cardsInSection(Section section, Pageable pageable) {
        Instant now = clock.instant();
        return cardPage(pageable, (offset, limit) -> {
            if (offset >= FROM_OLDEST_AFTER) {
                long total = articles.countPublicInSection(section.getId(), now);
                if (offset > total / 2) {
                    long end = total - offset;
                    if (end <= 0) {
                        return List.of();
                    }
                    long start = Math.max(0, end - limit);
                    return articles.findPublicCardPageBySectionFromOldest(section, now, start, (int) (end - start));
                }
            }
            return articles.findPublicCardPageBySection(section, now, offset, limit);
        });
    }

    /** A page of an author's public articles as cards, newest first. */
    public Slice<ArticleCard> cardsByAuthor(Author author, Pageable pageable) {
        return cardPage(
                pageable,
                (offset, limit) -> linkedCards("article_authors", "author_id", author.getId(), offset, limit));
    }

    /** A page of a topic's public articles as cards, newest first. */
    public Slice<ArticleCard> cardsOnTopic(Topic topic, Pageable pageable) {
        return cardPage(
                pageable, (offset, limit) -> linkedCards("article_topics", "topic_id", topic.getId(), offset, limit));
    }

    /** The public ones of these articles as cards, in the order of the ids, with co-authors: the front page's picks. */
    public List<ArticleCard> cardsInOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ArticleCard> found = new HashMap<>();
        for (ArticleCard card : articles.findPublicCardsByIds(ids, clock.instant())) {
            found.put(card.getId(), card);
        }
        List<ArticleCard> ordered =
                ids.stream().map(found::get).filter(Objects::nonNull).toList();
        loadCardAuthors(ordered);
        return ordered;
    }

    /** {@link #linkedPage} as cards: the same ids, the rows without their bodies. */
    private List<ArticleCard> linkedCards(String links, String owner, long ownerId, long offset, int limit) {
        String sql = """
                select %s from public_articles(:now) a
                join sections s on s.id = a.section_id
                left join images i on i.id = a.featured_image_id
                where a.id in (
                    select x.article_id from %s x
                    where x.%s = :owner and x.published and x.published_at <= :now
                    order by x.published_at desc, x.article_id desc
                    limit :limit offset :offset)
                order by a.published_at desc, a.id desc""".formatted(CARD_COLUMNS, links, owner);
        return cards(cardQuery(sql)
                .setParameter("now", clock.instant())
                .setParameter("owner", ownerId)
                .setParameter("limit", limit)
                .setParameter("offset", offset)
                .getResultList());
    }

    /**
     * The columns of an {@link ArticleCard} in native SQL over {@code a} (an article), {@code s} (its section) and
     * {@code i} (its featured image, left joined), read by {@link #cardQuery}.
     */
    private static final String CARD_COLUMNS = "a.id as card_id, a.slug as card_slug, a.title as card_title,"
            + " a.dek as card_dek, a.excerpt as card_excerpt, a.reading_minutes as card_minutes,"
            + " a.published_at as card_published, a.updated_at as card_updated, {s.*}, {i.*}";

    private NativeQuery<?> cardQuery(String sql) {
        return entityManager
                .createNativeQuery(sql)
                .unwrap(NativeQuery.class)
                .addScalar("card_id", StandardBasicTypes.LONG)
                .addScalar("card_slug", StandardBasicTypes.STRING)
                .addScalar("card_title", StandardBasicTypes.STRING)
                .addScalar("card_dek", StandardBasicTypes.STRING)
                .addScalar("card_excerpt", StandardBasicTypes.STRING)
                .addScalar("card_minutes", StandardBasicTypes.INTEGER)
                .addScalar("card_published", StandardBasicTypes.INSTANT)
                .addScalar("card_updated", StandardBasicTypes.INSTANT)
                .addEntity("s", Section.class)
                .addEntity("i", Image.class);
    }

    private static List<ArticleCard> cards(List<?> rows) {
        List<ArticleCard> cards = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] v = (Object[]) row;
            cards.add(new ArticleCard(
                    (Long) v[0],
                    (String) v[1],
                    (String) v[2],
                    (String) v[3],
                    (String) v[4],
                    (Integer) v[5],
                    (Instant) v[6],
                    (Instant) v[7],
                    (Section) v[8],
                    (Image) v[9]));
        }
        return cards;
    }

    private interface CardQuery {
        List<ArticleCard> find(long offset, int limit);
    }

    /** One page of cards, newest first, with their co-authors; one more row is read to tell whether a next page exists. */
    private Slice<ArticleCard> cardPage(Pageable pageable, CardQuery query) {
        List<ArticleCard> rows = query.find(pageable.getOffset(), pageable.getPageSize() + 1);
        boolean hasNext = rows.size() > pageable.getPageSize();
        List<ArticleCard> content = List.copyOf(hasNext ? rows.subList(0, pageable.getPageSize()) : rows);
        loadCardAuthors(content);
        return new SliceImpl<>(content, pageable, hasNext);
    }

    /**
     * The co-authors of these cards in byline order, in one statement for the whole list (the authors' rows alone:
     * their photos stay unloaded, as a list shows none).
     */
    private void loadCardAuthors(List<ArticleCard> cards) {
        if (cards.isEmpty()) {
            return;
        }
        List<?> rows = entityManager
                .createNativeQuery("""
                        select x.article_id as card_id, {au.*} from article_authors x
                        join authors au on au.id = x.author_id
                        where x.article_id in (:ids)
                        order by x.article_id, x.position""")
                .unwrap(NativeQuery.class)
                .addScalar("card_id", StandardBasicTypes.LONG)
                .addEntity("au", Author.class)
                .setParameterList("ids", cards.stream().map(ArticleCard::getId).toList())
                .getResultList();
        Map<Long, List<Author>> byCard = new HashMap<>();
        for (Object row : rows) {
            Object[] values = (Object[]) row;
            byCard.computeIfAbsent((Long) values[0], id -> new ArrayList<>()).add((Author) values[1]);
        }
        for (ArticleCard card : cards) {
            card.setAuthors(byCard.getOrDefault(card.getId(), List.of()));
        }
    }

    /**
     * A page of an author's or a topic's public articles, newest first, with their sections and featured images. The page's ids come
     * from the links alone, which carry each article's date and status (migration V70: an index per author and
     * per topic in the pages' order), so the last {@code ?page=N} skips index entries, not articles; the articles
     * themselves are read through the visibility rule.
     */
    private List<Article> linkedPage(String links, String owner, long ownerId, long offset, int limit) {
        String sql = """
                select {a.*}, {s.*}, {i.*} from public_articles(:now) a
                join sections s on s.id = a.section_id
                left join images i on i.id = a.featured_image_id
                where a.id in (
                    select x.article_id from %s x
                    where x.%s = :owner and x.published and x.published_at <= :now
                    order by x.published_at desc, x.article_id desc
                    limit :limit offset :offset)
                order by a.published_at desc, a.id desc""".formatted(links, owner);
        List<?> rows = entityManager
                .createNativeQuery(sql)
                .unwrap(NativeQuery.class)
                .addEntity("a", Article.class)
                .addJoin("s", "a.section")
                .addJoin("i", "a.featuredImage")
                .setParameter("now", clock.instant())
                .setParameter("owner", ownerId)
                .setParameter("limit", limit)
                .setParameter("offset", offset)
                .getResultList();
        return rows.stream()
                .map(row -> (Article) (row instanceof Object[] joined ? joined[0] : row))
                .toList();
    }

    private interface PageQuery {
        List<Article> find(long offset, int limit);
    }

    /** One page of a list, newest first, with its co-authors; one more row is read to tell whether a next page exists. */
    private Slice<Article> page(Pageable pageable, PageQuery query) {
        List<Article> rows = query.find(pageable.getOffset(), pageable.getPageSize() + 1);
        boolean hasNext = rows.size() > pageable.getPageSize();
        List<Article> content = hasNext ? rows.subList(0, pageable.getPageSize()) : rows;
        return withAuthors(new SliceImpl<>(List.copyOf(content), pageable, hasNext));
    }

    /**
     * A page of the content API: public articles in the query's stable order, after its position and narrowed by
     * its filters. Sections and featured images come loaded; authors (with their photos), topics and notes are
     * loaded in batches when first read, inside the caller's transaction. The statement is assembled from fixed
     * pieces chosen by the query (no text of a request goes into it), one of a few shapes Hibernate keeps.
     */
    public List<Article> page(PublicArticleQuery query) {
        StringBuilder jpql =
                new StringBuilder("select a from Article a join fetch a.section left join fetch a.featuredImage where");
        jpql.append(ArticleRepository.IS_PUBLIC);
        appendFilters(jpql, query);
        PublicArticleQuery.Position after = query.after();
        String order = switch (query.order()) {
            case NEWEST -> {
                if (after != null) {
                    jpql.append(" and (a.publishedAt < :afterPublished"
                            + " or (a.publishedAt = :afterPublished and a.id < :afterId))");
                }
                yield " order by a.publishedAt desc, a.id desc";
            }
            case OLDEST -> {
                if (after != null) {
                    jpql.append(" and (a.publishedAt > :afterPublished"
                            + " or (a.publishedAt = :afterPublished and a.id > :afterId))");
                }
                yield " order by a.publishedAt asc, a.id asc";
            }
            case TITLE -> {
                if (after != null) {
                    jpql.append(" and (a.title > :afterTitle or (a.title = :afterTitle and a.id > :afterId))");
                }
                yield " order by a.title asc, a.id asc";
            }
            case TITLE_DESCENDING -> {
                if (after != null) {
                    jpql.append(" and (a.title < :afterTitle or (a.title = :afterTitle and a.id < :afterId))");
                }
                yield " order by a.title desc, a.id desc";
            }
        };
        jpql.append(order);
        var typed = entityManager.createQuery(jpql.toString(), Article.class);
        bindFilters(typed, query);
        if (after != null) {
            typed.setParameter("afterId", after.id());
            switch (query.order()) {
                case NEWEST, OLDEST -> typed.setParameter("afterPublished", after.publishedAt());
                case TITLE, TITLE_DESCENDING -> typed.setParameter("afterTitle", after.title());
            }
        }
        return typed.setMaxResults(query.limit()).getResultList();
    }

    /** How many public articles the query's filters leave (its position and limit aside). */
    public long count(PublicArticleQuery query) {
        StringBuilder jpql = new StringBuilder("select count(a) from Article a where");
        jpql.append(ArticleRepository.IS_PUBLIC);
        appendFilters(jpql, query);
        var typed = entityManager.createQuery(jpql.toString(), Long.class);
        bindFilters(typed, query);
        return typed.getSingleResult();
    }

    private static void appendFilters(StringBuilder jpql, PublicArticleQuery query) {
        if (query.sectionId() != null) {
            jpql.append(" and a.section.id = :sectionId");
        }
        if (query.authorId() != null) {
            jpql.append(" and exists (select 1 from Article b join b.authors au where b = a and au.id = :authorId)");
        }
        if (query.topicId() != null) {
            jpql.append(" and exists (select 1 from Article c join c.topics t where c = a and t.id = :topicId)");
        }
        if (query.modifiedSince() != null) {
            jpql.append(" and").append(ArticleRepository.LAST_MODIFIED).append(">= :since");
        }
    }

    private void bindFilters(jakarta.persistence.TypedQuery<?> typed, PublicArticleQuery query) {
        typed.setParameter("now", clock.instant());
        if (query.sectionId() != null) {
            typed.setParameter("sectionId", query.sectionId());
        }
        if (query.authorId() != null) {
            typed.setParameter("authorId", query.authorId());
        }
        if (query.topicId() != null) {
            typed.setParameter("topicId", query.topicId());
        }
        if (query.modifiedSince() != null) {
            typed.setParameter("since", query.modifiedSince());
        }
    }

    /** Every section with public articles (or only {@code sectionId}'s), with their count and last change. */
    public List<PublicCount> countsBySection(Long sectionId) {
        return articles.countPublicBySection(sectionId, clock.instant());
    }

    /**
     * Every author with public articles (or only {@code authorId}, if they have any), with the count and the last
     * change among the articles and the profile.
     */
    public List<PublicCount> countsByAuthor(Long authorId) {
        return articles.countPublicByAuthor(authorId, clock.instant());
    }

    /** Every topic with public articles (or only {@code topicId}, if it has any): a topic is public only then. */
    public List<PublicCount> countsByTopic(Long topicId) {
        return articles.countPublicByTopic(topicId, clock.instant());
    }

    /** "More from {section}": the newest other articles of the article's section, as cards without their authors. */
    public List<ArticleCard> moreFromSection(Article article, int limit) {
        return articles.findPublicCardsInSectionExcept(
                article.getSection(), article.getId(), clock.instant(), Limit.of(limit));
    }

    /**
     * Related reading: up to {@code limit} other public articles sharing the most topics with this one (two points
     * a topic), then its section (one point), newest first among equals. One query, sections loaded, authors not.
     * The candidates are the newest {@value #RELATED_WINDOW} articles of each of its topics and of its section
     * (read from indexes), so the cost does not grow with the archive; an older article sharing topics is left out
     * once each of those topics has that many newer ones.
     */
    public List<ArticleCard> related(Article article, int limit) {
        List<Long> topicIds = article.getTopics().stream().map(Topic::getId).toList();
        String sql = """
                with candidates as (
                    (select id from public_articles(:now) where section_id = :section
                     order by published_at desc, id desc limit :window)
                    union
                    select c.article_id from topics t cross join lateral (
                        select x.article_id from article_topics x where x.topic_id = t.id
                        order by x.article_id desc limit :window) c
                    where t.id in (:topicIds)
                )
                select %s from public_articles(:now) a
                join candidates c on c.id = a.id
                join sections s on s.id = a.section_id
                left join images i on i.id = a.featured_image_id
                where a.id <> :excluded
                order by 2 * (select count(*) from article_topics t where t.article_id = a.id and t.topic_id in (:topicIds))
                         + case when a.section_id = :section then 1 else 0 end desc,
                         a.published_at desc, a.id desc
                limit :limit""".formatted(CARD_COLUMNS);
        List<?> rows = cardQuery(sql)
                .setParameter("now", clock.instant())
                .setParameter("section", article.getSection().getId())
                .setParameter("window", RELATED_WINDOW)
                .setParameterList("topicIds", topicIds.isEmpty() ? List.of(-1L) : topicIds)
                .setParameter("excluded", article.getId())
                .setParameter("limit", limit)
                .getResultList();
        return cards(rows);
    }

    /** Every public article's slug and last change, for the sitemap. */
    public List<LastModified> allLastModified() {
        return articles.findPublicLastModified(clock.instant());
    }

    /** Public articles' slugs and last changes, in id order, from {@code offset}: a page of the sitemap. */
    public List<LastModified> lastModified(long offset, int limit) {
        return articles.findPublicLastModified(clock.instant(), offset, limit);
    }

    /**
     * Public articles' ids, slugs and last changes in id order: {@code limit} of them after the article
     * {@code afterId} (0: from the first). The sitemap reads its file a chunk at a time, each chunk after the last
     * id of the one before (an index alone, however far into the archive). The last change comes as microseconds
     * since the epoch, a number cheaper to read than a timestamp.
     */
    public List<ArticleLastModified> lastModifiedAfter(long afterId, int limit) {
        NativeQuery<?> query = entityManager
                .createNativeQuery("select id, slug,"
                        + " (extract(epoch from greatest(updated_at, published_at)) * 1000000)::bigint as at"
                        + " from public_articles(:now) where id > :after order by id limit :limit")
                .unwrap(NativeQuery.class)
                .addScalar("id", StandardBasicTypes.LONG)
                .addScalar("slug", StandardBasicTypes.STRING)
                .addScalar("at", StandardBasicTypes.LONG)
                .setParameter("now", clock.instant())
                .setParameter("after", afterId)
                .setParameter("limit", limit);
        List<?> rows = query.getResultList();
        List<ArticleLastModified> chunk = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] values = (Object[]) row;
            long micros = (Long) values[2];
            chunk.add(new ArticleLastModified(
                    (Long) values[0],
                    (String) values[1],
                    Instant.ofEpochSecond(
                            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000)));
        }
        return chunk;
    }

    /**
     * The id of the public article at {@code position} in id order (0: the first), if there are that many: whether
     * a sitemap file exists and where its articles start, from one walk of an index as far as that position,
     * rather than a count of every public article.
     */
    public Optional<Long> idAt(long position) {
        List<?> ids = entityManager
                .createNativeQuery("select id from public_articles(:now) order by id limit 1 offset :position")
                .unwrap(NativeQuery.class)
                .addScalar("id", StandardBasicTypes.LONG)
                .setParameter("now", clock.instant())
                .setParameter("position", position)
                .getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of((Long) ids.get(0));
    }

    /**
     * The last change among each run of {@code size} public articles in id order, the first run being
     * {@code size - lead} long (it shares its sitemap file with {@code lead} other URLs). One pass over an index.
     */
    public List<Instant> lastModifiedByRun(int lead, int size) {
        @SuppressWarnings("unchecked")
        List<Instant> runs = entityManager
                .createNativeQuery("""
                        select max(greatest(updated_at, published_at)) as at
                        from (select updated_at, published_at, (row_number() over (order by id) - 1 + :lead) / :size as run
                              from public_articles(:now)) a
                        group by run order by run""")
                .unwrap(NativeQuery.class)
                .addScalar("at", StandardBasicTypes.INSTANT)
                .setParameter("now", clock.instant())
                .setParameter("lead", lead)
                .setParameter("size", size)
                .getResultList();
        return runs;
    }

    /** The slug of every section with public articles, and the last change among them. */
    public List<LastModified> lastModifiedBySection() {
        return lastModifiedOf("""
                select s.slug, c.at from sections s cross join lateral (
                    select greatest(a.updated_at, a.published_at) as at from public_articles(:now) a
                    where a.section_id = s.id
                    order by greatest(a.updated_at, a.published_at) desc limit 1) c
                order by s.slug""");
    }

    /** The slug of every author with public articles, and the last change among them or their profile. */
    public List<LastModified> lastModifiedByAuthor() {
        return lastModifiedOf("""
                select au.slug, greatest(au.updated_at, c.at) as at from authors au cross join lateral (
                    select x.changed_at as at from article_authors x join public_articles(:now) a on a.id = x.article_id
                    where x.author_id = au.id and x.published and x.published_at <= :now
                    order by x.changed_at desc limit 1) c
                order by au.slug""");
    }

    /** The slug of every topic with public articles, and the last change among them. */
    public List<LastModified> lastModifiedByTopic() {
        return lastModifiedOf("""
                select t.slug, c.at from topics t cross join lateral (
                    select x.changed_at as at from article_topics x join public_articles(:now) a on a.id = x.article_id
                    where x.topic_id = t.id and x.published and x.published_at <= :now
                    order by x.changed_at desc limit 1) c
                order by t.slug""");
    }

    /**
     * Each one's last change, one index probe apiece (V70: the links carry their article's last change), rather
     * than an aggregate over every public article.
     */
    private List<LastModified> lastModifiedOf(String sql) {
        List<?> rows = entityManager
                .createNativeQuery(sql)
                .unwrap(NativeQuery.class)
                .addScalar("slug", StandardBasicTypes.STRING)
                .addScalar("at", StandardBasicTypes.INSTANT)
                .setParameter("now", clock.instant())
                .getResultList();
        return rows.stream()
                .map(row -> {
                    Object[] values = (Object[]) row;
                    return new LastModified((String) values[0], (Instant) values[1]);
                })
                .toList();
    }

    /**
     * The topics readers may see: those with at least one public article, by name. A topic made for a draft, or
     * whose articles are all unpublished, archived or not yet due, is no one's business but the newsroom's.
     */
    public List<Topic> topics() {
        // one probe of each topic's index of public links (V70) for its newest public article, instead of joining
        // every public article's topics (an "exists" is planned as a hash join over all of them)
        @SuppressWarnings("unchecked")
        List<Topic> topics = entityManager
                .createNativeQuery("""
                        select t.* from topics t cross join lateral (
                            select 1 from article_topics x join public_articles(:now) a on a.id = x.article_id
                            where x.topic_id = t.id and x.published and x.published_at <= :now
                            order by x.published_at desc, x.article_id desc limit 1) newest
                        order by t.name, t.id""", Topic.class)
                .setParameter("now", clock.instant())
                .getResultList();
        return topics;
    }

    /**
     * The authors readers may see, by name: those with a public article. An author whose articles are all
     * unpublished, archived or not yet due (a new contributor, say) is no one's business but the newsroom's.
     */
    public List<Author> authors() {
        @SuppressWarnings("unchecked")
        List<Author> authors = entityManager
                .createNativeQuery("""
                        select au.* from authors au cross join lateral (
                            select 1 from article_authors x join public_articles(:now) a on a.id = x.article_id
                            where x.author_id = au.id and x.published and x.published_at <= :now
                            order by x.published_at desc, x.article_id desc limit 1) newest
                        order by au.name, au.id""", Author.class)
                .setParameter("now", clock.instant())
                .getResultList();
        return authors;
    }

    /** Whether readers may see the author, their page, feed and photo (they have a public article). */
    public boolean isPublic(Author author) {
        return articles.existsPublicByAuthor(author, clock.instant());
    }

    /** Whether readers may see the topic (it has a public article). */
    public boolean isPublic(Topic topic) {
        return articles.existsPublicOnTopic(topic, clock.instant());
    }

    public long count() {
        return articles.countPublic(clock.instant());
    }

    /** Loads the co-authors of every article in the list, in one query for the whole list. */
    private Slice<Article> withAuthors(Slice<Article> slice) {
        loadAuthors(slice.getContent());
        return slice;
    }

    /**
     * The co-authors of these articles, in one statement for up to {@code hibernate.default_batch_fetch_size}
     * articles: the first collection read loads those of the other articles of this transaction with it. It
     * selects the authors alone, with one array parameter (so Hibernate keeps its translation); a query for the
     * articles with their authors joined ({@code where a in :articles}) read every article's bodies again and was
     * translated anew for each list length, a third of the cost of a home page.
     */
    private static void loadAuthors(List<Article> list) {
        for (Article article : list) {
            article.getAuthors().size(); // a read view of the collection: reading it loads it
        }
    }
}
