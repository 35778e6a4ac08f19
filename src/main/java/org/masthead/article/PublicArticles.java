package org.masthead.article;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.slug.SlugKind;
import org.masthead.slug.SlugRedirects;
import org.masthead.topic.Topic;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
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

    private final ArticleRepository articles;
    private final SlugRedirects redirects;
    private final Clock clock;

    PublicArticles(ArticleRepository articles, SlugRedirects redirects, Clock clock) {
        this.articles = articles;
        this.redirects = redirects;
        this.clock = clock;
    }

    /** A public article with its section, authors, topics and notes. */
    public Optional<Article> findBySlug(String slug) {
        Optional<Article> article = articles.findPublicBySlug(slug, clock.instant());
        return article;
    }

    /** A public article by id (with its section; its authors load within the caller's transaction). */
    public Optional<Article> findById(long id) {
        return articles.findPublicById(id, clock.instant());
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
        return withAuthors(articles.findPublic(clock.instant(), pageable));
    }

    public Slice<Article> inSection(Section section, Pageable pageable) {
        return withAuthors(articles.findPublicBySection(section, clock.instant(), pageable));
    }

    public Slice<Article> byAuthor(Author author, Pageable pageable) {
        return withAuthors(articles.findPublicByAuthor(author, clock.instant(), pageable));
    }

    public Slice<Article> onTopic(Topic topic, Pageable pageable) {
        return withAuthors(articles.findPublicByTopic(topic, clock.instant(), pageable));
    }

    /** "More from {section}": the newest other articles of the article's section, without their authors. */
    public List<Article> moreFromSection(Article article, int limit) {
        return articles.findPublicInSectionExcept(
                article.getSection(), article.getId(), clock.instant(), Limit.of(limit));
    }

    /**
     * Related reading: up to {@code limit} other public articles sharing the most topics with this one, then its
     * section, newest first among equals. One query, sections loaded, authors not.
     */
    public List<Article> related(Article article, int limit) {
        List<Long> topicIds = article.getTopics().stream().map(Topic::getId).toList();
        return articles.findPublicRelated(
                article.getId(),
                article.getSection(),
                topicIds.isEmpty() ? List.of(-1L) : topicIds,
                clock.instant(),
                Limit.of(limit));
    }

    /** Every public article's slug and last change, for the sitemap. */
    public List<LastModified> allLastModified() {
        return articles.findPublicLastModified(clock.instant());
    }

    /** The slug of every section with public articles, and the last change among them. */
    public List<LastModified> lastModifiedBySection() {
        return articles.findPublicLastModifiedBySection(clock.instant());
    }

    /** The slug of every author with public articles, and the last change among them or their profile. */
    public List<LastModified> lastModifiedByAuthor() {
        return articles.findPublicLastModifiedByAuthor(clock.instant());
    }

    /** The slug of every topic with public articles, and the last change among them. */
    public List<LastModified> lastModifiedByTopic() {
        return articles.findPublicLastModifiedByTopic(clock.instant());
    }

    public long count() {
        return articles.countPublic(clock.instant());
    }

    /** Loads the co-authors of every article in the list, in one query for the whole list. */
    private Slice<Article> withAuthors(Slice<Article> slice) {
        if (slice.hasContent()) {
            articles.fetchAuthors(slice.getContent());
        }
        return slice;
    }
}
