package org.masthead.article.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.topic.Topic;
import org.masthead.web.JsonLd;
import org.masthead.web.PageMeta;
import org.masthead.web.SiteProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The head metadata of the reader's pages ({@link PageMeta}): canonical URL, OpenGraph/Twitter tags, and an
 * article's JSON-LD {@code NewsArticle}. Titles and descriptions are the ones the page templates show.
 */
@Component
class ReaderPageMeta {

    private final SiteProperties site;
    private final MessageSource messages;

    ReaderPageMeta(SiteProperties site, MessageSource messages) {
        this.site = site;
        this.messages = messages;
    }

    PageMeta home() {
        return PageMeta.website(
                site,
                site.siteName(),
                messages.getMessage(
                        "home.description", new Object[] {site.siteName()}, LocaleContextHolder.getLocale()),
                "/");
    }

    PageMeta section(Section section, int page) {
        return PageMeta.website(
                site, section.getName(), section.getDescription(), paged("/sections/" + section.getSlug(), page));
    }

    PageMeta author(Author author, int page) {
        String description =
                author.getTitleLine().isEmpty() ? author.getName() : author.getName() + ", " + author.getTitleLine();
        PageMeta meta =
                PageMeta.website(site, author.getName(), description, paged("/authors/" + author.getSlug(), page));
        return new PageMeta(
                meta.siteName(),
                meta.title(),
                meta.description(),
                meta.canonicalUrl(),
                "profile",
                null,
                null,
                null,
                false,
                null);
    }

    PageMeta topic(Topic topic, int page) {
        return PageMeta.website(
                site,
                topic.getName(),
                messages.getMessage(
                        "topic.description", new Object[] {topic.getName()}, LocaleContextHolder.getLocale()),
                paged("/topics/" + topic.getSlug(), page));
    }

    PageMeta article(Article article) {
        String path = "/articles/" + article.getSlug();
        return PageMeta.article(
                site,
                article.getPageTitle(),
                description(article),
                path,
                imageUrl(article),
                iso(article.getPublishedAt()),
                iso(article.getLastModified()),
                JsonLd.write(newsArticle(article, path)));
    }

    /** schema.org NewsArticle: every author as a Person with their profile, the journal as publisher. */
    private Map<String, Object> newsArticle(Article article, String path) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "NewsArticle");
        json.put("headline", article.getTitle());
        json.put("description", description(article));
        json.put("url", site.absolute(path));
        // in this order on every node (Map.of's order changes from one start to the next, and so would the ETag)
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@type", "WebPage");
        page.put("@id", site.absolute(path));
        json.put("mainEntityOfPage", page);
        json.put("datePublished", iso(article.getPublishedAt()));
        json.put("dateModified", iso(article.getLastModified()));
        json.put("articleSection", article.getSection().getName());
        List<String> keywords = article.getTopics().stream().map(Topic::getName).toList();
        if (!keywords.isEmpty()) {
            json.put("keywords", keywords);
        }
        json.put("author", article.getAuthors().stream().map(this::person).toList());
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", site.siteName());
        publisher.put("url", site.absolute("/"));
        json.put("publisher", publisher);
        String image = imageUrl(article);
        if (image != null) {
            json.put("image", List.of(image));
        }
        return json;
    }

    /** The featured image, at its largest stored width, as an absolute URL (OpenGraph, Twitter card, JSON-LD). */
    private String imageUrl(Article article) {
        return article.getFeaturedImage() == null
                ? null
                : site.absolute(article.getFeaturedImage().getLargestUrl());
    }

    private Map<String, Object> person(Author author) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("@type", "Person");
        person.put("name", author.getName());
        person.put("url", site.absolute("/authors/" + author.getSlug()));
        if (!author.getTitleLine().isEmpty()) {
            person.put("jobTitle", author.getTitleLine());
        }
        return person;
    }

    private static String description(Article article) {
        if (article.getSeoDescription() != null && !article.getSeoDescription().isBlank()) {
            return article.getSeoDescription();
        }
        return article.getDek().isEmpty() ? article.getExcerpt() : article.getDek();
    }

    private static String paged(String path, int page) {
        return page > 1 ? path + "?page=" + page : path;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
