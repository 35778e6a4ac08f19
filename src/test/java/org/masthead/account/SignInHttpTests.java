package org.masthead.account;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.masthead.HttpTest;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What the container does, over real HTTP: cookies, sessions in PostgreSQL, redirects to /login. */
@HttpTest
class SignInHttpTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    /** A browser-like client: keeps cookies, does not follow redirects. */
    private static final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        final int port;

        Browser(int port) {
            this.port = port;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String session() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("SESSION"))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElse(null);
        }

        HttpResponse<String> signIn(String email, String password) throws IOException, InterruptedException {
            HttpResponse<String> page = get("/login");
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("CSRF token on the sign-in page").isTrue();
            return post("/login", Map.of("email", email, "password", password, "_csrf", token.group(1)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/articles/no-such-article", "/sections/no-such-section", "/css/admin.css"})
    void publicPagesSetNoCookieAndCreateNoSession(String path) throws Exception {
        HttpResponse<String> response = new Browser(port).get(path);
        assertThat(response.statusCode()).isIn(200, 404);
        assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin", "/admin/accounts", "/admin/audit", "/admin/password"})
    void anonymousVisitorsOfAdminPagesAreSentToSignIn(String path) throws Exception {
        HttpResponse<String> response = new Browser(port).get(path);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void signingInStoresTheSessionInPostgresWithANewIdAndSignOutEndsIt() throws Exception {
        Account editor = StaffFixtures.create(accounts, transaction, "http-editor", Role.EDITOR);
        Browser browser = new Browser(port);
        browser.get("/login");
        String before = browser.session();

        HttpResponse<String> signedIn = browser.signIn(editor.getEmail(), StaffFixtures.PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
        String after = browser.session();
        assertThat(after).isNotNull().isNotEqualTo(before); // session fixation protection
        assertThat(jdbc.queryForObject(
                        "select count(*) from spring_session where principal_name = ?",
                        Integer.class,
                        editor.getEmail()))
                .isEqualTo(1);

        HttpResponse<String> page = browser.get("/admin/password");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();

        HttpResponse<String> out = browser.post("/logout", Map.of("_csrf", token.group(1)));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject(
                        "select count(*) from spring_session where principal_name = ?",
                        Integer.class,
                        editor.getEmail()))
                .isZero();
        assertThat(browser.get("/admin/password").statusCode()).isEqualTo(302);
    }

    @Test
    void disablingAnAccountSignsItOutAtOnce() throws Exception {
        Account admin = StaffFixtures.create(accounts, transaction, "http-admin", Role.ADMIN);
        Account editor = StaffFixtures.create(accounts, transaction, "http-victim", Role.EDITOR);
        Browser browser = new Browser(port);
        assertThat(browser.signIn(editor.getEmail(), StaffFixtures.PASSWORD).statusCode())
                .isEqualTo(302);
        assertThat(browser.get("/admin/password").statusCode()).isEqualTo(200);

        transaction.executeWithoutResult(s -> accounts.disable(Actor.importing("test"), editor.getId()));

        HttpResponse<String> next = browser.get("/admin/password");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(browser.signIn(editor.getEmail(), StaffFixtures.PASSWORD)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/login?error");
    }

    @Test
    void aLogoutWithoutCsrfTokenIsRefused() throws Exception {
        Account editor = StaffFixtures.create(accounts, transaction, "http-logout", Role.EDITOR);
        Browser browser = new Browser(port);
        browser.signIn(editor.getEmail(), StaffFixtures.PASSWORD);
        assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin/password").statusCode()).isEqualTo(200);
    }
}
