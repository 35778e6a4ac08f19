package org.masthead;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.masthead.account.AccountService;
import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleService;
import org.masthead.author.Author;
import org.masthead.author.AuthorService;
import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.stereotype.Component;

/**
 * Makes test fixtures through the application's own services, each with a unique slug, so tests that share
 * one database (and the demo journal) never collide.
 */
@Component
public class TestContent {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** An editor to act as in service calls that need a signed-in staff member. */
    public static final StaffUser EDITOR =
            new StaffUser(9500, "fixture-editor@example.org", "Fixture Editor", Role.EDITOR, "{noop}unused", true);

    private final SectionService sections;
    private final AuthorService authors;
    private final ArticleService articles;

    private final AccountService accounts;

    TestContent(SectionService sections, AuthorService authors, ArticleService articles, AccountService accounts) {
        this.sections = sections;
        this.authors = authors;
        this.articles = articles;
        this.accounts = accounts;
    }

    /** A real staff account (no password yet), for records that point at accounts. */
    public long account(Role role) {
        String email = unique("staff") + "@example.org";
        accounts.create(Actor.importing("test"), email, "Staff " + email, role);
        return accounts.findByEmail(email).orElseThrow().getId();
    }

    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
    }

    public Section section() {
        String slug = unique("section");
        return sections.create(
                Actor.importing("test"),
                slug,
                "Section " + slug,
                "About " + slug,
                "Views are the authors' own.",
                "Get the " + slug + " briefing.",
                900);
    }

    public Author author() {
        String slug = unique("author");
        return authors.create(
                Actor.importing("test"), slug, "Author " + slug, "Fellow, Testing", "Writes *tests* for " + slug + ".");
    }

    public Article draft(Section section, List<Author> byline, List<String> topics) {
        String slug = unique("article");
        ArticleContent content = new ArticleContent(
                "Title " + slug,
                "Dek of " + slug,
                "First paragraph of " + slug + ".\n\nSecond.\n\nThird.\n\nFourth.",
                null,
                null);
        return articles.create(
                new ArticleChanges(
                        slug,
                        content,
                        section.getId(),
                        byline.stream().map(Author::getId).toList(),
                        topics),
                Actor.importing("test"));
    }

    public Article published(Section section, List<Author> byline, List<String> topics, Instant publishedAt) {
        Article article = draft(section, byline, topics);
        return articles.publishBackdated(article.getId(), publishedAt, Actor.importing("test"));
    }
}
