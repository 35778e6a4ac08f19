package org.masthead.hostile;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.masthead.HttpPage;
import org.masthead.HttpTest;
import org.masthead.MutableClock;
import org.masthead.StaffHttp;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleImages;
import org.masthead.article.ArticleService;
import org.masthead.article.NoteKind;
import org.masthead.author.Author;
import org.masthead.author.AuthorLink;
import org.masthead.author.AuthorService;
import org.masthead.markdown.MarkdownRenderer;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.masthead.security.Actor;
import org.masthead.slug.Slugs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile input through every writable field, read back as the HTML a browser gets: no injected element or event
 * handler survives anywhere it is shown. Odd text (NUL, invalid UTF-8, right-to-left, emoji, 100 KB titles, 10 MB
 * bodies, 50,000 nested quotes or lists, 100,000 brackets) gets an answer in bounded time and never a 500.
 */
@HttpTest
class HostileInputHttpTests {

    /** Stored and reflected payloads: each would run script or add markup if any page failed to escape it. */
    static final String XSS = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=1\">"
            + "\"'><svg onload=window.__xss=1><a href=\"javascript:window.__xss=1\">x</a>";

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Autowired
    SectionService sections;

    @Autowired
    AuthorService authors;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleImages illustrations;

    @Autowired
    ImageService images;

    @Autowired
    MutableClock clock;

    @Test
    void xssThroughEveryWritableFieldIsInertOnEveryPage() {
        String slug = TestContent.unique("xss");
        Section section = sections.create(
                Actor.importing("test"),
                slug,
                "Section " + XSS,
                "About " + XSS,
                "Disclaimer " + XSS,
                "Cta " + XSS,
                950);
        Author author = authors.create(
                Actor.importing("test"),
                TestContent.unique("xss-author"),
                "Author " + XSS,
                "Title " + XSS,
                "Bio " + XSS);
        Image image = images.upload(
                Actor.importing("test"),
                TestImages.jpeg(640, 480),
                "x.jpg",
                "Alt " + XSS,
                "Caption " + XSS,
                "Credit " + XSS);
        String topic = "Topic " + TestContent.unique("xss") + XSS;
        Article article = articles.create(
                new ArticleChanges(
                        slug,
                        new ArticleContent(
                                "Title " + XSS,
                                "Dek " + XSS,
                                "Body " + XSS + "\n\n" + XSS + "\n",
                                "Seo " + XSS,
                                "Desc " + XSS),
                        section.getId(),
                        List.of(author.getId()),
                        List.of(topic)),
                Actor.importing("test"));
        illustrations.setFeaturedImage(
                article.getId(), image.getId(), "Own caption " + XSS, "Own credit " + XSS, Actor.importing("test"));
        articles.publishBackdated(
                article.getId(), clock.instant().minus(Duration.ofMinutes(5)), Actor.importing("test"));
        articles.addNote(article.getId(), NoteKind.CORRECTION, "Note " + XSS, TestContent.EDITOR);

        List<String> pages = List.of(
                "/",
                "/articles/" + slug,
                "/sections/" + slug,
                "/authors/" + author.getSlug(),
                "/topics/" + Slugs.slugify(topic),
                "/search?q=" + StaffHttp.encode("Body " + XSS),
                "/search?q=x&section=" + StaffHttp.encode(XSS) + "&from=" + StaffHttp.encode(XSS),
                "/sections/" + slug + "?page=" + StaffHttp.encode(XSS));
        for (String path : pages) {
            HttpResponse<String> page = HttpPage.get(port, path);
            assertThat(page.statusCode()).as(path).isLessThan(500);
            assertInert(page.body(), path);
        }
        StaffHttp admin = StaffHttp.demo(port, "admin");
        for (String path : List.of(
                "/admin",
                "/admin/articles",
                "/admin/articles/" + article.getId(),
                "/admin/articles/" + article.getId() + "/featured-image",
                "/admin/articles/" + article.getId() + "/revisions",
                "/admin/sections",
                "/admin/authors",
                "/admin/authors/" + author.getId(),
                "/admin/media",
                "/admin/media/" + image.getId(),
                "/admin/audit")) {
            HttpResponse<String> page = admin.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertInert(page.body(), path);
        }
        assertThat(AuthorLink.isWebUrl("javascript:window.__xss=1")).isFalse();
        assertThat(AuthorLink.isWebUrl("data:text/html,<script>1</script>")).isFalse();
    }

