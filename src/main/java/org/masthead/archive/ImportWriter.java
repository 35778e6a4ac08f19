package org.masthead.archive;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every write an archive import makes, in one place: sections, authors, topics, images and articles through their
 * services, the record of what each source item became ({@code import_sources}), and the old addresses that answer
 * 301 ({@code legacy_paths}). Reads that decide what to write (is this item imported already, is this slug free)
 * are here too. Each method is its own transaction, or joins {@link #inOneTransaction the one} a run holds over
 * several posts; an article and its record are written together.
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
    /** A transaction of its own even inside a run's: the record of an image that is stored already. */
    private final TransactionTemplate separately;

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
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    // --- reads --------------------------------------------------------------------------------------------------

    /**
     * What an earlier import made of a source item: the entity, when the source had last changed the item, and the
     * fingerprint of the text written (null for records older than these two).
     */
    record Imported(String entityKind, long entityId, Instant sourceModified, String fingerprint) {}

    Optional<Imported> record(String source, String kind, String sourceId) {
        return jdbc.sql("select entity_kind, entity_id, source_modified_at, fingerprint from import_sources"
                        + " where source = :source and kind = :kind and source_id = :id")
                .param("source", source)
                .param("kind", kind)
                .param("id", sourceId)
                .query((rs, row) -> new Imported(
                        rs.getString("entity_kind"),
                        rs.getLong("entity_id"),
                        rs.getTimestamp("source_modified_at") == null
                                ? null
                                : rs.getTimestamp("source_modified_at").toInstant(),
                        rs.getString("fingerprint")))
                .optional();
    }

    /** An imported article as it is now: its text's fingerprint, its body, whether it has a featured image. */
    record Current(String fingerprint, String bodyMarkdown, boolean illustrated) {}

    /** An imported article as it is now: empty when it is gone. */
    Optional<Current> current(long articleId) {
        return transaction.execute(status -> {
            try {
                Article article = articles.get(articleId);
                return Optional.of(new Current(
                        fingerprint(article),
                        String.valueOf(article.getBodyMarkdown()),
                        article.getFeaturedImage() != null));
            } catch (org.masthead.article.ArticleNotFoundException gone) {
                return Optional.empty();
            }
        });
    }

    /** The fingerprint of an article's text as it is now: empty when the article is gone. */
    Optional<String> fingerprint(long articleId) {
        try {
            return Optional.of(fingerprint(articles.get(articleId)));
        } catch (org.masthead.article.ArticleNotFoundException gone) {
            return Optional.empty();
        }
    }

    /** A digest of the text an editor writes (title, standfirst, body, search texts). */
    static String fingerprint(Article article) {
        String text = String.join(
                "\u0000",
                String.valueOf(article.getTitle()),
                String.valueOf(article.getDek()),
                String.valueOf(article.getBodyMarkdown()),
                String.valueOf(article.getSeoTitle()),
                String.valueOf(article.getSeoDescription()));
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The entity this source item became in an earlier import, if it was imported. */
    Optional<Long> imported(String source, String kind, String sourceId) {
        return record(source, kind, sourceId).map(Imported::entityId);
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

    /**
     * Runs {@code work} in one transaction, which the writes below join: all of it is committed, or none (an
     * exception rolls it back and is thrown on).
     */
    void inOneTransaction(Runnable work) {
        transaction.executeWithoutResult(status -> work.run());
    }

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

    /**
     * Stores an image (verified and re-encoded like any upload); throws when the bytes are not an image. The image
     * is committed at once, in its own transaction, and so are its record and its old addresses ({@code oldPaths}),
     * even inside a run's transaction: a run's posts rolled back find the image stored rather than storing it again.
     */
    long storeImage(
            String source,
            String kind,
            String sourceId,
            byte[] bytes,
            String name,
            String alt,
            String caption,
            List<String> oldPaths) {
        Image image = images.upload(
                Actor.importing(source), bytes, name, alt == null ? "" : alt, caption == null ? "" : caption, "");
        separately.executeWithoutResult(status -> {
            remember(source, kind, sourceId, "image", image.getId());
            insertLegacyPaths(oldPaths, image.getUrl());
        });
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
    long createArticle(String source, String kind, String sourceId, NewArticle post, Instant sourceModified) {
        Actor by = Actor.importing(source);
        return transaction.execute(status -> {
            Article article = articles.create(
                    new ArticleChanges(
                            post.slug(), post.content(), post.sectionId(), post.authorIds(), post.topicNames()),
                    by);
            long id = article.getId();
            if (post.featuredImageId() != null) {
                article.illustrate(
                        images.get(post.featuredImageId()), caption(post.featuredCaption()), null, clock.instant());
            }
            switch (post.target()) {
                case PUBLISHED -> articles.publishBackdated(id, post.at(), by);
                case SCHEDULED -> articles.scheduleImported(id, post.at(), by);
                case IN_REVIEW -> articles.submit(id, by);
                case DRAFT -> {
                    // a new article is a draft
                }
            }
            remember(source, kind, sourceId, "article", id, sourceModified, fingerprint(article));
            return id;
        });
    }

    /**
     * Brings the source's newer text into an article imported before (its section, byline, status and slug stay as
     * they are here), and the featured image when it has none yet ({@code featuredImageId}, if not null), and
     * records the source's date and the new fingerprint, in one transaction.
     */
    void updateArticle(
            String source,
            String kind,
            String sourceId,
            long id,
            ArticleContent content,
            List<String> topicNames,
            Instant sourceModified,
            Long featuredImageId,
            String featuredCaption) {
        Actor by = Actor.importing(source);
        transaction.executeWithoutResult(status -> {
            Article article = articles.get(id);
            if (featuredImageId != null && article.getFeaturedImage() == null) {
                article.illustrate(images.get(featuredImageId), caption(featuredCaption), null, clock.instant());
            }
            Article updated = articles.update(
                    id,
                    article.getRevision(),
                    new ArticleChanges(
                            null,
                            content,
                            article.getSection().getId(),
                            article.getAuthors().stream().map(Author::getId).toList(),
                            topicNames),
                    by);
            changed(source, kind, sourceId, sourceModified, fingerprint(updated));
        });
    }

    /** A featured image's caption on the article: null shows the image's own. */
    private static String caption(String caption) {
        return caption == null || caption.isBlank() ? null : caption.substring(0, Math.min(500, caption.length()));
    }

    /** Records what the source's item was when last written here. */
    private void changed(String source, String kind, String sourceId, Instant sourceModified, String fingerprint) {
        jdbc.sql("update import_sources set source_modified_at = :modified, fingerprint = :fingerprint"
                        + " where source = :source and kind = :kind and source_id = :id")
                .param("modified", sourceModified == null ? null : Timestamp.from(sourceModified))
                .param("fingerprint", fingerprint)
                .param("source", source)
                .param("kind", kind)
                .param("id", sourceId)
                .update();
    }

    /** An old address of the source site answers 301 to {@code target}; one already set keeps its target. */
    void legacyPaths(List<String> paths, String target) {
        if (paths.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> insertLegacyPaths(paths, target));
    }

    /** All of them in one statement. */
    private void insertLegacyPaths(List<String> paths, String target) {
        if (paths.isEmpty()) {
            return;
        }
        jdbc.sql("insert into legacy_paths (path, target, created_at) select path, :target, :now"
                        + " from unnest(:paths) as path on conflict (path) do nothing")
                .param("paths", paths.stream().distinct().toArray(String[]::new))
                .param("target", target)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    // --- the records, carried in the journal's export ---------------------------------------------------------------

    /** Every old address that answers 301, with its target: {@code path}, {@code target}. */
    List<Map<String, Object>> legacyPathsForExport() {
        return jdbc.sql("select path, target from legacy_paths order by path")
                .query((rs, row) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("path", rs.getString("path"));
                    entry.put("target", rs.getString("target"));
                    return entry;
                })
                .list();
    }

    /**
     * What each import made of each source item, by what names the item in any journal (a slug; an image by its id
     * in the export), so a journal restored from the export knows its imports' items again. Items deleted since are
     * left out.
     */
    List<Map<String, Object>> recordsForExport() {
        return jdbc
                .sql("""
                        select s.source, s.kind, s.source_id, s.entity_kind, s.entity_id, s.source_modified_at,
                               s.fingerprint,
                               case s.entity_kind
                                   when 'article' then (select slug from articles where id = s.entity_id)
                                   when 'section' then (select slug from sections where id = s.entity_id)
                                   when 'author' then (select slug from authors where id = s.entity_id)
                                   when 'topic' then (select slug from topics where id = s.entity_id)
                                   when 'image' then (select cast(id as text) from images where id = s.entity_id)
                               end as name
                        from import_sources s order by s.source, s.kind, s.source_id""")
                .query((rs, row) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("source", rs.getString("source"));
                    entry.put("kind", rs.getString("kind"));
                    entry.put("id", rs.getString("source_id"));
                    entry.put("entity", rs.getString("entity_kind"));
                    entry.put("name", rs.getString("name"));
                    Timestamp modified = rs.getTimestamp("source_modified_at");
                    entry.put(
                            "modified",
                            modified == null ? null : modified.toInstant().toString());
                    entry.put("fingerprint", rs.getString("fingerprint"));
                    return entry;
                })
                .list()
                .stream()
                .filter(entry -> entry.get("name") != null)
                .toList();
    }

    boolean legacyPathTaken(String path) {
        return jdbc.sql("select exists (select 1 from legacy_paths where path = :path)")
                .param("path", path)
                .query(Boolean.class)
                .single();
    }

    /** Restores a record of an earlier import (from a journal's export); one already there is left as it is. */
    void restoreRecord(
            String source,
            String kind,
            String sourceId,
            String entityKind,
            long entityId,
            Instant sourceModified,
            String fingerprint) {
        jdbc.sql("""
                        insert into import_sources (source, kind, source_id, entity_kind, entity_id, created_at,
                                                    source_modified_at, fingerprint)
                        values (:source, :kind, :id, :entityKind, :entityId, :now, :modified, :fingerprint)
                        on conflict do nothing""")
                .param("source", source)
                .param("kind", kind)
                .param("id", sourceId)
                .param("entityKind", entityKind)
                .param("entityId", entityId)
                .param("now", Timestamp.from(clock.instant()))
                .param("modified", sourceModified == null ? null : Timestamp.from(sourceModified))
                .param("fingerprint", fingerprint)
                .update();
    }

    private void remember(String source, String kind, String sourceId, String entityKind, long entityId) {
        remember(source, kind, sourceId, entityKind, entityId, null, null);
    }

    private void remember(
            String source,
            String kind,
            String sourceId,
            String entityKind,
            long entityId,
            Instant sourceModified,
            String fingerprint) {
        jdbc.sql("""
                        insert into import_sources (source, kind, source_id, entity_kind, entity_id, created_at,
                                                    source_modified_at, fingerprint)
                        values (:source, :kind, :id, :entityKind, :entityId, :now, :modified, :fingerprint)""")
                .param("source", source)
                .param("kind", kind)
                .param("id", sourceId)
                .param("entityKind", entityKind)
                .param("entityId", entityId)
                .param("now", Timestamp.from(clock.instant()))
                .param("modified", sourceModified == null ? null : Timestamp.from(sourceModified))
                .param("fingerprint", fingerprint)
                .update();
    }
}
