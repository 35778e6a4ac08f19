package org.masthead.api;

import java.util.Map;
import java.util.Set;

import org.masthead.cache.HttpCachingProperties;
import org.masthead.web.ETags;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the API's answers: snake_case JSON, slimmed to the requested {@code fields}, with a strong ETag computed
 * from the bytes (a matching {@code If-None-Match} gets 304, handled by Spring MVC from the entity's ETag) and the
 * public pages' cache policy ({@code masthead.http.public-cache-control}), so any CDN or shared cache may keep them
 * as long as the reader's pages.
 */
@Component
class ApiResponder {

    static final MediaType JSON = MediaType.APPLICATION_JSON;

    private final JsonMapper mapper;
    private final JsonMapper plain;
    private final JsonMapper problems;
    private final String cacheControl;

    ApiResponder(JsonMapper jsonMapper, HttpCachingProperties http) {
        this.plain = jsonMapper;
        this.mapper = jsonMapper
                .rebuild()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
        this.problems = jsonMapper
                .rebuild()
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                .build();
        this.cacheControl = http.publicCacheControl();
    }

    /** The public pages' {@code Cache-Control} ({@code masthead.http.public-cache-control}). */
    String cacheControl() {
        return cacheControl;
    }

    /** One resource, or a list ({@code data}) of them, keeping only {@code fields} of each when given. */
    ResponseEntity<byte[]> ok(Object body, Set<String> fields) {
        JsonNode tree = mapper.valueToTree(body);
        if (fields != null) {
            JsonNode items = tree.get("data");
            if (items != null && items.isArray()) {
                items.forEach(item -> ((ObjectNode) item).retain(fields));
            } else if (tree.isObject()) {
                ((ObjectNode) tree).retain(fields);
            }
        }
        byte[] bytes = mapper.writeValueAsBytes(tree);
        // Any origin may read, with or without an Origin header: an answer kept by the page cache (or a CDN) for one
        // request serves all of them.
        return ResponseEntity.ok()
                .contentType(JSON)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .eTag(ETags.strong(bytes))
                .body(bytes);
    }

    /** A problem as Spring MVC writes one, for answers made outside it (the rate limit's filter). */
    byte[] write(ProblemDetail problem) {
        return problems.writeValueAsBytes(problem);
    }

    /** Map keys as they are (no renaming), for documents that are already in their final form. */
    byte[] writePlain(Map<String, Object> document) {
        return plain.writeValueAsBytes(document);
    }
}
