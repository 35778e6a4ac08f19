package org.masthead.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.masthead.HttpTest;
import org.masthead.StaffBrowser;
import org.masthead.account.AccountService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: every answer denies the browser features a journal never uses, the session cookie is
 * {@code Secure} whenever the request came over HTTPS, and {@code OPTIONS} opens no admin route.
 */
@HttpTest
class SecurityHeadersHttpTests {

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @LocalServerPort
    int port;

    @Autowired
    CookieSerializer cookies;

    @Autowired
    AccountService accounts;

    private HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/no-such-page", "/login", "/admin", "/css/site.css", "/actuator/health"})
    void everyAnswerCarriesAPermissionsPolicy(String path) throws Exception {
        String policy =
                send("GET", path).headers().firstValue("Permissions-Policy").orElse("");
        for (String feature : new String[] {
            "camera", "microphone", "geolocation", "payment", "usb", "interest-cohort", "browsing-topics"
        }) {
            assertThat(policy).as(path).contains(feature + "=()");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin", "/admin/articles", "/admin/accounts", "/admin/articles/1"})
    void optionsOnAnAdminRouteIsAnsweredAsAGetWouldBe(String path) throws Exception {
        HttpResponse<String> options = send("OPTIONS", path);
        assertThat(options.statusCode()).as(path).isIn(302, 403, 405);
        if (options.statusCode() == 302) {
            assertThat(options.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
        assertThat(options.headers().firstValue("Allow")).as(path).isEmpty();
    }

    @Test
    void optionsOnAnAdminRouteOpensNothingToASignedInMemberEither() throws Exception {
        StaffBrowser contributor = new StaffBrowser(port);
        contributor.signIn(StaffBrowser.newMember(accounts, Role.CONTRIBUTOR));
        assertThat(contributor.get("/admin/accounts").statusCode()).isEqualTo(403);
        for (String path : new String[] {"/admin/accounts", "/admin/audit", "/admin/articles"}) {
            HttpResponse<String> options = contributor.send("OPTIONS", path);
            assertThat(options.statusCode()).as(path).isIn(403, 405);
            assertThat(options.headers().firstValue("Allow")).as(path).isEmpty();
        }
    }

    @Test
    void theSessionCookieIsSecureOverHttpsAndOnlyThen() throws Exception {
        // The sign-in page starts no session: its one cookie is the form's CSRF token.
        HttpResponse<String> plain = send("GET", "/login");
        assertThat(plain.headers().allValues("Set-Cookie"))
                .singleElement()
                .satisfies(cookie ->
                        assertThat(cookie).startsWith("MASTHEAD-CSRF=").doesNotContainIgnoringCase("Secure"));

        // A request that arrived over TLS (Tomcat's request.isSecure(), also set from a trusted proxy's headers).
        for (boolean secure : new boolean[] {true, false}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
            request.setSecure(secure);
            MockHttpServletResponse response = new MockHttpServletResponse();
            cookies.writeCookieValue(new CookieSerializer.CookieValue(request, response, "abc"));
            assertThat(response.getHeader("Set-Cookie"))
                    .as("secure request: " + secure)
                    .startsWith("SESSION=");
            assertThat(response.getHeader("Set-Cookie").contains("Secure"))
                    .as("secure request: " + secure)
                    .isEqualTo(secure);
        }
    }
}
