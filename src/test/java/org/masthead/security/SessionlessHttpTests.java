package org.masthead.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.HttpTest;
import org.masthead.MutableClock;
import org.masthead.StaffHttp;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: no public request, found or not, creates a session or sets a cookie. Only staff pages (the
 * sign-in form, {@code /admin/**}) may.
 */
// The shared context's MockMvc tests replace its CSRF token repository with spring-security-test's (with(csrf())),
// which starts sessions this test proves the application never starts: ApplicationCsrfTokens puts it back first.
@HttpTest
class SessionlessHttpTests {

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestContent content;

    @Autowired
    ArticleService articles;

    @Autowired
    MutableClock clock;

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml")
                .timeout(Duration.ofSeconds(30));
        request = switch (method) {
            case "POST" ->
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("title=x"));
            default -> request.method(method, HttpRequest.BodyPublishers.noBody());
        };
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long sessionRows() {
        return jdbc.queryForObject("select count(*) from spring_session", Long.class);
    }

    @Test
    void aHundredUnknownUrlsSetNoCookieAndStoreNoSession() throws Exception {
        long before = sessionRows();
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> response = send("GET", "/no-such-page-" + i);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().allValues("Set-Cookie"))
                    .as("/no-such-page-" + i)
                    .isEmpty();
        }
        assertThat(sessionRows()).isEqualTo(before);
    }

    @Test
    void noPublicAnswerOfAnyKindStartsASession() throws Exception {
        Article archived = content.published(
                content.section(),
                List.of(content.author()),
                List.of(),
                clock.instant().minus(Duration.ofDays(2)));
        articles.archive(archived.getId(), TestContent.EDITOR);
        long before = sessionRows();
        List<String[]> requests = new ArrayList<>(List.of(
                new String[] {"GET", "/"},
                new String[] {"GET", "/articles/no-such-article"},
                new String[] {"GET", "/articles/" + archived.getSlug()},
                new String[] {"GET", "/sections/no-such-section?page=abc"},
                new String[] {"GET", "/error"},
                new String[] {"GET", "/actuator/health"},
                new String[] {"GET", "/actuator/env"},
                new String[] {"GET", "/media/999999999/nothing.jpg"},
                new String[] {"HEAD", "/no-such-page"},
                new String[] {"DELETE", "/no-such-page"},
                new String[] {"PUT", "/articles/x"},
                new String[] {"OPTIONS", "/"},
                new String[] {"POST", "/no-such-page"},
                new String[] {"POST", "/articles/x"},
                new String[] {"POST", "/search"}));
        for (String[] request : requests) {
            HttpResponse<String> response = send(request[0], request[1]);
            assertThat(response.headers().allValues("Set-Cookie"))
                    .as(request[0] + " " + request[1])
                    .isEmpty();
        }
        assertThat(sessionRows()).isEqualTo(before);
    }

    @Test
    void anAdminPageAskedForBeforeSigningInIsRememberedWithoutASessionAndOpenedAfterSigningIn() throws Exception {
        long before = sessionRows();
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> admin = browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/articles"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(admin.headers().firstValue("Location").orElseThrow()).isEqualTo("/login");
        assertThat(admin.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));

        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
        assertThat(sessionRows()).as("no session row before signing in").isEqualTo(before);

        String form = "email=" + StaffHttp.encode("editor@example.org") + "&password="
                + StaffHttp.encode("demo-editor-password") + "&_csrf="
                + StaffHttp.encode(StaffHttp.csrfToken(login.body()));
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin/articles");
        assertThat(sessionRows()).as("the session starts at sign-in").isGreaterThan(before);
    }

    @Test
    void theSignInFormsTokenIsCheckedWithoutASession() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String form = "email=" + StaffHttp.encode("editor@example.org") + "&password="
                + StaffHttp.encode("demo-editor-password") + "&_csrf=forged-token";
        HttpResponse<String> forged = browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
    }
}
