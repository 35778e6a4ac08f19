package org.masthead.security;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;

/** Security's refusals in the API are problems: 401 and 403 to a read, 405 with Allow to anything else. */
class ApiSecurityProblemsTests {

    private final ApiSecurityProblems problems = new ApiSecurityProblems(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        return messages;
    }

    @Test
    void aReadWithoutCredentialsIsA401Problem() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        problems.commence(
                new MockHttpServletRequest("GET", "/api/v1/articles"),
                response,
                new InsufficientAuthenticationException("none"));
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getContentAsString())
                .contains("\"type\":\"about:blank\"", "\"title\":\"Unauthorized\"", "\"status\":401")
                .contains("\"instance\":\"/api/v1/articles\"");
    }

    @Test
    void aRefusedReadIsA403Problem() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        problems.handle(
                new MockHttpServletRequest("HEAD", "/api/v1/topics"), response, new AccessDeniedException("no"));
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Allow")).isNull();
        assertThat(response.getContentAsString()).contains("\"title\":\"Forbidden\"", "\"status\":403");
    }

    @Test
    void aWriteIsA405ProblemWhateverRefusedIt() throws Exception {
        for (String method : new String[] {"POST", "DELETE"}) {
            MockHttpServletResponse denied = new MockHttpServletResponse();
            problems.handle(
                    new MockHttpServletRequest(method, "/api/v1/articles"), denied, new AccessDeniedException("csrf"));
            MockHttpServletResponse anonymous = new MockHttpServletResponse();
            problems.commence(
                    new MockHttpServletRequest(method, "/api/v1/articles"),
                    anonymous,
                    new InsufficientAuthenticationException("none"));
            for (MockHttpServletResponse response : new MockHttpServletResponse[] {denied, anonymous}) {
                assertThat(response.getStatus()).isEqualTo(405);
                assertThat(response.getHeader("Allow")).isEqualTo("GET, HEAD, OPTIONS");
                assertThat(response.getContentAsString())
                        .contains("\"title\":\"Method Not Allowed\"")
                        .contains(method);
            }
        }
    }
}
