package org.masthead.media.web;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.HttpTest;
import org.masthead.media.TestImages;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload size limit over real HTTP: MockMvc never runs the servlet container's multipart parsing, so only a
 * real request shows whether an oversize upload gets our message, or a 500, a 401/403 or a reset connection.
 * Signs in through the application's own login form, as the demo admin.
 */
@HttpTest
class UploadLimitHttpTests {

    static final String EMAIL = "admin@example.org";
    static final String PASSWORD = "demo-admin-password"; // the demo admin (demo content is on in tests)
    private static final String BOUNDARY = "----masthead-test-boundary";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private HttpClient client;

    @BeforeEach
    void signIn() throws Exception {
        client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String token = csrfToken(send(get("/login")).body());
        String credentials = "username=" + encode(EMAIL) + "&email=" + encode(EMAIL) + "&password=" + encode(PASSWORD)
                + "&_csrf=" + encode(token);
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials))
                .build());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    @Test
    void aFileJustOverTheLimitIsRefusedWithAMessage() throws Exception {
        HttpResponse<String> response = upload(padded(TestImages.jpeg(64, 64), 10 * 1024 * 1024 + 200_000));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("The file is too large: images may be at most 10 MB");
        assertThat(response.body()).contains("id=\"upload-form\"");
    }

    @Test
    void aRequestFarOverTheContainerLimitIsSentBackToTheFormWithTheMessage() throws Exception {
        HttpResponse<String> response = upload(padded(TestImages.jpeg(64, 64), 14 * 1024 * 1024));

        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/admin/media/new?too-large");
        HttpResponse<String> form = send(get(location.replaceFirst("^https?://[^/]+", "")));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("The file is too large: images may be at most 10 MB");
        assertThat(form.body()).contains("id=\"upload-form\"");
    }

    @Test
    void aChunkedRequestOverTheContainerLimitIsSentBackToTheFormToo() throws Exception {
        // No Content-Length, so only the container finds out how large it is.
        String token = csrfToken(send(get("/admin/media/new")).body());
        byte[] body = multipart(padded(TestImages.jpeg(64, 64), 14 * 1024 * 1024));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/admin/media?_csrf=" + encode(token)))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build());

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/admin/media/new?too-large");
    }

    @Test
    void aNormalUploadWorksOverRealHttp() throws Exception {
        HttpResponse<String> response = upload(TestImages.jpeg(640, 480));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).matches(".*/admin/media/\\d+$");
    }

    private HttpResponse<String> upload(byte[] file) throws Exception {
        String token = csrfToken(send(get("/admin/media/new")).body());
        return send(HttpRequest.newBuilder(uri("/admin/media?_csrf=" + encode(token)))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(file)))
                .build());
    }

    private static byte[] multipart(byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"altText\"\r\n\r\nA test image\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** A real JPEG followed by filler bytes up to {@code size}: big, but a file a browser would send. */
    private static byte[] padded(byte[] jpeg, int size) {
        byte[] bytes = new byte[size];
        System.arraycopy(jpeg, 0, bytes, 0, jpeg.length);
        return bytes;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path))
                .header("Accept", "text/html")
                .GET()
                .build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
