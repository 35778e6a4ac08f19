package org.masthead.web;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.masthead.HttpPage;
import org.masthead.HttpTest;
import org.masthead.StaffHttp;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests at the edges: a client's mistakes get a 4xx with a message, and nothing of theirs is echoed or kept. */
@HttpTest
@ExtendWith(OutputCaptureExtension.class)
class EdgeRequestsHttpTests {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @LocalServerPort
    int port;

    @Test
    void aMalformedMultipartBodyToTheNewsletterIsABadRequestWithAMessageAndNoStackTrace(CapturedOutput log)
            throws Exception {
        for (String path :
                List.of("/newsletter", "/newsletter/confirm", "/newsletter/unsubscribe", "/newsletter/preferences")) {
            HttpResponse<String> response = CLIENT.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Accept", "text/html")
                            .header("Content-Type", "multipart/form-data; boundary=----broken")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "------broken\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nx"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("arrived incomplete or malformed");
        }
        assertThat(log.getAll()).doesNotContain("MultipartException").doesNotContain("\tat org.apache");
    }

    @Test
    void aFarFutureDateInTheSearchIsAMessageNotAnError(CapturedOutput log) {
        for (String query :
                List.of("?q=policy&to=%2B999999999-12-31", "?from=%2B999999999-12-31", "?to=-999999999-01-01")) {
            HttpResponse<String> response = HttpPage.get(port, "/search" + query);

            assertThat(response.statusCode()).as(query).isEqualTo(200);
            assertThat(response.body()).as(query).contains("Dates are written as year-month-day");
        }
        assertThat(log.getAll()).doesNotContain("DateTimeException").doesNotContain("\tat org.");
    }

    @Test
    void aFarFutureDateInTheAuditFilterIsAFieldError() {
        HttpResponse<String> response = StaffHttp.demo(port, "admin").get("/admin/audit?from=%2B999999999-12-31");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void errorAskedForDirectlyIsNotFound() {
        HttpResponse<String> response = HttpPage.get(port, "/error");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found");
    }

    @Test
    void theSignInRedirectDoesNotEchoTheHostHeader() throws Exception {
        String head = rawGet("/admin/articles", "evil.example");

        assertThat(head).startsWith("HTTP/1.1 302");
        assertThat(head).containsIgnoringCase("\r\nLocation: /login\r\n").doesNotContain("evil.example");
    }

    @Test
    void uploadFormsCarryTheirCsrfTokenInTheBodyNotTheUrl() {
        StaffHttp admin = StaffHttp.demo(port, "admin");
        for (String page : List.of("/admin/media/new", "/admin/export")) {
            String html = admin.get(page).body();

            assertThat(html).as(page).doesNotContain("_csrf=");
            assertThat(StaffHttp.csrfToken(html)).as(page).isNotBlank();
        }
    }

    @Test
    void aSignedInStaffMembersFeedIsKeptOutOfSharedCaches() {
        StaffHttp editor = StaffHttp.demo(port, "editor");
        HttpResponse<String> staff =
                editor.send(HttpRequest.newBuilder(editor.uri("/feed.xml")).header("Accept", "application/atom+xml"));
        HttpResponse<String> reader = HttpPage.get(port, "/feed.xml", "application/atom+xml");

        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(staff.headers().firstValue("Cache-Control").orElse(""))
                .contains("private")
                .doesNotContain("public");
        assertThat(reader.headers().firstValue("Cache-Control").orElse("")).contains("public");
    }

    @Test
    void healthAnswersABrowserThatAsksForHtml() {
        HttpResponse<String> response = HttpPage.get(port, "/actuator/health", "text/html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\"");
    }

    /** A GET with a Host header of our choosing (the JDK's client will not send one), the response's head. */
    private String rawGet(String path, String host) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end + 2);
        }
    }
}
