package org.masthead.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.api.ApiViews.ArticleView;
import org.masthead.api.ApiViews.AuthorView;
import org.masthead.api.ApiViews.SectionView;
import org.masthead.api.ApiViews.TopicView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only public content API, {@code /api/v1/}: articles, authors, sections and topics, as the public site
 * shows them, described by {@code /api/v1/openapi.yaml}. Query parameters are checked strictly: an unknown one, a
 * malformed value or a repeated one is a 400 problem saying which and why.
 */
@RestController
@RequestMapping("/api/v1")
class ContentApiController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private static final Set<String> ARTICLE_FIELDS = ApiViews.propertyNames(ArticleView.class);
    private static final Set<String> AUTHOR_FIELDS = ApiViews.propertyNames(AuthorView.class);
    private static final Set<String> SECTION_FIELDS = ApiViews.propertyNames(SectionView.class);
    private static final Set<String> TOPIC_FIELDS = ApiViews.propertyNames(TopicView.class);
    private static final Set<String> SETTINGS_FIELDS = ApiViews.propertyNames(ApiViews.SettingsView.class);
    private static final List<String> LIST_FILTERS =
            List.of("q", "section", "author", "topic", "updated_since", "sort", "include");
    private static final List<String> INCLUDES = List.of("total");

    private final ContentApi api;
    private final ApiResponder responder;

    ContentApiController(ContentApi api, ApiResponder responder) {
        this.api = api;
        this.responder = responder;
    }

    @GetMapping("/articles")
    ResponseEntity<byte[]> articles(HttpServletRequest request) {
        Map<String, String> params = params(
                request,
                "q",
                "section",
                "author",
                "topic",
                "updated_since",
                "sort",
                "include",
                "cursor",
                "limit",
                "fields");
        Set<String> fields = fields(params.get("fields"), ARTICLE_FIELDS);
        int limit = limit(params.get("limit"));
        String q = slug(params, "q");
        if (q != null && params.containsKey("updated_since")) {
            throw new ApiBadRequestException("updated_since", "api.error.updated-since-search");
        }
        ArticleSort sort = ArticleSort.of(params.get("sort"), q != null);
        boolean withTotal = includesTotal(params.get("include"));
        ArticleCursor.Decoded after =
                params.containsKey("cursor") ? ArticleCursor.decode(params.get("cursor"), sort) : null;
        ContentApi.ArticleFilters filters = new ContentApi.ArticleFilters(
                slug(params, "section"),
                slug(params, "author"),
                slug(params, "topic"),
                since(params.get("updated_since")),
                q);
        Function<String, String> nextPage = cursor -> nextPage(params, cursor);
        return responder.ok(api.articles(filters, sort, after, limit, withTotal, nextPage), fields);
    }

    @GetMapping("/articles/{slug}")
    ResponseEntity<byte[]> article(@PathVariable String slug, HttpServletRequest request) {
        Set<String> fields = fields(params(request, "fields").get("fields"), ARTICLE_FIELDS);
        Optional<ArticleView> article = api.article(slug);
        if (article.isPresent()) {
            return responder.ok(article.get(), fields);
        }
        return moved(request, "/api/v1/articles/" + api.currentArticleSlug(slug));
    }

    @GetMapping("/authors")
    ResponseEntity<byte[]> authors(HttpServletRequest request) {
        Set<String> fields = fields(params(request, "fields").get("fields"), AUTHOR_FIELDS);
        return responder.ok(new ApiViews.ListView<>(api.authors(), null, null), fields);
    }

    @GetMapping("/authors/{slug}")
    ResponseEntity<byte[]> author(@PathVariable String slug, HttpServletRequest request) {
        Set<String> fields = fields(params(request, "fields").get("fields"), AUTHOR_FIELDS);
        return api.author(slug)
                .map(author -> responder.ok(author, fields))
                .orElseGet(() -> moved(request, "/api/v1/authors/", api.currentAuthorSlug(slug), "author", slug));
    }

    @GetMapping("/sections")
    ResponseEntity<byte[]> sections(HttpServletRequest request) {
        Set<String> fields = fields(params(request, "fields").get("fields"), SECTION_FIELDS);
        return responder.ok(new ApiViews.ListView<>(api.sections(), null, null), fields);
    }

    @GetMapping("/sections/{slug}")
    ResponseEntity<byte[]> section(@PathVariable String slug, HttpServletRequest request) {
        Set<String> fields = fields(params(request, "fields").get("fields"), SECTION_FIELDS);
        return api.section(slug)
                .map(section -> responder.ok(section, fields))
                .orElseGet(() -> moved(request, "/api/v1/sections/", api.currentSectionSlug(slug), "section", slug));
    }

    @GetMapping("/topics")
    ResponseEntity<byte[]> topics(HttpServletRequest request) {
        Set<String> fields = fields(params(request, "fields").get("fields"), TOPIC_FIELDS);
        return responder.ok(new ApiViews.ListView<>(api.topics(), null, null), fields);
    }

    @GetMapping("/topics/{slug}")
    ResponseEntity<byte[]> topic(@PathVariable String slug, HttpServletRequest request) {
        Set<String> fields = fields(params(request, "fields").get("fields"), TOPIC_FIELDS);
        return api.topic(slug)
                .map(topic -> responder.ok(topic, fields))
                .orElseGet(() -> moved(request, "/api/v1/topics/", api.currentTopicSlug(slug), "topic", slug));
    }

    @GetMapping("/settings")
    ResponseEntity<byte[]> settings(HttpServletRequest request) {
        Set<String> fields = fields(params(request, "fields").get("fields"), SETTINGS_FIELDS);
        return responder.ok(api.settings(), fields);
    }

    // --- parameters -------------------------------------------------------------------------------------------

    /** The query parameters, each given at most once and each one of {@code allowed}. */
    private static Map<String, String> params(HttpServletRequest request, String... allowed) {
        Set<String> known = Set.of(allowed);
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
            String name = entry.getKey();
            if (!known.contains(name)) {
                throw new ApiBadRequestException(
                        name,
                        "api.error.unknown-parameter",
                        name,
                        allowed.length == 0 ? "-" : String.join(", ", allowed));
            }
            if (entry.getValue().length != 1) {
                throw new ApiBadRequestException(name, "api.error.repeated-parameter", name);
            }
            params.put(name, entry.getValue()[0]);
        }
        return params;
    }

    private static String slug(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new ApiBadRequestException(name, "api.error.blank", name);
        }
        return value.strip();
    }

    static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ex) {
            // falls through to the bad request below
        }
        throw new ApiBadRequestException("limit", "api.error.limit", MAX_LIMIT);
    }

    /** An instant ({@code 2026-03-01T09:30:00Z}, any offset) or a date, taken as its start in UTC. */
    static Instant since(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new ApiBadRequestException("updated_since", "api.error.updated-since");
            }
        }
    }

    /** What {@code include} asks to add to a list: only {@code total} (how many articles the list has in all). */
    static boolean includesTotal(String value) {
        if (value == null) {
            return false;
        }
        Set<String> wanted = Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (wanted.isEmpty()) {
            throw new ApiBadRequestException("include", "api.error.blank", "include");
        }
        for (String name : wanted) {
            if (!INCLUDES.contains(name)) {
                throw new ApiBadRequestException("include", "api.error.include", name, String.join(", ", INCLUDES));
            }
        }
        return true;
    }

    /** The requested fields (null: all), each one of the resource's. */
    static Set<String> fields(String value, Set<String> known) {
        if (value == null) {
            return null;
        }
        Set<String> fields = Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (fields.isEmpty()) {
            throw new ApiBadRequestException("fields", "api.error.blank", "fields");
        }
        for (String field : fields) {
            if (!known.contains(field)) {
                throw new ApiBadRequestException("fields", "api.error.field", field, String.join(", ", known));
            }
        }
        return fields;
    }

    private static String nextPage(Map<String, String> params, String cursor) {
        StringBuilder url = new StringBuilder("/api/v1/articles?");
        for (String name : LIST_FILTERS) {
            if (params.containsKey(name)) {
                url.append(name).append('=').append(encode(params.get(name))).append('&');
            }
        }
        for (String name : List.of("limit", "fields")) {
            if (params.containsKey(name)) {
                url.append(name).append('=').append(encode(params.get(name))).append('&');
            }
        }
        return url.append("cursor=").append(cursor).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // --- old slugs --------------------------------------------------------------------------------------------

    private ResponseEntity<byte[]> moved(
            HttpServletRequest request, String prefix, Optional<String> current, String kind, String slug) {
        return moved(request, prefix + current.orElseThrow(() -> new ApiNotFoundException(kind, slug)));
    }

    /** An old slug: 301 to the current one, keeping the query string. */
    private ResponseEntity<byte[]> moved(HttpServletRequest request, String path) {
        String query = request.getQueryString();
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .header(HttpHeaders.LOCATION, query == null ? path : path + "?" + query)
                .header(HttpHeaders.CACHE_CONTROL, responder.cacheControl())
                .build();
    }
}
