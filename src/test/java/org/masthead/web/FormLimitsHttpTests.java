package org.masthead.web;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.masthead.HttpTest;
import org.masthead.StaffHttp;
import org.masthead.TestContent;
import org.masthead.media.TestImages;
import org.masthead.section.Section;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages that used to mislead, over real HTTP (the container's limits and its own error pages are involved): an
 * article body over 2 MB, an upload with a 1,000-character file name, odd paths and over-long URLs.
 */
@HttpTest
class FormLimitsHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Test
    void anArticleBodyOverTwoMegabytesGetsTheBodysMessageWithTheTextKept() {
        Section section = content.section();
        StaffHttp editor = StaffHttp.demo(port, "editor");
        String body = "A long body. ".repeat(200_000); // 2.6 MB
        HttpResponse<String> response = editor.submit(
                "/admin/articles/new",
                "/admin/articles",
                Map.of("title", "A long one", "sectionId", "" + section.getId(), "bodyMarkdown", body));

        assertThat(response.statusCode()).isLessThan(500).isNotEqualTo(413);
        Document page = Jsoup.parse(response.body());
        assertThat(page.text()).doesNotContain("images may be at most");
        assertThat(page.select("p.field__error").text()).contains("The body is too long");
        assertThat(page.getElementById("body").wholeText()).isEqualTo(body);
    }

    @Test
    void aThousandCharacterFileNameIsNotCalledTooLarge() {
        StaffHttp editor = StaffHttp.demo(port, "editor");
        String name = "n".repeat(1_000) + ".jpg";
        HttpResponse<String> response = editor.upload(name, TestImages.jpeg(64, 48), "A long name");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).matches(".*/admin/media/\\d+$");
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(editor.get(location.replaceFirst("^https?://[^/]+", "")).body())
                .doesNotContain("too large");
    }

    @Test
    void oddPathsAndOverlongUrlsGetTheSitesBadRequestPage() throws Exception {
        List<String> targets = List.of(
                "/sections/%2f/x",
                "/media/1/%2e%2e/secret", "/a/../../etc/passwd", "/a%00b", "/x/..;/admin", "/" + "a".repeat(9_000));
        for (String target : targets) {
            String response = raw(
                    "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
            String label = target.length() > 60 ? target.substring(0, 60) + "…" : target;
            assertThat(response).as(label).startsWith("HTTP/1.1 400");
            assertThat(response)
                    .as(label)
                    .doesNotContain("HTTP Status 400")
                    .doesNotContain("Apache Tomcat")
                    .contains("class=\"error-page")
                    .contains("This address cannot be read");
        }
    }

    /** Sends bytes as they are (no client library normalises the path) and reads the whole answer. */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
