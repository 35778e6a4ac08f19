package org.masthead.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.networknt.schema.SchemaLocation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
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
 * The OpenAPI document checked against the code by generated requests (jqwik, seeded and bounded): for every GET
 * operation the document describes, valid requests (documented parameters with values their descriptions allow, real
 * and unknown slugs) and invalid ones (one parameter made wrong: an unknown name, a value out of range or of the wrong
 * form, a repeated or blank one). Every answer must be one the operation documents, with its documented content type
 * and schema; a valid request is never refused, and an invalid one is a 400 problem naming the parameter made wrong.
 */
@IntegrationTest
class ApiPropertyContractTests {

    /** The seed of the requests: the same ones on every run, so that a failure can be replayed. */
    static final String SEED = "20261208";

    static final int TRIES = 300;

    /** Requests per client address: below the rate limit's burst, so that no answer is a 429. */
    static final int PER_CLIENT = 40;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectProvider<ApiFixture> apiFixtures;

    /** One generated request: the operation's path template, the URI sent, and the parameter made wrong (or null). */
    record Request(String template, String uri, String wrong, boolean knownSlug, Set<String> fields) {

        Request(String template, String uri, String wrong, boolean knownSlug) {
            this(template, uri, wrong, knownSlug, null);
        }
    }

    @Test
    void everyOperationAnswersGeneratedRequestsAsItsDocumentSays() throws Exception {
        ApiFixture api = apiFixtures.getObject();
        Section section = api.fixtures.section("Property Desk");
        Author author = api.author("Petra Property");
        String topic = "Properties " + Fixtures.word();
        Article article = api.illustrated(section, List.of(author), List.of(topic), Duration.ofHours(2));
        api.illustrated(section, List.of(author), List.of(), Duration.ofHours(3));
        Map<String, String> slugs = Map.of(
                "articles", article.getSlug(),
                "authors", author.getSlug(),
                "sections", section.getSlug(),
                "topics", org.masthead.slug.Slugs.slugify(topic));

        JsonNode document = ApiContract.document();
        List<String> templates = new ArrayList<>();
        document.get("paths").propertyNames().forEach(templates::add);

        List<String> failures = new ArrayList<>();
        Map<String, Integer> answered = new LinkedHashMap<>();
        JqwikSession.start(SEED);
        try {
            Arbitrary<Request> requests =
                    Arbitraries.of(templates).flatMap(template -> request(document, template, slugs));
            for (int i = 0; i < TRIES; i++) {
                if (i > 0 && i % PER_CLIENT == 0) {
                    api = apiFixtures.getObject();
                }
                Request request = requests.sample();
                MockHttpServletResponse response = mvc.perform(api.get(java.net.URI.create(request.uri())))
                        .andReturn()
                        .getResponse();
                answered.merge(request.template() + " " + response.getStatus(), 1, Integer::sum);
                String failure = check(document, request, response);
                if (failure != null) {
                    failures.add(request.uri() + ": " + failure);
                }
            }
        } finally {
            JqwikSession.finish();
        }
        assertThat(failures).as("answers off the document (seed %s)", SEED).isEmpty();
        // every operation was exercised, valid and invalid requests alike
        Set<String> exercised = new TreeSet<>();
        answered.keySet().forEach(key -> exercised.add(key.substring(0, key.lastIndexOf(' '))));
        assertThat(exercised).containsAll(templates);
        assertThat(answered.keySet()).anyMatch(key -> key.endsWith(" 400"));
        assertThat(answered.keySet()).anyMatch(key -> key.endsWith(" 200"));
    }

    // --- generation -------------------------------------------------------------------------------------------

    private static final List<String> WORDS = List.of("energy", "sanctions", "contract", "property", "\"price cap\"");

    /** A valid or an invalid request of the operation at {@code template}. */
    private static Arbitrary<Request> request(JsonNode document, String template, Map<String, String> slugs) {
        Map<String, Arbitrary<String>> parameters = new LinkedHashMap<>();
        for (JsonNode parameter : document.get("paths").get(template).get("get").path("parameters")) {
            JsonNode resolved = resolve(document, parameter);
            if (resolved.get("in").asString().equals("query")) {
                String name = resolved.get("name").asString();
                parameters.put(name, validValue(document, template, name));
            }
        }
        Arbitrary<String> path = path(template, slugs);
        Arbitrary<Map<String, String>> valid = validParameters(parameters);
        Arbitrary<Request> good = Combinators.combine(path, valid)
                .as((uri, params) -> new Request(
                        template,
                        uri + query(params),
                        null,
                        !uri.contains("/zz-"),
                        params.containsKey("fields")
                                ? Set.of(params.get("fields").split(","))
                                : null));
        if (parameters.isEmpty()) {
            return good; // the document itself: no parameters to make wrong
        }
        Arbitrary<Request> bad = Combinators.combine(path, valid, wrong(parameters))
                .as((uri, params, wrong) -> {
                    Map<String, String> all = new LinkedHashMap<>(params);
                    all.remove(wrong.name());
                    String query = query(all);
                    String extra = wrong.name() + "=" + encode(wrong.value());
                    if (wrong.repeated()) {
                        extra = extra + "&" + extra;
                    }
                    query = query.isEmpty() ? "?" + extra : query + "&" + extra;
                    return new Request(template, uri + query, wrong.name(), !uri.contains("/zz-"));
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, good), net.jqwik.api.Tuple.of(1, bad));
    }

