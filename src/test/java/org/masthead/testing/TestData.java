package org.masthead.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
 * The one place tests make their data: builders that go through the application's services (so Markdown is
 * rendered, search documents built and audit lines written as in real use), on the test clock, with unique slugs
 * so tests sharing the database (and the demo journal) never collide. {@code Fixtures} and {@code TestContent} are
 * older doors onto the same builders.
 *
 * <pre>
 * Article article = data.anArticle().by(author).inSection(section).titled("On ports").published();
 * Section desk = data.aSection().named("Harbour Desk").create();
 * </pre>
 */
@Component
public class TestData {

    /** Who makes test data: an import, with an admin's powers, named "import" in the audit log. */
    static final Actor TEST = Actor.importing("test");

    // The staff members tests act as, with fixed ids; FixtureAccounts makes each a real account.
    public static final StaffUser CONTRIBUTOR =
            new StaffUser(9001, "contributor@test.example", "Casey Contributor", Role.CONTRIBUTOR, "{noop}x", true);
    public static final StaffUser OTHER_CONTRIBUTOR =
            new StaffUser(9002, "other@test.example", "Olive Other", Role.CONTRIBUTOR, "{noop}x", true);
    public static final StaffUser EDITOR =
            new StaffUser(9003, "editor@test.example", "Eddie Editor", Role.EDITOR, "{noop}x", true);
    public static final StaffUser ADMIN =
            new StaffUser(9004, "admin@test.example", "Ada Admin", Role.ADMIN, "{noop}x", true);
    /** The editor that fixtures act as when a workflow step needs one (schedule, archive). */
    public static final StaffUser FIXTURE_EDITOR =
            new StaffUser(9500, "fixture-editor@example.org", "Fixture Editor", Role.EDITOR, "{noop}unused", true);

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ArticleService articles;
    private final SectionService sections;
    private final AuthorService authors;
    private final AccountService accounts;
    private final Clock clock;

    TestData(
            ArticleService articles,
            SectionService sections,
            AuthorService authors,
            AccountService accounts,
            Clock clock) {
        this.articles = articles;
        this.sections = sections;
        this.authors = authors;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** {@code prefix-<number>-<sequence>}: unique within the run and across runs on a kept database. */
    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
    }

    /** A made-up word no dictionary (nor stemmer) knows, such as {@code zqkvmtrb}: search for it to find only your own data. */
    public static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append("bcdfghjklmnpqrtvwxz".charAt(ThreadLocalRandom.current().nextInt(19)));
        }
        return word.toString();
    }

    /** {@code prefix-<word>}. */
    public static String slug(String prefix) {
        return prefix + "-" + word();
    }

    public SectionBuilder aSection() {
        return new SectionBuilder();
    }

    public AuthorBuilder anAuthor() {
        return new AuthorBuilder();
    }

    /** An article; with no section or byline given, a new section and a new author of its own. */
    public ArticleBuilder anArticle() {
        return new ArticleBuilder();
    }

    /** A real staff account (no password yet), for records that point at accounts; answers its id. */
    public long account(Role role) {
        String email = unique("staff") + "@example.org";
        accounts.create(TEST, email, "Staff " + email, role);
        return accounts.findByEmail(email).orElseThrow().getId();
    }

    public final class SectionBuilder {

        private String slug = unique("section");
        private String name;
        private String callToAction;
        private int position = 900;

        private SectionBuilder() {}

        public SectionBuilder withCallToAction(String callToAction) {
            this.callToAction = callToAction;
            return this;
        }

        /** Where it stands in the sections' order (the demo journal's come first). */
        public SectionBuilder atPosition(int position) {
            this.position = position;
            return this;
        }

        public SectionBuilder named(String name) {
            this.name = name;
            return this;
        }

        public SectionBuilder withSlug(String slug) {
            this.slug = slug;
            return this;
        }

        public Section create() {
            String shown = name != null ? name : "Section " + slug;
            return sections.create(
                    TEST,
                    slug,
                    shown,
                    "About " + shown,
                    "Views are the authors' own.",
                    callToAction != null ? callToAction : "Get the " + slug + " briefing.",
                    position);
        }
    }

    public final class AuthorBuilder {

        private String slug = unique("author");
        private String name;
        private String titleLine = "Fellow, Testing";
        private String bio;

        private AuthorBuilder() {}

        public AuthorBuilder named(String name) {
            this.name = name;
            return this;
        }

        public AuthorBuilder withSlug(String slug) {
            this.slug = slug;
            return this;
        }

        public AuthorBuilder withTitleLine(String titleLine) {
            this.titleLine = titleLine;
            return this;
        }

        public AuthorBuilder withBio(String bioMarkdown) {
            this.bio = bioMarkdown;
            return this;
        }

        public Author create() {
            String shown = name != null ? name : "Author " + slug;
            return authors.create(TEST, slug, shown, titleLine, bio != null ? bio : "Writes *tests* for " + slug + ".");
        }
    }

    public final class ArticleBuilder {

        private String slug = unique("article");
        private String title;
        private String dek;
        private String body;
        private Section section;
        private final List<Author> byline = new ArrayList<>();
        private final List<String> topics = new ArrayList<>();

        private ArticleBuilder() {}

        public ArticleBuilder withSlug(String slug) {
            this.slug = slug;
            return this;
        }

        public ArticleBuilder titled(String title) {
            this.title = title;
            return this;
        }

        public ArticleBuilder withDek(String dek) {
            this.dek = dek;
            return this;
        }

        public ArticleBuilder withBody(String bodyMarkdown) {
            this.body = bodyMarkdown;
            return this;
        }

        public ArticleBuilder inSection(Section section) {
            this.section = section;
            return this;
        }

        public ArticleBuilder by(Author... authors) {
            return by(List.of(authors));
        }

        public ArticleBuilder by(List<Author> authors) {
            byline.addAll(authors);
            return this;
        }

        public ArticleBuilder withTopics(String... names) {
            return withTopics(List.of(names));
        }

        public ArticleBuilder withTopics(List<String> names) {
            topics.addAll(names);
            return this;
        }

        /** A draft with no owner (made as imported content is). */
        public Article draft() {
            Section in = section != null ? section : aSection().create();
            List<Author> authors = byline.isEmpty() ? List.of(anAuthor().create()) : byline;
            ArticleContent content = new ArticleContent(
                    title != null ? title : "Title " + slug,
                    dek != null ? dek : "Dek of " + slug,
                    body != null ? body : "First paragraph of " + slug + ".\n\nSecond.\n\nThird.\n\nFourth.",
                    null,
                    null);
            return articles.create(
                    new ArticleChanges(
                            slug,
                            content,
                            in.getId(),
                            authors.stream().map(Author::getId).toList(),
                            topics),
                    TEST);
        }

        /** Published a minute ago by the test clock. */
        public Article published() {
            return publishedAt(clock.instant().minus(Duration.ofMinutes(1)));
        }

        /** Published {@code ago} before now by the test clock. */
        public Article publishedAgo(Duration ago) {
            return publishedAt(clock.instant().minus(ago));
        }

        public Article publishedAt(Instant at) {
            return articles.publishBackdated(draft().getId(), at, TEST);
        }

        /** Scheduled three days ahead of the test clock. */
        public Article scheduled() {
            return articles.schedule(draft().getId(), clock.instant().plus(Duration.ofDays(3)), FIXTURE_EDITOR);
        }

        /** Published twenty days ago, then archived. */
        public Article archived() {
            Article article = publishedAgo(Duration.ofDays(20));
            articles.archive(article.getId(), FIXTURE_EDITOR);
            return articles.get(article.getId());
        }
    }
}
