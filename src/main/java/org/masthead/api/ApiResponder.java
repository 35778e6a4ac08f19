package org.masthead.api;

import java.util.Map;
import java.util.Set;

import org.masthead.web.ETags;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the API's answers: snake_case JSON, slimmed to the requested {@code fields}, with a strong ETag computed
 * from the bytes (a matching {@code If-None-Match} gets 304, handled by Spring MVC from the entity's ETag) and the
 * public pages' cache policy, so any CDN or shared cache may keep them for a minute.
 */
@Component
class ApiResponder {

    static final MediaType JSON = MediaType.APPLICATION_JSON;
    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    /** Fresh for a minute, then served stale while revalidating; a day of stale copies if the origin fails. */
    static final String CACHE = "public, max-age=60, stale-while-revalidate=60, stale-if-error=86400";

    private final JsonMapper mapper;
    private final JsonMapper plain;

    ApiResponder(JsonMapper jsonMapper) {
        this.plain = jsonMapper;
        this.mapper = jsonMapper
                .rebuild()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
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
                .header(HttpHeaders.CACHE_CONTROL, CACHE)
                .eTag(ETags.strong(bytes))
                .body(bytes);
    }

    byte[] write(Object body) {
        return mapper.writeValueAsBytes(body);
    }

    /** Map keys as they are (no renaming), for documents that are already in their final form. */
    byte[] writePlain(Map<String, Object> document) {
        return plain.writeValueAsBytes(document);
    }
}
