package org.masthead.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleService;
import org.masthead.author.Author;
import org.masthead.author.AuthorService;
import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.masthead.security.Actor;

/**
 * Test data made through the services (so Markdown is rendered and search documents are built as in real use),
 * with unique slugs and words, so tests sharing the database with the demo journal and each other never collide.
 */
public final class Fixtures {

    private final ArticleService articles;
    private final SectionService sections;
    private final AuthorService authors;

    public Fixtures(ArticleService articles, SectionService sections, AuthorService authors) {
        this.articles = articles;
        this.sections = sections;
        this.authors = authors;
    }

    /** A made-up word no dictionary (nor stemmer) knows, such as {@code zqkvmtrb}: search for it to find only your own fixtures. */
    public static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append("bcdfghjklmnpqrtvwxz".charAt(ThreadLocalRandom.current().nextInt(19)));
        }
        return word.toString();
    }

    public static String slug(String prefix) {
        return prefix + "-" + word();
    }

    public Section section(String name) {
        return sections.create(
                Actor.importing("test"), slug("section"), name, "About " + name, "Views are the authors' own.", "", 99);
    }

    public Author author(String name) {
        return authors.create(Actor.importing("test"), slug("author"), name, "Fellow", "A bio of " + name + ".");
    }

    public Article draft(
            Section section, List<Author> byline, List<String> topics, String title, String dek, String body) {
        return articles.create(
                new ArticleChanges(
                        slug("article"),
                        new ArticleContent(title, dek, body, null, null),
                        section.getId(),
                        byline.stream().map(Author::getId).toList(),
                        topics),
                Actor.importing("test"));
    }

    public Article published(
            Section section,
            List<Author> byline,
            List<String> topics,
            String title,
            String dek,
            String body,
            Instant publishedAt) {
        Article article = draft(section, byline, topics, title, dek, body);
        return articles.publishBackdated(article.getId(), publishedAt, Actor.importing("test"));
    }

    public Article published(Section section, List<Author> byline, String title, String body, Duration ago) {
        return published(
                section, byline, List.of(), title, "", body, Instant.now().minus(ago));
    }

    public Article scheduled(Section section, List<Author> byline, String title, String body) {
        Article article = draft(section, byline, List.of(), title, "", body);
        return articles.schedule(
                article.getId(), Instant.now().plus(Duration.ofDays(3)), org.masthead.TestContent.EDITOR);
    }

    public Article archived(Section section, List<Author> byline, String title, String body) {
        Article article = published(section, byline, title, body, Duration.ofDays(20));
        articles.archive(article.getId(), org.masthead.TestContent.EDITOR);
        return articles.get(article.getId());
    }

    public ArticleService articles() {
        return articles;
    }
}