    /** The path, with a real public slug or one that names nothing (404). */
    private static Arbitrary<String> path(String template, Map<String, String> slugs) {
        if (!template.contains("{slug}")) {
            return Arbitraries.just(template);
        }
        String collection = template.split("/")[3];
        Arbitrary<String> unknown = Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofMinLength(1)
                .ofMaxLength(12)
                .map(s -> "zz-" + s);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, Arbitraries.just(slugs.get(collection))),
                        net.jqwik.api.Tuple.of(1, unknown))
                .map(slug -> template.replace("{slug}", slug));
    }

    /** A subset of the parameters, each with a valid value, leaving out the combinations the document refuses. */
    private static Arbitrary<Map<String, String>> validParameters(Map<String, Arbitrary<String>> parameters) {
        Arbitrary<Map<String, String>> chosen = Arbitraries.just(Map.of());
        for (Map.Entry<String, Arbitrary<String>> parameter : parameters.entrySet()) {
            Arbitrary<java.util.Optional<String>> value = parameter.getValue().optional(0.3);
            chosen = Combinators.combine(chosen, value).as((map, maybe) -> {
                Map<String, String> next = new LinkedHashMap<>(map);
                maybe.ifPresent(v -> next.put(parameter.getKey(), v));
                return next;
            });
        }
        return chosen.map(params -> {
            Map<String, String> fixed = new LinkedHashMap<>(params);
            fixed.remove("cursor"); // a cursor is only valid as a page handed it out
            if (fixed.containsKey("q")) {
                fixed.remove("updated_since");
                fixed.put("sort", "relevance");
            } else if ("relevance".equals(fixed.get("sort"))) {
                fixed.remove("sort");
            }
            return fixed;
        });
    }

    private static Arbitrary<String> validValue(JsonNode document, String template, String name) {
        return switch (name) {
            case "limit" -> Arbitraries.integers().between(1, 100).map(String::valueOf);
            case "sort" -> Arbitraries.of("-published", "published", "title", "-title", "relevance");
            case "include" -> Arbitraries.just("total");
            case "q" -> Arbitraries.of(WORDS);
            case "updated_since" -> Arbitraries.of("2020-01-01", "2026-03-01T09:30:00Z", "2026-03-01T09:30:00+02:00");
            case "section", "author", "topic" ->
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
            case "cursor" -> Arbitraries.just("");
            case "fields" -> {
                List<String> names = new ArrayList<>(propertiesOf(document, template));
                yield Arbitraries.subsetOf(names).ofMinSize(1).map(set -> String.join(",", new TreeSet<>(set)));
            }
            default -> throw new IllegalStateException("no generator for the parameter " + name);
        };
    }

    record Wrong(String name, String value, boolean repeated) {}

    /** One parameter made wrong. */
    private static Arbitrary<Wrong> wrong(Map<String, Arbitrary<String>> parameters) {
        List<Arbitrary<Wrong>> ways = new ArrayList<>();
        ways.add(unknownName().map(name -> new Wrong(name, "1", false)));
        for (Map.Entry<String, Arbitrary<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!name.equals("cursor")) {
                ways.add(parameter.getValue().map(v -> new Wrong(name, v, true)));
            }
            ways.add(Arbitraries.just(new Wrong(name, "", false)));
            Arbitrary<String> nonsense = Arbitraries.strings()
                    .withCharRange('!', '~')
                    .ofMinLength(1)
                    .ofMaxLength(8)
                    .map(s -> "x" + s);
            switch (name) {
                case "limit" ->
                    ways.add(Arbitraries.of("0", "101", "-3", "ten", "1.5").map(v -> new Wrong(name, v, false)));
                case "sort", "include", "cursor", "updated_since", "fields" ->
                    ways.add(nonsense.map(v -> new Wrong(name, v, false)));
                default -> {
                    // a slug filter or q takes any text: only repeated or blank is wrong
                }
            }
        }
        return Arbitraries.oneOf(ways);
    }

    private static Arbitrary<String> unknownName() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofMinLength(2)
                .ofMaxLength(10)
                .map(s -> "zz" + s);
    }

    // --- the document -----------------------------------------------------------------------------------------

    /** Whether the answer is one the operation documents; null if so, else what is wrong with it. */
    private static String check(JsonNode document, Request request, MockHttpServletResponse response) throws Exception {
        int status = response.getStatus();
        if (request.wrong() != null) {
            if (status != 400) {
                return "made wrong in " + request.wrong() + ", answered " + status;
            }
        } else if (status != 200 && !(status == 404 && !request.knownSlug())) {
            return "a valid request answered " + status + ": " + response.getContentAsString();
        }
        JsonNode responses =
                document.get("paths").get(request.template()).get("get").get("responses");
        JsonNode documented = responses.has(String.valueOf(status))
                ? responses.get(String.valueOf(status))
                : responses.get("default");
        if (documented == null) {
            return "status " + status + " is not documented";
        }
        documented = resolve(document, documented);
        JsonNode content = documented.get("content");
        if (content == null) {
            return null;
        }
        String type = response.getContentType() == null
                ? ""
                : response.getContentType().split(";")[0].strip();
        if (!content.has(type)) {
            return "content type " + type + " is not documented for " + status;
        }
        JsonNode schema = content.get(type).get("schema");
        if (schema == null || !type.endsWith("json")) {
            return null;
        }
        JsonNode body = ApiContract.JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        if (status == 200 && request.fields() != null) {
            return checkFields(document, request, schema, body);
        }
        String pointer = schema.has("$ref")
                ? schema.get("$ref").asString()
                : "#/paths/" + request.template().replace("~", "~0").replace("/", "~1") + "/get/responses/"
                        + (responses.has(String.valueOf(status)) ? status : "default") + "/content/"
                        + type.replace("/", "~1") + "/schema";
        List<com.networknt.schema.Error> errors = ApiContract.schemaAt(
                        SchemaLocation.of(ApiContract.DOCUMENT_URI + pointer))
                .validate(body, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
        if (!errors.isEmpty()) {
            return "off the schema " + pointer + ": " + errors;
        }
        if (request.wrong() != null
                && !request.wrong().equals(body.path("parameter").asString())) {
            return "made wrong in " + request.wrong() + ", the problem names " + body.path("parameter");
        }
        return null;
    }

    /**
     * An answer slimmed by {@code fields}: each resource (the answer, or each item of a list's {@code data}) has
     * exactly the requested properties, each one as the resource's schema describes it; a list keeps its own.
     */
    private static String checkFields(JsonNode document, Request request, JsonNode schema, JsonNode body) {
        JsonNode resolved = resolve(document, schema);
        String resource = schema.get("$ref").asString();
        List<JsonNode> resources = new ArrayList<>();
        JsonNode items = resolved.path("properties").path("data").path("items");
        if (!items.isMissingNode()) {
            resource = items.get("$ref").asString();
            Set<String> listNames = new TreeSet<>();
            body.propertyNames().forEach(listNames::add);
            Set<String> required = new TreeSet<>();
            resolved.get("required").forEach(name -> required.add(name.asString()));
            if (!listNames.containsAll(required)) {
                return "the list lost its own properties: " + listNames;
            }
            body.get("data").forEach(resources::add);
        } else {
            resources.add(body);
        }
        for (JsonNode one : resources) {
            Set<String> names = new TreeSet<>();
            one.propertyNames().forEach(names::add);
            if (!names.equals(new TreeSet<>(request.fields()))) {
                return "fields " + request.fields() + " answered " + names;
            }
            for (String name : names) {
                List<com.networknt.schema.Error> errors = ApiContract.schemaAt(
                                SchemaLocation.of(ApiContract.DOCUMENT_URI + resource + "/properties/" + name))
                        .validate(
                                one.get(name),
                                context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
                if (!errors.isEmpty()) {
                    return name + " off " + resource + ": " + errors;
                }
            }
        }
        return null;
    }

    /** The property names of the resource an operation answers with (for {@code fields}). */
    private static Set<String> propertiesOf(JsonNode document, String template) {
        JsonNode schema = resolve(
                document,
                document.get("paths")
                        .get(template)
                        .get("get")
                        .get("responses")
                        .get("200")
                        .get("content")
                        .get("application/json")
                        .get("schema"));
        JsonNode data = schema.path("properties").path("data").path("items");
        if (!data.isMissingNode()) {
            schema = resolve(document, data);
        }
        Set<String> names = new TreeSet<>();
        schema.get("properties").propertyNames().forEach(names::add);
        return names;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        while (node.has("$ref")) {
            String[] parts = node.get("$ref").asString().substring(2).split("/");
            JsonNode target = document;
            for (String part : parts) {
                target = target.get(part.replace("~1", "/").replace("~0", "~"));
            }
            node = target;
        }
        return node;
    }

    private static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        params.forEach((name, value) -> {
            if (query.length() > 1) {
                query.append('&');
            }
            query.append(name).append('=').append(encode(value));
        });
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
