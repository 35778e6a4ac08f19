package org.masthead.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.masthead.article.Article;
import org.masthead.article.ArticleService;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.springframework.stereotype.Component;

/**
 * Named test data for the reader-side tests (search, feeds, page metadata, API): the {@link TestData} builders with
 * the names and texts a test chooses, on the test clock. Inject it; new tests may use {@link TestData} directly.
 */
@Component
public final class Fixtures {

    private final TestData data;
    private final ArticleService articles;

    Fixtures(TestData data, ArticleService articles) {
        this.data = data;
        this.articles = articles;
    }

    /** See {@link TestData#word()}. */
    public static String word() {
        return TestData.word();
    }

    public static String slug(String prefix) {
        return TestData.slug(prefix);
    }

    public Section section(String name) {
        return data.aSection()
                .withSlug(slug("section"))
                .named(name)
                .withCallToAction("")
                .atPosition(99)
                .create();
    }

    public Author author(String name) {
        return data.anAuthor()
                .withSlug(slug("author"))
                .named(name)
                .withTitleLine("Fellow")
                .withBio("A bio of " + name + ".")
                .create();
    }

    private TestData.ArticleBuilder article(
            Section section, List<Author> byline, List<String> topics, String title, String dek, String body) {
        return data.anArticle()
                .withSlug(slug("article"))
                .inSection(section)
                .by(byline)
                .withTopics(topics)
                .titled(title)
                .withDek(dek)
                .withBody(body);
    }

    public Article draft(
            Section section, List<Author> byline, List<String> topics, String title, String dek, String body) {
        return article(section, byline, topics, title, dek, body).draft();
    }

    public Article published(
            Section section,
            List<Author> byline,
            List<String> topics,
            String title,
            String dek,
            String body,
            Instant publishedAt) {
        return article(section, byline, topics, title, dek, body).publishedAt(publishedAt);
    }

    public Article published(Section section, List<Author> byline, String title, String body, Duration ago) {
        return article(section, byline, List.of(), title, "", body).publishedAgo(ago);
    }

    public Article scheduled(Section section, List<Author> byline, String title, String body) {
        return article(section, byline, List.of(), title, "", body).scheduled();
    }

    public Article archived(Section section, List<Author> byline, String title, String body) {
        return article(section, byline, List.of(), title, "", body).archived();
    }

    public ArticleService articles() {
        return articles;
    }
}
