package org.masthead.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.testing.Fixtures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is valid OpenAPI 3.1, is what the app serves, and every answer of every endpoint it describes
 * (lists, single resources, a next page, the problems) conforms to the schema it declares.
 */
@IntegrationTest
class ApiContractTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectProvider<ApiFixture> apiFixtures;

    ApiFixture api;
    Section section;
    Author author;
    Article article;
    String topic;

    @BeforeEach
    void setUp() {
        api = apiFixtures.getObject();
        section = api.fixtures.section("Contract Desk");
        author = api.author("Cora Contract");
        topic = "Contracts " + Fixtures.word();
        article = api.illustrated(section, List.of(author), List.of(topic), Duration.ofHours(2));
        api.illustrated(section, List.of(author), List.of(), Duration.ofHours(3));
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(ApiContract.yaml(), null, options);

        assertThat(result.getMessages()).isEmpty();
        OpenAPI openApi = result.getOpenAPI();
        assertThat(openApi.getOpenapi()).isEqualTo("3.1.0");
        assertThat(openApi.getPaths()).containsKeys("/api/v1/articles", "/api/v1/articles/{slug}");
        assertThat(openApi.getComponents().getSchemas()).containsKeys("Article", "Problem");
    }

    @Test
    void theAppServesTheDocumentAsYamlAndAsJson() throws Exception {
        MockHttpServletResponse yaml = fetch("/api/v1/openapi.yaml", 200);
        assertThat(yaml.getContentType()).startsWith("application/yaml");
        assertThat(yaml.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(ApiContract.yaml());

        MockHttpServletResponse json = fetch("/api/v1/openapi.json", 200);
        assertThat(json.getContentType()).startsWith("application/json");
        assertThat(ApiContract.JSON.readTree(json.getContentAsString())).isEqualTo(ApiContract.document());
    }

    @Test
    void everyEndpointAnswersWhatItsSchemaSays() throws Exception {
        // Every path the document describes, with the requests that exercise it and the schema of their answer.
        Map<String, List<Call>> calls = new LinkedHashMap<>();
        calls.put(
                "/api/v1/articles",
                List.of(
                        call("/api/v1/articles", "ArticleList"),
                        call("/api/v1/articles?section=" + section.getSlug() + "&limit=1", "ArticleList"),
                        call(
                                "/api/v1/articles?author=" + author.getSlug() + "&updated_since=2020-01-01",
                                "ArticleList"),
                        call("/api/v1/articles?sort=title&include=total&limit=1", "ArticleList"),
                        call("/api/v1/articles?q=contract&include=total", "ArticleList"),
                        call("/api/v1/articles?sort=nope", "Problem"),
                        call("/api/v1/articles?limit=0", "Problem")));
        calls.put(
                "/api/v1/articles/{slug}",
                List.of(
                        call("/api/v1/articles/" + article.getSlug(), "Article"),
                        call("/api/v1/articles/no-such-article-" + Fixtures.word(), "Problem")));
        calls.put("/api/v1/authors", List.of(call("/api/v1/authors", "AuthorList")));
        calls.put(
                "/api/v1/authors/{slug}",
                List.of(
                        call("/api/v1/authors/" + author.getSlug(), "Author"),
                        call("/api/v1/authors/nobody-" + Fixtures.word(), "Problem")));
        calls.put("/api/v1/sections", List.of(call("/api/v1/sections", "SectionList")));
        calls.put(
                "/api/v1/sections/{slug}",
                List.of(
                        call("/api/v1/sections/" + section.getSlug(), "Section"),
                        call("/api/v1/sections?fields=nope", "Problem")));
        calls.put("/api/v1/topics", List.of(call("/api/v1/topics", "TopicList")));
        calls.put(
                "/api/v1/topics/{slug}",
                List.of(
                        call("/api/v1/topics/" + slugOf(topic), "Topic"),
                        call("/api/v1/topics/none-" + Fixtures.word(), "Problem")));
        calls.put(
                "/api/v1/settings",
                List.of(call("/api/v1/settings", "Settings"), call("/api/v1/settings?fields=nope", "Problem")));
        calls.put("/api/v1/openapi.yaml", List.of());
        calls.put("/api/v1/openapi.json", List.of());

        Set<String> documented = new TreeSet<>();
        ApiContract.document().get("paths").propertyNames().forEach(documented::add);
        assertThat(new TreeSet<>(calls.keySet())).isEqualTo(documented);

        List<String> checked = new ArrayList<>();
        for (List<Call> requests : calls.values()) {
            for (Call call : requests) {
                boolean problem = call.schema().equals("Problem");
                MockHttpServletResponse response =
                        mvc.perform(api.get(call.path())).andReturn().getResponse();
                assertThat(response.getStatus())
                        .as(call.path())
                        .isEqualTo(problem ? expectedProblemStatus(call.path()) : 200);
                assertThat(response.getContentType())
                        .as(call.path())
                        .isEqualTo(problem ? "application/problem+json" : "application/json");
                ApiContract.assertConforms(
                        response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8), call.schema());
                checked.add(call.path());
            }
        }
        assertThat(checked).hasSize(20);
    }

    @Test
    void theRichArticleHasEveryPartFilledIn() throws Exception {
        JsonNode json = ApiContract.assertConforms(
                fetch("/api/v1/articles/" + article.getSlug(), 200).getContentAsString(), "Article");

        assertThat(json.get("featured_image").get("caption").asString()).isEqualTo("Its own caption");
        assertThat(json.get("featured_image").get("credit").asString()).isEqualTo("Staff");
        assertThat(json.get("featured_image").get("variants")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(json.get("notes").get(0).get("kind").asString()).isEqualTo("correction");
        assertThat(json.get("authors").get(0).get("slug").asString()).isEqualTo(author.getSlug());
        assertThat(json.get("topics").get(0).get("name").asString()).isEqualTo(topic);
        assertThat(json.get("updated_at").isNull()).isFalse();
        assertThat(json.get("html").asString()).contains("<em>emphasis</em>");

        JsonNode author = ApiContract.assertConforms(
                fetch("/api/v1/authors/" + this.author.getSlug(), 200).getContentAsString(), "Author");
        assertThat(author.get("photo").get("alt").asString()).isEqualTo("A harbour at dawn");
        assertThat(author.get("links").get(0).get("label").asString()).isEqualTo("Website");
        assertThat(author.get("article_count").asLong()).isEqualTo(2);
    }

    @Test
    void theSettingsAreTheJournalsNameUrlAndDescription() throws Exception {
        MockHttpServletResponse response =
                mvc.perform(api.get("/api/v1/settings")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        var settings = ApiContract.assertConforms(
                response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "Settings");
        assertThat(settings.get("name").asString()).isEqualTo("The Meridian Review");
        assertThat(settings.get("url").asString()).isEqualTo("http://localhost:8080/");
        assertThat(settings.get("description").asString())
                .isEqualTo("Analysis and commentary from The Meridian Review.");
        assertThat(response.getHeader("ETag")).isNotBlank();
        var slim =
                mvc.perform(api.get("/api/v1/settings?fields=name")).andReturn().getResponse();
        assertThat(ApiContract.JSON.readTree(slim.getContentAsString()).propertyNames())
                .containsExactly("name");
    }

    @Test
    void aSchemaViolationIsCaught() {
        // The check itself can fail: an answer missing a required property, or with one the document does not know.
        assertThat(ApiContract.schema("Topic")
                        .validate(ApiContract.JSON.readTree(
                                "{\"slug\":\"x\",\"name\":\"X\",\"url\":\"https://a.example/t\","
                                        + "\"article_count\":1,\"modified_at\":\"2026-01-01T00:00:00Z\",\"extra\":1}")))
                .isNotEmpty();
        assertThat(ApiContract.schema("Topic").validate(ApiContract.JSON.readTree("{\"slug\":\"x\"}")))
                .isNotEmpty();
    }

    record Call(String path, String schema) {}

    private static Call call(String path, String schema) {
        return new Call(path, schema);
    }

    private static int expectedProblemStatus(String path) {
        return path.contains("?") ? 400 : 404;
    }

    private static String slugOf(String topicName) {
        return org.masthead.slug.Slugs.slugify(topicName);
    }

    private MockHttpServletResponse fetch(String path, int status) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(api.get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(status);
        return response;
    }
}