    @Test
    void oddTextGetsAnAnswerNeverA500() {
        long section = content.section().getId();
        StaffHttp editor = StaffHttp.demo(port, "editor");
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("NUL", "Before\u0000after");
        bodies.put("right-to-left", "\u202Eعربى עברית \u200F mixed \u202C");
        bodies.put("emoji", "📰🗞️👩🏽‍💻 ".repeat(2_000));
        bodies.put("lone surrogate", "broken \uD800 half");
        bodies.put("50,000 nested quotes", ">".repeat(50_000) + " deep");
        bodies.put("50,000 nested lists", "- ".repeat(50_000) + "x");
        bodies.put("100,000 brackets", "[".repeat(100_000));
        bodies.put("10 MB body", "word ".repeat(2_000_000));
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            HttpResponse<String> response = editor.submit(
                    "/admin/articles/new",
                    "/admin/articles",
                    Map.of(
                            "title",
                            "Odd " + body.getKey(),
                            "sectionId",
                            "" + section,
                            "bodyMarkdown",
                            body.getValue()));
            if (response.statusCode() >= 500) {
                failures.add(body.getKey() + ": " + response.statusCode());
            }
        }
        HttpResponse<String> longTitle = editor.submit(
                "/admin/articles/new",
                "/admin/articles",
                Map.of("title", "T".repeat(100_000), "sectionId", "" + section, "bodyMarkdown", "x"));
        assertThat(longTitle.statusCode()).isLessThan(500);
        assertThat(longTitle.body()).contains("title");
        assertThat(failures).isEmpty();
    }

    @Test
    void invalidUtf8InAddressesAndFormsIsNotA500() {
        for (String path : List.of(
                "/search?q=%FF%FE%C3",
                "/sections/%FF%FE", "/topics/%C3%28", "/authors/%ED%A0%80", "/search?q=%E2%80%AE%F0%9F%93%B0")) {
            assertThat(HttpPage.get(port, path).statusCode()).as(path).isLessThan(500);
        }
        StaffHttp editor = StaffHttp.demo(port, "editor");
        String token = StaffHttp.csrfToken(editor.get("/admin/articles/new").body());
        HttpResponse<String> response = editor.send(java.net.http.HttpRequest.newBuilder(editor.uri("/admin/articles"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&title=%FF%FE&sectionId="
                        + content.section().getId() + "&bodyMarkdown=%C3%28")));
        assertThat(response.statusCode()).isLessThan(500);
    }

    @Test
    void theRendererFinishesPathologicalMarkdownInBoundedTime() {
        MarkdownRenderer renderer = new MarkdownRenderer();
        for (String markdown : List.of(
                ">".repeat(50_000) + " deep",
                "- ".repeat(50_000) + "x",
                "1. ".repeat(50_000) + "x",
                "[".repeat(100_000),
                "[a](".repeat(30_000),
                "*a".repeat(50_000))) {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> renderer.render(markdown));
        }
    }

    /** No element or attribute the payload tried to add: no script, no event handler, no javascript: URL. */
    static void assertInert(String html, String where) {
        Document page = Jsoup.parse(html);
        for (Element script : page.select("script")) {
            if (script.attr("type").equals("application/ld+json")) {
                // Data, not code: the payload may be in it, but escaped so that it cannot close the element.
                assertThat(script.data())
                        .as("JSON-LD on %s", where)
                        .doesNotContain("<")
                        .doesNotContain(">");
            } else {
                assertThat(script.data()).as("script on %s", where).doesNotContain("__xss");
            }
        }
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as("attribute on %s", where).doesNotStartWith("on");
                assertThat(attribute.getValue().toLowerCase().strip())
                        .as("%s on %s", attribute.getKey(), where)
                        .doesNotStartWith("javascript:");
            }
        }
    }
}
