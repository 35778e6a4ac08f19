package org.masthead.article.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.masthead.HttpPage;
import org.masthead.HttpTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleService;
import org.masthead.article.NoteKind;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.security.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader's site over real HTTP, as a browser gets it: statuses, content, redirects and error pages. */
@HttpTest
class PublicPagesHttpTests {

    @LocalServerPort
    private int port;

    @Autowired
    private TestContent content;

    @Autowired
    private ArticleService articles;

    @Autowired
    private MutableClock clock;

    private HttpResponse<String> get(String path) {
        return HttpPage.get(port, path);
    }

    private Document html(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        return Jsoup.parse(response.body());
    }

    @Test
    void theHomePageShowsTheLeadStoryLatestArticlesAndSections() {
        Document home = html("/");
        assertThat(home.select("html").attr("lang")).isEqualTo("en");
        assertThat(home.select("a.skip-link").attr("href")).isEqualTo("#main");
        assertThat(home.select("header.site-header nav a")).isNotEmpty();
        assertThat(home.select("section.lead article h2 a").attr("href")).startsWith("/articles/");
        assertThat(home.select("section.latest article.card")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(home.select("ul.section-list li")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(home.select("main#main")).hasSize(1);
        assertThat(home.select("footer.site-footer form[action=/newsletter]")).hasSize(1);
    }

    @Test
    void anArticleShowsEverythingAReaderExpects() {
        Section section = content.section();
        Author first = content.author();
        Author second = content.author();
        Instant publishedAt = clock.instant().minus(Duration.ofDays(3));
        Article article = content.published(section, List.of(first, second), List.of("Arms Control"), publishedAt);
        articles.addNote(
                article.getId(),
                NoteKind.CORRECTION,
                "An earlier version misnamed the treaty.",
                publishedAt.plus(Duration.ofDays(1)),
                Actor.importing("test"));
        Article other = content.published(section, List.of(first), List.of(), publishedAt.minus(Duration.ofDays(1)));

        Document page = html("/articles/" + article.getSlug());
        Element main = page.selectFirst("main#main");
        assertThat(main.select(".kicker a").attr("href")).isEqualTo("/sections/" + section.getSlug());
        assertThat(main.select("h1").text()).isEqualTo(article.getTitle());
        assertThat(main.select(".article__dek").text()).isEqualTo(article.getDek());
        assertThat(main.select(".article__header .byline a.author-link"))
                .extracting(Element::text)
                .containsExactly(first.getName(), second.getName());
        assertThat(main.select(".article__meta time").first().attr("datetime")).isEqualTo(publishedAt.toString());
        assertThat(main.select(".article__updated").text()).startsWith("Updated");
        assertThat(main.select(".article__meta").text()).contains("min read");
        assertThat(main.select(".article__body").text()).contains("First paragraph of " + article.getSlug());
        // The call to action sits inside the body, between whole elements, after the third paragraph.
        Element box = main.selectFirst(".article__body > aside.newsletter-box");
        assertThat(box).isNotNull();
        assertThat(box.previousElementSiblings().select("p")).hasSize(3);
        assertThat(box.select("form").attr("action")).isEqualTo("/newsletter");
        assertThat(box.select("input[name=_csrf]"))
                .as("no per-visitor token on public pages")
                .isEmpty();
        assertThat(box.text()).contains(section.getNewsletterCta());
        assertThat(main.select(".notes .note--correction").text()).contains("An earlier version misnamed the treaty.");
        assertThat(main.select(".notes .note"))
                .as("one note, however many authors and topics")
                .hasSize(1);
        assertThat(main.select(".bios .bio")).hasSize(2);
        assertThat(main.select(".bios .bio").first().select(".bio__text").html())
                .contains("<em>tests</em>");
        assertThat(main.select(".disclaimer").text()).isEqualTo(section.getDisclaimer());
        assertThat(main.select(".topics a").attr("href")).isEqualTo("/topics/arms-control");
        assertThat(main.select(".more h2").text()).isEqualTo("More from " + section.getName());
        assertThat(main.select(".more a").attr("href")).isEqualTo("/articles/" + other.getSlug());
    }

    @Test
    void sectionAuthorAndTopicPagesListPublicArticles() {
        Section section = content.section();
        Author author = content.author();
        String topic = TestContent.unique("Topic");
        Article article = content.published(
                section, List.of(author), List.of(topic), clock.instant().minus(Duration.ofHours(2)));

        Document sectionPage = html("/sections/" + section.getSlug());
        assertThat(sectionPage.select("h1").text()).isEqualTo(section.getName());
        assertThat(sectionPage.select(".listing__intro").text()).isEqualTo(section.getDescription());
        assertThat(sectionPage.select("article.card h2 a").attr("href")).isEqualTo("/articles/" + article.getSlug());
        assertThat(sectionPage.select(".site-nav a[aria-current=page]").text()).isEqualTo(section.getName());

        Document authorPage = html("/authors/" + author.getSlug());
        assertThat(authorPage.select("h1").text()).isEqualTo(author.getName());
        assertThat(authorPage.select(".profile__title").text()).isEqualTo("Fellow, Testing");
        assertThat(authorPage.select(".profile__bio em").text()).isEqualTo("tests");
        assertThat(authorPage.select("article.card a[href=/articles/" + article.getSlug() + "]"))
                .isNotEmpty();

        Document topicPage = html("/topics/" + org.masthead.slug.Slugs.slugify(topic));
        assertThat(topicPage.select("h1").text()).isEqualTo(topic);
        assertThat(topicPage.select("article.card h2 a").attr("href")).isEqualTo("/articles/" + article.getSlug());
    }

    @Test
    void sectionsArePaginatedFromPageOne() {
        Section section = content.section();
        Author author = content.author();
        Instant start = clock.instant().minus(Duration.ofDays(30));
        for (int i = 0; i < 12; i++) {
            content.published(section, List.of(author), List.of(), start.plus(Duration.ofHours(i)));
        }
        String path = "/sections/" + section.getSlug();
        Document first = html(path);
        assertThat(first.select("article.card")).hasSize(10);
        assertThat(first.select(".pager a[rel=next]").attr("href")).isEqualTo(path + "?page=2");
        Document second = html(path + "?page=2");
        assertThat(second.select("article.card")).hasSize(2);
        assertThat(second.select(".pager a[rel=prev]").attr("href")).isEqualTo(path);

        assertThat(get(path + "?page=abc").statusCode()).isEqualTo(400);
        assertThat(get(path + "?page=-3").statusCode()).isEqualTo(400);
        assertThat(get(path + "?page=0").statusCode()).isEqualTo(400);
        HttpResponse<String> garbage = get(path + "?page=abc");
        assertThat(Jsoup.parse(garbage.body()).select("main h1").text())
                .isEqualTo("That request could not be understood");
        assertThat(garbage.body()).contains("Pages are numbered 1, 2, 3").doesNotContain("Exception");
        HttpResponse<String> beyond = get(path + "?page=999999");
        assertThat(beyond.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(beyond.body()).select("main h1").text()).isEqualTo("Page not found");
        assertThat(get(path + "?page=99999999999999999999").statusCode()).isEqualTo(400);
    }

    @Test
    void unknownPagesGetTheStyled404PageNotALoginRedirect() {
        for (String path : List.of(
                "/articles/no-such-article",
                "/sections/no-such-section",
                "/authors/nobody",
                "/topics/nothing",
                "/no/such/page",
                "/articles/UPPER",
                "/sections/a/b/c")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("main h1").text()).as(path).isEqualTo("Page not found");
            assertThat(page.select("main a[href=/]")).as("a link back").isNotEmpty();
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("Whitelabel");
        }
        HttpResponse<String> traversal = get("/articles/%2e%2e%2fetc");
        assertThat(traversal.statusCode()).isIn(400, 404);
        assertThat(traversal.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void archivedArticlesAnswer410AndRenamedOnes301() {
        Section section = content.section();
        Author author = content.author();
        Article archived = content.published(
                section, List.of(author), List.of(), clock.instant().minus(Duration.ofDays(5)));
        articles.archive(archived.getId(), TestContent.EDITOR);
        HttpResponse<String> gone = get("/articles/" + archived.getSlug());
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(Jsoup.parse(gone.body()).select("main h1").text()).isEqualTo("This article has been withdrawn");

        Article renamed = content.published(
                section, List.of(author), List.of(), clock.instant().minus(Duration.ofDays(5)));
        String oldSlug = renamed.getSlug();
        String newSlug = TestContent.unique("renamed");
        articles.update(
                renamed.getId(),
                renamed.getRevision(),
                new ArticleChanges(
                        newSlug,
                        new ArticleContent(renamed.getTitle(), renamed.getDek(), renamed.getBodyMarkdown(), null, null),
                        section.getId(),
                        List.of(author.getId()),
                        List.of()),
                TestContent.EDITOR);
        HttpResponse<String> moved = get("/articles/" + oldSlug);
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/articles/" + newSlug));
        assertThat(get("/articles/" + newSlug).statusCode()).isEqualTo(200);

        // An old slug of an article that is no longer public reveals nothing.
        articles.unpublish(renamed.getId(), TestContent.EDITOR);
        assertThat(get("/articles/" + oldSlug).statusCode()).isEqualTo(404);
    }

    @Test
    void publicPagesSetNoCookieAndCreateNoSession() {
        Section section = content.section();
        Article article = content.published(
                section, List.of(content.author()), List.of(), clock.instant().minus(Duration.ofHours(1)));
        for (String path :
                List.of("/", "/articles/" + article.getSlug(), "/sections/" + section.getSlug(), "/articles/missing")) {
            HttpResponse<String> response = get(path);
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
            assertThat(response.body()).as(path).doesNotContain("_csrf");
        }
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndNoInlineScript() {
        HttpResponse<String> response = get("/");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("script-src 'self'")
                        .contains("object-src 'none'")
                        .doesNotContain("unsafe-inline"));
        Document home = Jsoup.parse(response.body());
        assertThat(home.select("script:not([src]):not([type=application/ld+json])"))
                .isEmpty();
        assertThat(home.select("link[rel=stylesheet][href^=http], script[src^=http]"))
                .as("no CDN")
                .isEmpty();
    }

    @Test
    void theHealthEndpointAnswersForOperators() {
        assertThat(HttpPage.get(port, "/actuator/health/liveness", "*/*").statusCode())
                .isEqualTo(200);
        assertThat(HttpPage.get(port, "/actuator/health/readiness", "*/*").statusCode())
                .isEqualTo(200);
        assertThat(HttpPage.get(port, "/actuator/health", "application/json").body())
                .contains("UP");
    }
}
