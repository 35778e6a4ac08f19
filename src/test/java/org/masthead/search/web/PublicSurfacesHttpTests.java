package org.masthead.search.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.HttpPage;
import org.masthead.HttpTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Over real HTTP: the search page, the feeds, the sitemap and the newsletter answer without setting a cookie. */
@HttpTest
class PublicSurfacesHttpTests {

    @LocalServerPort
    int port;

    @Test
    void anonymousReadsSetNoCookie() {
        for (String path : List.of(
                "/search?q=sanctions",
                "/search?q=",
                "/search?q=%22unbalanced&page=abc",
                "/feed.xml",
                "/sections/security-affairs/feed.xml",
                "/sitemap.xml",
                "/robots.txt")) {
            HttpResponse<String> response = HttpPage.get(port, path, "*/*");
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().allValues("Set-Cookie"))
                    .as("cookies from %s", path)
                    .isEmpty();
        }
        HttpResponse<String> feed = HttpPage.get(port, "/feed.xml", "application/atom+xml");
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        assertThat(HttpPage.get(port, "/sections/no-such-section/feed.xml", "*/*")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theNewsletterFormPostsWithoutATokenAndGetsNoCookie() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/newsletter"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=not-an-address&source=footer&website="))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("does not look like an email address");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }
}
