package org.masthead.cache;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.HttpTest;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleImages;
import org.masthead.article.ArticleService;
import org.masthead.article.PreviewLinks;
import org.masthead.author.Author;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.section.Section;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP caching as browsers, proxies and CDNs see it, over real HTTP: HEAD everywhere, public caching with
 * validators on reader pages, 304s, one ETag per encoding, private pages for staff and previews, and the page
 * cache answering exactly as a rendered page does.
 */
@HttpTest
class PublicHttpCachingTests {

    static final String PUBLIC = "public, max-age=60, stale-while-revalidate=60, stale-if-error=86400";
    static final String PRIVATE = "private, no-store";

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Autowired
    ArticleService articles;

    @Autowired
    PreviewLinks previews;

    @Autowired
    ImageService images;

    @Autowired
    ArticleImages articleImages;

    @Autowired
    PageCache cache;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    Http reader;
    Section section;
    Author author;
    Article article;
    String topicPath;

    @BeforeEach
    void publishAnArticle() {
        reader = Http.reader(port);
        section = content.section();
        author = content.author();
        article = content.published(
                section,
                List.of(author),
                List.of(TestContent.unique("Topic")),
                Instant.now().minus(Duration.ofHours(2)));
        Matcher topic = Pattern.compile("href=\"(/topics/[^\"]+)\"").matcher(reader.text(articlePath()));
        assertThat(topic.find()).isTrue();
        topicPath = topic.group(1);
    }

    String articlePath() {
        return "/articles/" + article.getSlug();
    }

    List<String> readerPages() {
        return List.of(
                "/",
                articlePath(),
                "/sections/" + section.getSlug(),
                "/sections/" + section.getSlug() + "?page=1",
                "/authors/" + author.getSlug(),
                topicPath,
                "/search?q=" + article.getSlug(),
                "/feed.xml",
                "/sections/" + section.getSlug() + "/feed.xml",
                "/authors/" + author.getSlug() + "/feed.xml",
                "/sitemap.xml",
                "/robots.txt");
    }

    @Test
    void readerPagesAreTaggedWithWhatTheyShowForACdnToPurge() {
        String articleKey = "article-" + article.getId();
        String sectionKey = "section-" + section.getId();
        String authorKey = "author-" + author.getId();
        for (int i = 0; i < 2; i++) { // rendered, then from memory: the same tags
            List<String> keys = List.of(reader.get(articlePath())
                    .headers()
                    .firstValue("Surrogate-Key")
                    .orElse("")
                    .split(" "));
            assertThat(keys).contains(articleKey, sectionKey, authorKey).anyMatch(key -> key.startsWith("topic-"));
            assertThat(reader.get(articlePath()).headers().firstValue("Cache-Tag"))
                    .hasValue(String.join(",", keys));
        }
        assertThat(reader.get("/sections/" + section.getSlug()).headers().firstValue("Surrogate-Key"))
                .hasValueSatisfying(value -> assertThat(value.split(" ")).contains(sectionKey, articleKey));
        assertThat(reader.get("/authors/" + author.getSlug()).headers().firstValue("Surrogate-Key"))
                .hasValueSatisfying(value -> assertThat(value.split(" ")).contains(authorKey, articleKey));
        assertThat(reader.get(topicPath).headers().firstValue("Surrogate-Key"))
                .hasValueSatisfying(value -> assertThat(value.split(" ")).contains(articleKey));
        assertThat(reader.get("/").headers().firstValue("Surrogate-Key"))
                .hasValueSatisfying(value -> assertThat(value.split(" ")).contains("home"));
    }

    @Test
    void headAnswersLikeGetWithoutABodyEverywhere() {
        Image image =
                images.upload(Actor.importing("test"), TestImages.jpeg(64, 48), "harbour.jpg", "A harbour", null, null);
        articleImages.setFeaturedImage(
                article.getId(),
                image.getId(),
                Actor.importing("test")); // readers may fetch images a public page shows
        Matcher css = Pattern.compile("href=\"(/css/[^\"]+\\.css)\"").matcher(reader.text("/"));
        assertThat(css.find()).isTrue();
        List<String> paths = Stream.concat(readerPages().stream(), Stream.of(image.getUrl(), css.group(1), "/login"))
                .toList();
        for (String path : paths) {
            HttpResponse<byte[]> get = reader.get(path);
            HttpResponse<byte[]> head = reader.head(path);
            assertThat(get.statusCode()).as("GET " + path).isEqualTo(200);
            assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(200);
            assertThat(head.body()).as("HEAD " + path).isEmpty();
            assertThat(head.headers().firstValue("Content-Type"))
                    .as(path)
                    .isEqualTo(get.headers().firstValue("Content-Type"));
            assertThat(head.headers().firstValue("Cache-Control"))
                    .as(path)
                    .isEqualTo(get.headers().firstValue("Cache-Control"));
            if (!path.equals("/login")) {
                assertThat(head.headers().firstValue("ETag"))
                        .as(path)
                        .isEqualTo(get.headers().firstValue("ETag"));
            }
        }
        // where the length is known beforehand, HEAD tells it
        for (String path : readerPages()) {
            assertThat(reader.head(path).headers().firstValueAsLong("Content-Length"))
                    .as(path)
                    .hasValue(reader.get(path).body().length);
        }
    }

