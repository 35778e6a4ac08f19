package org.masthead;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.masthead.account.AccountService;
import org.masthead.account.SetPasswordLink;
import org.masthead.security.Actor;
import org.masthead.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser-like client over real HTTP for staff journeys: keeps its cookies, follows no redirects, signs in through
 * the real form. {@link #newMember} makes a real account with a password to sign in with.
 */
public final class StaffBrowser {

    public static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final int port;

    public StaffBrowser(int port) {
        this.port = port;
    }

    /** A new account with {@link #PASSWORD}; answers its email. */
    public static String newMember(AccountService accounts, Role role) {
        String email = "member-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example.org";
        SetPasswordLink link = accounts.create(Actor.importing("test"), email, "Member " + email, role);
        accounts.setPasswordWithLink(link.token(), PASSWORD);
        return email;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path);
    }

    public HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(60))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the sign-in form; asserts it worked. */
    public void signIn(String email) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login");
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("CSRF token on the sign-in page").isTrue();
        HttpResponse<String> signedIn =
                post("/login", Map.of("email", email, "password", PASSWORD, "_csrf", token.group(1)));
        assertThat(signedIn.headers().firstValue("Location").orElse(""))
                .as("signed in as " + email)
                .doesNotContain("error");
    }

    /** The session id in this browser's cookie (decoded), or null. */
    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION"))
                .map(HttpCookie::getValue)
                .map(value -> new String(java.util.Base64.getDecoder().decode(value), StandardCharsets.US_ASCII))
                .findFirst()
                .orElse(null);
    }

    public void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    /** Sets the session cookie as a browser holding it would send it. */
    public void useSessionCookie(String value) {
        HttpCookie cookie = new HttpCookie("SESSION", value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(uri("/"), cookie);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
