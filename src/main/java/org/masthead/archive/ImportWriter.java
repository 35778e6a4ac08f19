package org.masthead.archive;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleService;
import org.masthead.author.Author;
import org.masthead.author.AuthorService;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.masthead.security.Actor;
import org.masthead.topic.Topic;
import org.masthead.topic.TopicService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every write an archive import makes, in one place: sections, authors, topics, images and articles through their
 * services, the record of what each source item became ({@code import_sources}), and the old addresses that answer
 * 301 ({@code legacy_paths}). Reads that decide what to write (is this item imported already, is this slug free)
 * are here too. Each method is its own transaction; an article and its record are written together.
 */
@Component
class ImportWriter {

    /** The name imported images are stored under as their uploader. */
    private final SectionService sections;

    private final AuthorService authors;
    private final TopicService topics;
    private final ArticleService articles;
    private final ImageService images;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ImportWriter(
            SectionService sections,
            AuthorService authors,
            TopicService topics,
            ArticleService articles,
            ImageService images,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.sections = sections;
        this.authors = authors;
        this.topics = topics;
        this.articles = articles;
        this.images = images;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    // --- reads --------------------------------------------------------------------------------------------------

    /** The entity this source item became in an earlier import, if it was imported. */
    Optional<Long> imported(String source, String kind, String sourceId) {
        return jdbc.sql("select entity_id from import_sources where source = :source and kind = :kind"
                        + " and source_id = :id")
                .param("source", source)
                .param("kind", kind)
                .param("id", sourceId)
                .query(Long.class)
                .optional();
    }

    Optional<Section> sectionBySlug(String slug) {
        return sections.findBySlug(slug);
    }

    boolean sectionSlugFree(String slug) {
        return sections.isSlugFree(slug, null);
    }

    boolean authorSlugFree(String slug) {
        return authors.isSlugFree(slug, null);
    }

    boolean articleSlugFree(String slug) {
        return jdbc.sql("select not exists (select 1 from articles where slug = :slug)"
                        + " and not exists (select 1 from slug_redirects where kind = 'ARTICLE' and old_slug = :slug)")
                .param("slug", slug)
                .query(Boolean.class)
                .single();
    }

    List<Section> allSections() {
        return sections.all();
    }

    String sectionSlug(long id) {
        return sections.get(id).getSlug();
    }

    String authorSlug(long id) {
        return authors.get(id).getSlug();
    }

    String topicSlug(long id) {
        return topics.get(id).getSlug();
    }

    /** An article's slug by its id, if it is there. */
    Optional<String> articleSlug(long id) {
        return jdbc.sql("select slug from articles where id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    String imageUrl(long id) {
        return images.get(id).getUrl();
    }

    // --- writes -------------------------------------------------------------------------------------------------

    long createSection(String source, String kind, String sourceId, String slug, String name, String description) {
        return transaction.execute(status -> {
            int position = sections.all().size() + 1;
            Section section = sections.create(
                    Actor.importing(source), slug, name, description == null ? "" : description, "", "", position);
            remember(source, kind, sourceId, "section", section.getId());
            return section.getId();
        });
    }

    /** Maps a source item onto an entity that exists already (a category onto an existing section). */
    void map(String source, String kind, String sourceId, String entityKind, long entityId) {
        transaction.executeWithoutResult(status -> remember(source, kind, sourceId, entityKind, entityId));
    }

    long createAuthor(String source, String kind, String sourceId, String slug, String name, String bio) {
        return transaction.execute(status -> {
            Author author = authors.create(Actor.importing(source), slug, name, "", bio == null ? "" : bio);
            remember(source, kind, sourceId, "author", author.getId());
            return author.getId();
        });
    }

    long createTopic(String source, String kind, String sourceId, String name) {
        return transaction.execute(status -> {
            Topic topic = topics.findOrCreate(Actor.importing(source), List.of(name))
                    .iterator()
                    .next();
            remember(source, kind, sourceId, "topic", topic.getId());
            return topic.getId();
        });
    }

    /** Stores an image (verified and re-encoded like any upload); throws when the bytes are not an image. */
    long storeImage(
            String source, String kind, String sourceId, byte[] bytes, String name, String alt, String caption) {
        Image image = images.upload(
                Actor.importing(source), bytes, name, alt == null ? "" : alt, caption == null ? "" : caption, "");
        map(source, kind, sourceId, "image", image.getId());
        return image.getId();
    }

    /** What an imported post becomes: the article, its workflow state and featured image. */
    record NewArticle(
            String slug,
            ArticleContent content,
            long sectionId,
            List<Long> authorIds,
            List<String> topicNames,
            Target target,
            Instant at,
            Long featuredImageId,
            String featuredCaption) {}

    enum Target {
        DRAFT,
        IN_REVIEW,
        PUBLISHED,
        SCHEDULED
    }

    /** Creates the article and records it, in one transaction: an interrupted import never half-makes one. */
    long createArticle(String source, String kind, String sourceId, NewArticle post) {
        Actor by = Actor.importing(source);
        return transaction.execute(status -> {
            Article article = articles.create(
                    new ArticleChanges(
                            post.slug(), post.content(), post.sectionId(), post.authorIds(), post.topicNames()),
                    by);
            long id = article.getId();
            if (post.featuredImageId() != null) {
                String caption = post.featuredCaption() == null
                                || post.featuredCaption().isBlank()
                        ? null // the image's own caption is shown
                        : post.featuredCaption()
                                .substring(
                                        0, Math.min(500, post.featuredCaption().length()));
                article.illustrate(images.get(post.featuredImageId()), caption, null, clock.instant());
            }
            switch (post.target()) {
                case PUBLISHED -> articles.publishBackdated(id, post.at(), by);
                case SCHEDULED -> articles.scheduleImported(id, post.at(), by);
                case IN_REVIEW -> articles.submit(id, by);
                case DRAFT -> {
                    // a new article is a draft
                }
            }
            remember(source, kind, sourceId, "article", id);
            return id;
        });
    }

    /** An old address of the source site answers 301 to {@code target}; one already set keeps its target. */
    void legacyPaths(List<String> paths, String target) {
        if (paths.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            for (String path : paths) {
                jdbc.sql("insert into legacy_paths (path, target, created_at) values (:path, :target, :now)"
                                + " on conflict (path) do nothing")
                        .param("path", path)
                        .param("target", target)
                        .param("now", Timestamp.from(clock.instant()))
                        .update();
            }
        });
    }

    private void remember(String source, String kind, String sourceId, String entityKind, long entityId) {
        jdbc.sql("""
                        insert into import_sources (source, kind, source_id, entity_kind, entity_id, created_at)
                        values (:source, :kind, :id, :entityKind, :entityId, :now)""")
                .param("source", source)
                .param("kind", kind)
                .param("id", sourceId)
                .param("entityKind", entityKind)
                .param("entityId", entityId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