    @Test
    void readerPagesArePubliclyCacheableWithValidators() {
        for (String path : readerPages()) {
            HttpResponse<byte[]> response = reader.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().allValues("Cache-Control")).as(path).containsExactly(PUBLIC);
            assertThat(response.headers().firstValue("ETag"))
                    .as(path)
                    .hasValueSatisfying(etag -> assertThat(etag).matches("\"[A-Za-z0-9_-]+\""));
            assertThat(response.headers().firstValue("Last-Modified")).as(path).isPresent();
            assertThat(response.headers().allValues("Vary")).as(path).containsExactly("Accept-Encoding");
            assertThat(response.headers().firstValue("Pragma")).as(path).isEmpty();
            assertThat(response.headers().firstValue("Expires")).as(path).isEmpty();
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .isPresent();
        }
    }

    @Test
    void staffPagesPreviewsAndErrorsAreKeptByNobody() {
        Article draft = content.draft(section, List.of(author), List.of());
        String token = previews.create(draft.getId(), TestContent.EDITOR);
        HttpResponse<byte[]> preview = reader.get("/preview/" + token);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().allValues("Cache-Control")).containsExactly(PRIVATE);
        assertThat(reader.get("/login").headers().allValues("Cache-Control")).containsExactly(PRIVATE);
        assertThat(reader.get("/admin").headers().allValues("Cache-Control")).containsExactly(PRIVATE);
        assertThat(reader.get("/articles/no-such-article").headers().allValues("Cache-Control"))
                .containsExactly(PRIVATE);

        Http editor = signedInEditor();
        HttpResponse<byte[]> dashboard = editor.get("/admin");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.headers().allValues("Cache-Control")).containsExactly(PRIVATE);
        HttpResponse<byte[]> articleForStaff = editor.get(articlePath());
        assertThat(articleForStaff.statusCode()).isEqualTo(200);
        assertThat(articleForStaff.headers().allValues("Cache-Control")).containsExactly(PRIVATE);
    }

    @Test
    void fingerprintedAssetsAreKeptForAYear() {
        Matcher css = Pattern.compile("href=\"(/css/site-[0-9a-f]{32}\\.css)\"").matcher(reader.text("/"));
        assertThat(css.find()).isTrue();
        assertThat(reader.get(css.group(1)).headers().allValues("Cache-Control"))
                .containsExactly("public, max-age=31536000, immutable");
        HttpResponse<byte[]> wrongVersion = reader.get("/css/site-0123456789abcdef0123456789abcdef.css");
        assertThat(wrongVersion.statusCode()).isEqualTo(404);
        assertThat(wrongVersion.headers().allValues("Cache-Control")).doesNotContain("immutable");
    }

    @Test
    void conditionalRequestsGetNotModified() {
        // pages made for this test: a page handed out between two changes within one second cannot answer
        // If-Modified-Since of that second (PageCacheTests), and other tests change content all the time
        for (String path : List.of(
                articlePath(), "/sections/" + section.getSlug() + "/feed.xml", "/search?q=" + article.getSlug())) {
            HttpResponse<byte[]> first = reader.get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
            HttpResponse<byte[]> byEtag = reader.get(path, "If-None-Match", etag);
            assertThat(byEtag.statusCode()).as(path).isEqualTo(304);
            assertThat(byEtag.body()).isEmpty();
            assertThat(byEtag.headers().firstValue("ETag")).hasValue(etag);
            assertThat(byEtag.headers().allValues("Cache-Control")).containsExactly(PUBLIC);
            assertThat(reader.get(path, "If-None-Match", "W/" + etag).statusCode())
                    .isEqualTo(304);
            assertThat(reader.get(path, "If-None-Match", "\"other\", " + etag).statusCode())
                    .isEqualTo(304);
            assertThat(reader.get(path, "If-None-Match", "\"other\"").statusCode())
                    .isEqualTo(200);

            if (path.startsWith("/search")) {
                // rendered anew each time: after two changes within one second anywhere, its Last-Modified moves
                // on to the next second (PageCacheTests), so a test cannot count on If-Modified-Since here
                continue;
            }
            assertThat(reader.get(path, "If-Modified-Since", lastModified).statusCode())
                    .as(path)
                    .isEqualTo(304);
            assertThat(reader.get(path, "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")
                            .statusCode())
                    .isEqualTo(200);
            // a changed page is not "not modified" by either validator
            assertThat(reader.get(path, "If-None-Match", etag, "If-Modified-Since", lastModified)
                            .statusCode())
                    .isEqualTo(304);
        }
    }

    @Test
    void gzipAndIdentityAreTwoRepresentationsWithTheirOwnEtags() {
        HttpResponse<byte[]> identity = reader.get(articlePath());
        HttpResponse<byte[]> gzip = reader.get(articlePath(), "Accept-Encoding", "gzip, deflate, br");
        assertThat(identity.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String identityTag = identity.headers().firstValue("ETag").orElseThrow();
        String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();
        assertThat(gzipTag).isNotEqualTo(identityTag).startsWith("\"").doesNotStartWith("W/");
        assertThat(Http.gunzip(gzip.body())).isEqualTo(identity.body());
        assertThat(gzip.body().length).isLessThan(identity.body().length);

        assertThat(reader.get(articlePath(), "Accept-Encoding", "gzip", "If-None-Match", gzipTag)
                        .statusCode())
                .isEqualTo(304);
        assertThat(reader.get(articlePath(), "Accept-Encoding", "gzip", "If-None-Match", identityTag)
                        .statusCode())
                .isEqualTo(200);
        assertThat(reader.get(articlePath(), "If-None-Match", gzipTag).statusCode())
                .isEqualTo(200);
        assertThat(reader.get(articlePath(), "Accept-Encoding", "gzip;q=0, identity")
                        .headers()
                        .firstValue("Content-Encoding"))
                .isEmpty();
    }

    @Test
    void aPageFromMemoryCarriesExactlyTheHeadersOfARenderedOne() {
        for (String path : List.of(articlePath(), "/sections/" + section.getSlug(), "/feed.xml", "/robots.txt")) {
            for (String[] headers : List.of(new String[0], new String[] {"Accept-Encoding", "gzip"})) {
                cache.clear("test");
                HttpResponse<byte[]> rendered = reader.get(path, headers);
                assertThat(cache.contains(path)).as(path).isTrue();
                HttpResponse<byte[]> remembered = reader.get(path, headers);
                assertThat(Http.headersWithoutDate(remembered)).as(path).isEqualTo(Http.headersWithoutDate(rendered));
                assertThat(remembered.body()).isEqualTo(rendered.body());
                assertThat(rendered.headers().map().keySet().stream().map(String::toLowerCase))
                        .contains(
                                "content-security-policy",
                                "referrer-policy",
                                "x-content-type-options",
                                "x-frame-options",
                                "content-type",
                                "content-length");
            }
        }
    }

    @Test
    void staffNeverGetACachedPageAndReadersNeverGetAStaffOne() {
        Http editor = signedInEditor();
        cache.clear("test");
        HttpResponse<byte[]> forStaff = editor.get(articlePath());
        assertThat(forStaff.statusCode()).isEqualTo(200);
        assertThat(forStaff.headers().allValues("Cache-Control")).containsExactly(PRIVATE);
        assertThat(cache.contains(articlePath()))
                .as("a staff member's page is not kept")
                .isFalse();

        HttpResponse<byte[]> forReader = reader.get(articlePath());
        assertThat(forReader.headers().allValues("Cache-Control")).containsExactly(PUBLIC);
        assertThat(new String(forReader.body(), StandardCharsets.UTF_8)).doesNotContain("/logout", "/admin/articles");
        assertThat(cache.contains(articlePath())).isTrue();

        HttpResponse<byte[]> staffAgain = editor.get(articlePath());
        assertThat(staffAgain.headers().allValues("Cache-Control"))
                .as("not the reader's page from memory")
                .containsExactly(PRIVATE);
        assertThat(staffAgain.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void unknownParametersNeitherMultiplyEntriesNorReachThePage() {
        String path = "/sections/" + section.getSlug();
        cache.clear("test");
        for (String query : List.of(
                "",
                "?utm_source=x",
                "?fbclid=abc&utm_medium=y",
                "?page=1",
                "?page=1&ref=z",
                "?ref=z&page=1&page=2",
                "?PAGE=2")) {
            assertThat(reader.get(path + query).statusCode()).as(query).isEqualTo(200);
        }
        assertThat(cache.keys().stream().filter(key -> key.startsWith(path)))
                .containsExactlyInAnyOrder(path, path + "?page=1");
        String withJunk =
                new String(reader.get(path + "?utm_source=zzjunkvalue").body(), StandardCharsets.UTF_8);
        assertThat(withJunk).doesNotContain("zzjunkvalue");
        // a page that does not exist is not kept
        assertThat(reader.get(path + "?page=999").statusCode()).isEqualTo(404);
        assertThat(cache.keys()).doesNotContain(path + "?page=999");
    }

    private Http signedInEditor() {
        String email = TestContent.unique("cache-editor") + "@example.org";
        long id = content.account(Role.EDITOR);
        jdbc.update(
                "update accounts set email = ?, password_hash = ? where id = ?",
                email,
                passwords.encode("correct horse battery"),
                id);
        Http browser = Http.browser(port);
        browser.signIn(email, "correct horse battery");
        return browser;
    }
}
