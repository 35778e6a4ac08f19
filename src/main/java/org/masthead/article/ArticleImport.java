package org.masthead.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.masthead.author.Author;
import org.masthead.author.AuthorNotFoundException;
import org.masthead.author.AuthorService;
import org.masthead.markdown.MarkdownRenderer;
import org.masthead.media.ImageService;
import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.masthead.slug.SlugKind;
import org.masthead.slug.SlugRedirects;
import org.masthead.topic.TopicService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recreates articles from a Masthead export exactly as they were: text, byline order, topics, featured image, state
 * and dates (drafts, scheduled, published, archived), notes and corrections, and the old slugs that answer 301.
 * The text is stored as it was (already typographic) and rendered again; the first revision is the import's.
 */
@Service
@Transactional
public class ArticleImport {

    private final ArticleRepository articles;
    private final ArticleRevisionRepository revisions;
    private final SectionService sections;
    private final AuthorService authors;
    private final TopicService topics;
    private final ImageService images;
    private final MarkdownRenderer markdown;
    private final SlugRedirects redirects;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleImport(
            ArticleRepository articles,
            ArticleRevisionRepository revisions,
            SectionService sections,
            AuthorService authors,
            TopicService topics,
            ImageService images,
            MarkdownRenderer markdown,
            SlugRedirects redirects,
            ApplicationEventPublisher events,
            Clock clock) {
        this.articles = articles;
        this.revisions = revisions;
        this.sections = sections;
        this.authors = authors;
        this.topics = topics;
        this.images = images;
        this.markdown = markdown;
        this.redirects = redirects;
        this.events = events;
        this.clock = clock;
    }

    /** A correction or update note with its own date. */
    public record Note(NoteKind kind, String body, Instant notedAt) {}

    /** An article as the export describes it; ids are those of this journal. */
    public record Imported(
            String slug,
            ArticleContent content,
            long sectionId,
            List<Long> authorIds,
            Collection<Long> topicIds,
            ArticleStatus status,
            Instant createdAt,
            Instant updatedAt,
            Instant firstPublishedAt,
            Instant publishedAt,
            Instant scheduledAt,
            Long featuredImageId,
            String featuredCaption,
            String featuredCredit,
            List<Note> notes,
            List<String> oldSlugs) {}

    /** The id of the article that has this slug now, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> idOf(String slug) {
        return articles.findBySlug(slug).map(Article::getId);
    }

    /** How many articles the journal has, leaving out drafts in the trash (an export leaves them out too). */
    @Transactional(readOnly = true)
    public long count() {
        return articles.countByStatusNot(ArticleStatus.TRASHED);
    }

    /** Creates the article; its slug (and every old one) must be free. */
    public Article restore(Imported imported, Actor by) {
        NotAllowedException.require(ArticlePermissions.canImport(by), by, "restore exported articles");
        redirects.requireFree(
                SlugKind.ARTICLE,
                imported.slug(),
                articles.findBySlug(imported.slug()).map(Article::getId),
                null);
        Section section = sections.get(imported.sectionId());
        Instant created = imported.createdAt() != null ? imported.createdAt() : clock.instant();
        Article article = new Article(imported.slug(), imported.content().title(), section, created, null);
        article.revise(
                imported.content(),
                markdown.render(imported.content().bodyMarkdown()),
                section,
                authorsInOrder(imported.authorIds()),
                new LinkedHashSet<>(topics.byIds(imported.topicIds())),
                imported.updatedAt() != null ? imported.updatedAt() : created);
        if (imported.featuredImageId() != null) {
            article.illustrate(
                    images.get(imported.featuredImageId()),
                    imported.featuredCaption(),
                    imported.featuredCredit(),
                    article.getUpdatedAt());
        }
        article.restoreState(
                imported.status(),
                imported.firstPublishedAt(),
                imported.publishedAt(),
                imported.scheduledAt(),
                article.getUpdatedAt());
        for (Note note : imported.notes()) {
            article.restoreNote(note.kind(), note.body(), note.notedAt(), note.notedAt());
        }
        articles.save(article);
        revisions.save(new ArticleRevision(article, null, by.label(), clock.instant()));
        for (String old : imported.oldSlugs()) {
            redirects.renamed(SlugKind.ARTICLE, article.getId(), old, article.getSlug());
        }
        events.publishEvent(ArticleEvents.imported(article));
        return article;
    }

    private List<Author> authorsInOrder(List<Long> ids) {
        Map<Long, Author> byId = new HashMap<>();
        authors.byIds(ids).forEach(author -> byId.put(author.getId(), author));
        List<Author> inOrder = new ArrayList<>();
        for (Long id : ids.stream().distinct().toList()) {
            Author author = byId.get(id);
            if (author == null) {
                throw new AuthorNotFoundException("#" + id);
            }
            inOrder.add(author);
        }
        return inOrder;
    }
}
