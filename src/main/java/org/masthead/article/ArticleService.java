package org.masthead.article;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.masthead.author.Author;
import org.masthead.author.AuthorNotFoundException;
import org.masthead.author.AuthorService;
import org.masthead.markdown.MarkdownRenderer;
import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.masthead.slug.SlugKind;
import org.masthead.slug.SlugRedirects;
import org.masthead.slug.Slugs;
import org.masthead.topic.TopicService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes articles: renders their Markdown on save and moves them through the workflow. */
@Service
@Transactional
public class ArticleService {

    private final ArticleRepository articles;
    private final SectionService sections;
    private final AuthorService authors;
    private final TopicService topics;
    private final MarkdownRenderer markdown;
    private final SlugRedirects redirects;
    private final Clock clock;

    ArticleService(ArticleRepository articles, SectionService sections, AuthorService authors, TopicService topics,
            MarkdownRenderer markdown, SlugRedirects redirects, Clock clock) {
        this.articles = articles;
        this.sections = sections;
        this.authors = authors;
        this.topics = topics;
        this.markdown = markdown;
        this.redirects = redirects;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Article get(long id) {
        return articles.findById(id).orElseThrow(() -> new ArticleNotFoundException("#" + id));
    }

    /** A new draft. */
    public Article create(ArticleChanges changes) {
        String slug = changes.slug() == null || changes.slug().isBlank()
                ? Slugs.slugify(changes.content().title()) : changes.slug();
        requireFreeSlug(slug, null);
        Section section = sections.get(changes.sectionId());
        Article article = new Article(slug, changes.content().title(), section, clock.instant());
        apply(article, changes);
        return articles.save(article);
    }

    public Article update(long id, ArticleChanges changes) {
        Article article = get(id);
        if (changes.slug() != null && !changes.slug().isBlank() && !changes.slug().equals(article.getSlug())) {
            requireFreeSlug(changes.slug(), article.getId());
            String old = article.changeSlug(changes.slug());
            if (article.getFirstPublishedAt() != null) {
                redirects.renamed(SlugKind.ARTICLE, article.getId(), old, changes.slug());
            }
        }
        apply(article, changes);
        return article;
    }

    public Article publish(long id) {
        Article article = get(id);
        article.publish(clock.instant());
        return article;
    }

    /** Publishes with an earlier date, for content brought in from elsewhere (the journal's archive, the demo). */
    public Article publishBackdated(long id, Instant publishedAt) {
        if (publishedAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("A future publication time is a schedule, not a publication");
        }
        Article article = get(id);
        article.publish(publishedAt);
        return article;
    }

    public Article schedule(long id, Instant at) {
        Article article = get(id);
        article.schedule(at, clock.instant());
        return article;
    }

    public Article addNote(long id, NoteKind kind, String body, Instant notedAt) {
        Article article = get(id);
        article.addNote(kind, body, notedAt, clock.instant());
        return article;
    }

    public void submit(long id) {
        get(id).submit();
    }

    public void unpublish(long id) {
        get(id).unpublish();
    }

    public void archive(long id) {
        get(id).archive();
    }

    public void restore(long id) {
        get(id).restore();
    }

    /** Renders every article's Markdown again, after the renderer or its allowlist changed. */
    public int rerenderAll() {
        List<Article> all = articles.findAll();
        all.forEach(article -> article.rendered(markdown.render(article.getBodyMarkdown())));
        return all.size();
    }

    private void apply(Article article, ArticleChanges changes) {
        Section section = sections.get(changes.sectionId());
        article.revise(changes.content(), markdown.render(changes.content().bodyMarkdown()), section,
                authorsInOrder(changes.authorIds()), topics.findOrCreate(changes.topicNames()), clock.instant());
    }

    private List<Author> authorsInOrder(List<Long> ids) {
        Map<Long, Author> byId = new HashMap<>();
        authors.byIds(ids).forEach(author -> byId.put(author.getId(), author));
        return ids.stream().distinct().map(id -> {
            Author author = byId.get(id);
            if (author == null) {
                throw new AuthorNotFoundException("#" + id);
            }
            return author;
        }).toList();
    }

    private void requireFreeSlug(String slug, Long ownId) {
        if (!Slugs.isValid(slug)) {
            throw new IllegalArgumentException("Invalid slug: " + slug);
        }
        boolean takenByOther = articles.findBySlug(slug).map(other -> !other.getId().equals(ownId)).orElse(false);
        boolean redirectOfOther = redirects.find(SlugKind.ARTICLE, slug).map(target -> !target.equals(ownId)).orElse(false);
        if (takenByOther || redirectOfOther) {
            throw new SlugTakenException(slug);
        }
    }
}
