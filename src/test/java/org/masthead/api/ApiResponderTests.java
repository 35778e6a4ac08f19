package org.masthead.api;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.masthead.cache.HttpCachingProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ApiResponderTests {

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theApisCacheControlIsTheConfiguredPublicOne() {
        ApiResponder responder =
                new ApiResponder(json, new HttpCachingProperties("public, max-age=300", "public, immutable"));

        ResponseEntity<byte[]> answer = responder.ok(Map.of("slug", "a"), null);

        assertThat(answer.getHeaders().getCacheControl()).isEqualTo("public, max-age=300");
        assertThat(responder.cacheControl()).isEqualTo("public, max-age=300");
    }

    @Test
    void aProblemWrittenOutsideSpringMvcHasItsMembersAtTheTopLevel() {
        ApiResponder responder = new ApiResponder(json, new HttpCachingProperties("public", "public"));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/articles");
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "No such field.", request, "fields");

        JsonNode written = json.readTree(responder.write(problem));

        assertThat(written.get("type").asString()).isEqualTo("about:blank");
        assertThat(written.get("title").asString()).isEqualTo("Bad Request");
        assertThat(written.get("status").asInt()).isEqualTo(400);
        assertThat(written.get("detail").asString()).isEqualTo("No such field.");
        assertThat(written.get("instance").asString()).isEqualTo("/api/v1/articles");
        assertThat(written.get("parameter").asString()).isEqualTo("fields");
        assertThat(written.has("properties")).isFalse();
    }
}
