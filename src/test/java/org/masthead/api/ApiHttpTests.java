package org.masthead.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.HttpTest;
import org.masthead.MutableClock;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.section.SectionChanges;
import org.masthead.section.SectionService;
import org.masthead.security.Actor;
import org.masthead.testing.Fixtures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API over real HTTP (what a client, a browser on another site or a CDN gets): strong ETags and 304, the public
 * cache policy winning over Spring Security's no-cache headers, CORS, HEAD, no cookie; and through MockMvc, paging,
 * filters, fields, old slugs, every bad parameter as a 400 problem, and the rate limit's 429.
 */
@HttpTest
class ApiHttpTests {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectProvider<ApiFixture> apiFixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    SectionService sectionService;

    @Autowired
    ApiProperties properties;

    ApiFixture api;
    Section section;
    Author author;

    @BeforeEach
    void setUp() {
        api = apiFixtures.getObject();
        section = api.fixtures.section("Wire Desk");
        author = api.fixtures.author("Hal Header");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Article published(Duration ago) {
        return api.fixtures.published(section, List.of(author), "Wire " + Fixtures.word(), "Body.", ago);
    }

    // --- real HTTP --------------------------------------------------------------------------------------------

    @Test
    void answersCarryAStrongEtagAndThePublicCachePolicyAndA304WhenUnchanged() {
        Article article = published(Duration.ofHours(1));
        String path = "/api/v1/articles/" + article.getSlug();
        HttpResponse<String> first = send("GET", path, Map.of());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");
        // the API's own policy, not Spring Security's "no-cache, no-store" for everything
        assertThat(first.headers().allValues("Cache-Control"))
                .containsExactly("public, max-age=60, stale-while-revalidate=60, stale-if-error=86400");
        assertThat(first.headers().firstValue("Pragma")).isEmpty();
        assertThat(first.headers().firstValue("Expires")).isEmpty();

        HttpResponse<String> again = send("GET", path, Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(again.headers().allValues("Cache-Control"))
                .containsExactly("public, max-age=60, stale-while-revalidate=60, stale-if-error=86400");

        // a change to the article changes the ETag: the old one gets the new answer
        api.articles.addNote(
                article.getId(),
                org.masthead.article.NoteKind.UPDATE,
                "Updated.",
                Instant.now(),
                Actor.importing("test"));
        HttpResponse<String> changed = send("GET", path, Map.of("If-None-Match", etag));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    @Test
    void headAnswersTheHeadersOfGetWithoutABody() {
        HttpResponse<String> get = send("GET", "/api/v1/sections", Map.of());
        HttpResponse<String> head = send("HEAD", "/api/v1/sections", Map.of());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
        assertThat(head.headers().firstValue("Cache-Control"))
                .isEqualTo(get.headers().firstValue("Cache-Control"));
        assertThat(head.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void anyOriginMayReadWithoutCredentials() {
        HttpResponse<String> get = send("GET", "/api/v1/sections", Map.of("Origin", "https://partner.example"));
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(get.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(get.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
                .containsIgnoringCase("ETag");

        HttpResponse<String> preflight = send(
                "OPTIONS",
                "/api/v1/articles",
                Map.of(
                        "Origin", "https://partner.example",
                        "Access-Control-Request-Method", "GET",
                        "Access-Control-Request-Headers", "if-none-match"));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("*");
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Methods")
                        .orElse(""))
                .contains("GET")
                .contains("HEAD")
                .doesNotContain("POST");

        HttpResponse<String> write = send(
                "OPTIONS",
                "/api/v1/articles",
                Map.of("Origin", "https://partner.example", "Access-Control-Request-Method", "DELETE"));
        assertThat(write.statusCode()).isEqualTo(403);
    }

    @Test
    void noAnswerSetsACookie() {
        Article article = published(Duration.ofHours(1));
        for (String path : List.of(
                "/api/v1/articles",
                "/api/v1/articles/" + article.getSlug(),
                "/api/v1/articles/no-such-" + Fixtures.word(),
                "/api/v1/articles?limit=nope",
                "/api/v1/authors",
                "/api/v1/topics",
                "/api/v1/openapi.yaml",
                "/api/v1/elsewhere")) {
            HttpResponse<String> response = send("GET", path, Map.of());
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
            assertThat(response.statusCode()).as(path).isLessThan(500);
        }
    }

    @Test
    void anUnknownPathIsAProblem404NotAnHtmlPage() {
        HttpResponse<String> response = send("GET", "/api/v1/elsewhere", Map.of("Accept", "text/html"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        ApiContract.assertConforms(response.body(), "Problem");
        assertThat(send("GET", "/api", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void anyMethodButAReadIsAProblem405WithAllow() {
        Article article = published(Duration.ofHours(1));
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            for (String path :
                    List.of("/api/v1/articles", "/api/v1/articles/" + article.getSlug(), "/api/v1/elsewhere", "/api")) {
                HttpResponse<String> response =
                        send(method, path, Map.of("Accept", "text/html", "Origin", "https://partner.example"));
                assertThat(response.statusCode()).as(method + " " + path).isEqualTo(405);
                assertThat(response.headers().firstValue("Content-Type"))
                        .as(method + " " + path)
                        .hasValue("application/problem+json");
                assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
                assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
                assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
                ApiContract.assertConforms(response.body(), "Problem");
                assertThat(response.body()).contains("\"status\":405").contains(method);
            }
        }
    }

    // --- MockMvc: paging, filters, fields, old slugs, bad parameters, rate limit --------------------------------

    @Test
    void pagesFollowAStableOrderThatNewArticlesDoNotShift() throws Exception {
        Article oldest = published(Duration.ofHours(30));
        Article middle = published(Duration.ofHours(20));
        Article newest = published(Duration.ofHours(10));
        String base = "/api/v1/articles?section=" + section.getSlug();

        JsonNode first = json(base + "&limit=2", 200);
        assertThat(slugs(first)).containsExactly(newest.getSlug(), middle.getSlug());
        String next = first.get("next").asString();
        assertThat(next).startsWith("http://localhost:8080/api/v1/articles?section=" + section.getSlug());
        assertThat(next)
                .contains("limit=2")
                .contains("cursor=" + first.get("next_cursor").asString());

        Article meanwhile = published(Duration.ofHours(1));
        JsonNode second = json(next.substring("http://localhost:8080".length()), 200);
        assertThat(slugs(second)).containsExactly(oldest.getSlug());
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(second.get("next_cursor").isNull()).isTrue();

        assertThat(slugs(json(base, 200)))
                .containsExactly(meanwhile.getSlug(), newest.getSlug(), middle.getSlug(), oldest.getSlug());
    }

    @Test
    void filtersNarrowTheListAndCombine() throws Exception {
        clock.set(Instant.now().minus(Duration.ofDays(10)));
        Article untouched = api.fixtures.published(
                section,
                List.of(author),
                List.of(),
                "Old",
                "",
                "B",
                clock.instant().minus(Duration.ofDays(1)));
        clock.reset();
        Author other = api.fixtures.author("Olga Other");
        String topicName = "Filters " + Fixtures.word();
        Article byOther = api.fixtures.published(
                section,
                List.of(other),
                List.of(topicName),
                "T",
                "",
                "B",
                Instant.now().minusSeconds(60));
        Article recent = published(Duration.ofSeconds(10));

        assertThat(slugs(json("/api/v1/articles?section=" + section.getSlug(), 200)))
                .containsExactly(recent.getSlug(), byOther.getSlug(), untouched.getSlug());
        assertThat(slugs(json("/api/v1/articles?section=" + section.getSlug() + "&author=" + author.getSlug(), 200)))
                .containsExactly(recent.getSlug(), untouched.getSlug());
        String since = Instant.now().minus(Duration.ofDays(2)).toString();
        assertThat(slugs(json("/api/v1/articles?section=" + section.getSlug() + "&updated_since=" + since, 200)))
                .containsExactly(recent.getSlug(), byOther.getSlug());
        String topic = org.masthead.slug.Slugs.slugify(topicName);
        assertThat(slugs(json("/api/v1/articles?topic=" + topic, 200))).containsExactly(byOther.getSlug());
        assertThat(json("/api/v1/articles?section=no-such-section-" + Fixtures.word(), 200)
                        .get("data"))
                .isEmpty();
    }

    @Test
    void sortOrdersTheListAndEachCursorKeepsItsOwnOrder() throws Exception {
        String word = Fixtures.word();
        Article beta = api.fixtures.published(section, List.of(author), "Beta " + word, "Body.", Duration.ofHours(30));
        Article alpha =
                api.fixtures.published(section, List.of(author), "Alpha " + word, "Body.", Duration.ofHours(20));
        Article gamma =
                api.fixtures.published(section, List.of(author), "Gamma " + word, "Body.", Duration.ofHours(10));
        String base = "/api/v1/articles?section=" + section.getSlug();

        JsonNode first = json(base + "&sort=title&limit=2", 200);
        assertThat(slugs(first)).containsExactly(alpha.getSlug(), beta.getSlug());
        String next = first.get("next").asString();
        assertThat(next).contains("sort=title");
        assertThat(slugs(json(next.substring("http://localhost:8080".length()), 200)))
                .containsExactly(gamma.getSlug());
        assertThat(slugs(json(base + "&sort=-title", 200)))
                .containsExactly(gamma.getSlug(), beta.getSlug(), alpha.getSlug());
        JsonNode oldest = json(base + "&sort=published&limit=1", 200);
        assertThat(slugs(oldest)).containsExactly(beta.getSlug());
        assertThat(slugs(json(
                        base + "&sort=published&limit=2&cursor="
                                + oldest.get("next_cursor").asString(),
                        200)))
                .containsExactly(alpha.getSlug(), gamma.getSlug());
        assertThat(slugs(json(base + "&sort=-published", 200)))
                .containsExactly(gamma.getSlug(), alpha.getSlug(), beta.getSlug());

        // a cursor belongs to the order it was made in
        MockHttpServletResponse mismatched = mvc.perform(
                        api.get(base + "&cursor=" + first.get("next_cursor").asString()))
                .andReturn()
                .getResponse();
        assertThat(mismatched.getStatus()).isEqualTo(400);
        JsonNode problem = ApiContract.assertConforms(mismatched.getContentAsString(StandardCharsets.UTF_8), "Problem");
        assertThat(problem.get("parameter").asString()).isEqualTo("cursor");
        assertThat(problem.get("detail").asString()).contains("sort=title").contains("sort=-published");
    }

    @Test
    void includeTotalCountsTheWholeListOnEveryPage() throws Exception {
        published(Duration.ofHours(3));
        published(Duration.ofHours(2));
        published(Duration.ofHours(1));
        String base = "/api/v1/articles?section=" + section.getSlug();

        JsonNode plain = json(base + "&limit=1", 200);
        assertThat(plain.has("total")).isFalse();
        assertThat(plain.has("total_accuracy")).isFalse();

        JsonNode first = ApiContract.assertConforms(
                mvc.perform(api.get(base + "&limit=1&include=total"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "ArticleList");
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("total_accuracy").asString()).isEqualTo("exact");
        String next = first.get("next").asString();
        assertThat(next).contains("include=total");
        JsonNode second = json(next.substring("http://localhost:8080".length()), 200);
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(json(base + "&fields=slug&include=total", 200).get("total").asLong())
                .isEqualTo(3);
        assertThat(json("/api/v1/articles?section=no-such-" + Fixtures.word() + "&include=total", 200)
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void qSearchesAsTheSitesSearchDoesByRelevance() throws Exception {
        String word = "zq" + Fixtures.word().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
        Article inTitle =
                api.fixtures.published(section, List.of(author), "On " + word, "Nothing else.", Duration.ofHours(5));
        Article inBody = api.fixtures.published(
                section, List.of(author), "Elsewhere", "Somewhere the body says " + word + ".", Duration.ofHours(1));
        Article unrelated = published(Duration.ofHours(2));

        JsonNode found = ApiContract.assertConforms(
                mvc.perform(api.get("/api/v1/articles?q=" + word + "&include=total"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "ArticleList");
        assertThat(slugs(found)).containsExactly(inTitle.getSlug(), inBody.getSlug());
        assertThat(slugs(found)).doesNotContain(unrelated.getSlug());
        assertThat(found.get("total").asLong()).isEqualTo(2);
        assertThat(found.get("total_accuracy").asString()).isEqualTo("exact");

        JsonNode first = json("/api/v1/articles?q=" + word + "&limit=1&sort=relevance", 200);
        assertThat(slugs(first)).containsExactly(inTitle.getSlug());
        String next = first.get("next").asString();
        assertThat(next).contains("q=" + word).contains("sort=relevance");
        JsonNode second = json(next.substring("http://localhost:8080".length()), 200);
        assertThat(slugs(second)).containsExactly(inBody.getSlug());
        assertThat(second.get("next").isNull()).isTrue();

        assertThat(json("/api/v1/articles?q=" + word + "&author=nobody-" + Fixtures.word(), 200)
                        .get("data"))
                .isEmpty();
    }

    @Test
    void fieldsSlimEachResource() throws Exception {
        Article article = published(Duration.ofHours(1));
        JsonNode one = json("/api/v1/articles/" + article.getSlug() + "?fields=slug,title", 200);
        assertThat(one.propertyNames()).containsExactly("slug", "title");

        JsonNode list = json("/api/v1/articles?section=" + section.getSlug() + "&fields=slug", 200);
        assertThat(list.get("data").get(0).propertyNames()).containsExactly("slug");
        assertThat(list.has("next")).isTrue();

        JsonNode sections = json("/api/v1/sections?fields=slug,article_count", 200);
        assertThat(sections.get("data").get(0).propertyNames()).containsExactly("slug", "article_count");
    }

    @Test
    void anOldSlugAnswers301ToTheCurrentOne() throws Exception {
        String old = section.getSlug();
        String current = Fixtures.slug("section");
        sectionService.update(
                Actor.importing("test"),
                section.getId(),
                section.getVersion(),
                new SectionChanges(section.getName(), current, "About", "", "", 99));

        MockHttpServletResponse moved = mvc.perform(api.get("/api/v1/sections/" + old + "?fields=slug"))
                .andReturn()
                .getResponse();
        assertThat(moved.getStatus()).isEqualTo(301);
        assertThat(moved.getHeader("Location")).isEqualTo("/api/v1/sections/" + current + "?fields=slug");
        assertThat(json("/api/v1/sections/" + current, 200).get("slug").asString())
                .isEqualTo(current);
    }

    @Test
    void everyBadParameterIsA400ProblemThatNamesIt() throws Exception {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("/api/v1/articles?limit=abc", "limit");
        cases.put("/api/v1/articles?limit=0", "limit");
        cases.put("/api/v1/articles?limit=101", "limit");
        cases.put("/api/v1/articles?cursor=not-a-cursor", "cursor");
        cases.put(
                "/api/v1/articles?cursor=" + java.util.Base64.getUrlEncoder().encodeToString("v1:x:1".getBytes()),
                "cursor");
        cases.put("/api/v1/articles?updated_since=yesterday", "updated_since");
        cases.put("/api/v1/articles?updated_since=2026-13-45", "updated_since");
        cases.put("/api/v1/articles?sectoin=europe", "sectoin");
        cases.put("/api/v1/articles?section=a&section=b", "section");
        cases.put("/api/v1/articles?section=", "section");
        cases.put("/api/v1/articles?fields=slug,nope", "fields");
        cases.put("/api/v1/articles/some-slug?limit=5", "limit");
        cases.put("/api/v1/topics?page=2", "page");
        cases.put("/api/v1/articles?sort=newest", "sort");
        cases.put("/api/v1/articles?sort=relevance", "sort");
        cases.put("/api/v1/articles?q=energy&sort=title", "sort");
        cases.put("/api/v1/articles?q=energy&updated_since=2026-01-01", "updated_since");
        cases.put("/api/v1/articles?q=", "q");
        cases.put("/api/v1/articles?include=count", "include");
        cases.put(
                "/api/v1/articles?sort=title&cursor="
                        + java.util.Base64.getUrlEncoder().encodeToString("v1:1:1".getBytes()),
                "cursor");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            MockHttpServletResponse response =
                    mvc.perform(api.get(bad.getKey())).andReturn().getResponse();
            assertThat(response.getStatus()).as(bad.getKey()).isEqualTo(400);
            assertThat(response.getContentType()).as(bad.getKey()).isEqualTo("application/problem+json");
            assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
            JsonNode problem =
                    ApiContract.assertConforms(response.getContentAsString(StandardCharsets.UTF_8), "Problem");
            assertThat(problem.get("parameter").asString()).as(bad.getKey()).isEqualTo(bad.getValue());
            assertThat(problem.get("detail").asString())
                    .as(bad.getKey())
                    .isNotBlank()
                    .doesNotContain("{0}");
        }
        JsonNode limit = ApiContract.JSON.readTree(mvc.perform(api.get("/api/v1/articles?limit=101"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(limit.get("detail").asString()).isEqualTo("The limit must be a whole number from 1 to 100.");
    }

    @Test
    void aClientPastItsBurstGets429WithRetryAfterWhileOthersAreServed() throws Exception {
        ApiFixture greedy = apiFixtures.getObject();
        List<Integer> statuses = new ArrayList<>();
        MockHttpServletResponse refused = null;
        for (int i = 0; i < properties.burst() + 500 && refused == null; i++) {
            MockHttpServletResponse response =
                    mvc.perform(greedy.get("/api/v1/nowhere")).andReturn().getResponse();
            statuses.add(response.getStatus());
            if (response.getStatus() == 429) {
                refused = response;
            }
        }
        assertThat(refused).as("a 429 within the burst and 500 more requests").isNotNull();
        assertThat(statuses.subList(0, properties.burst())).containsOnly(404);
        long retryAfter = Long.parseLong(refused.getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        JsonNode problem = ApiContract.assertConforms(refused.getContentAsString(), "Problem");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asString()).contains(retryAfter + " second");

        // another client is not affected
        assertThat(mvc.perform(api.get("/api/v1/sections"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private JsonNode json(String path, int status) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(api.get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(status);
        return ApiContract.JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> slugs(JsonNode list) {
        List<String> slugs = new ArrayList<>();
        list.get("data").forEach(item -> slugs.add(item.get("slug").asString()));
        return slugs;
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new IllegalStateException(method + " " + path + " failed", ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
