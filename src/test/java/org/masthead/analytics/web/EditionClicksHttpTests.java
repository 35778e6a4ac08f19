package org.masthead.analytics.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.HttpTest;
import org.masthead.TestContent;
import org.masthead.analytics.EditionLinks;
import org.masthead.settings.SettingsStore;
import org.masthead.testing.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An edition's links through the signed redirect: a click is counted per edition and link and sent on, with no
 * cookie; a link not signed for that edition (tampered, foreign, another edition's) is refused, so the redirect is
 * no open one; the email's links are rewritten but the reader's own (with their token); the readership page compares
 * the editions: delivered, failed, clicks, unsubscribes.
 */
@HttpTest
class EditionClicksHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    EditionLinks links;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    SettingsStore settings;

    final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    long edition;
    long other;
    String subject;

    @BeforeEach
    void editions() {
        subject = "Edition " + TestContent.unique("clicks");
        edition = sentEdition(subject);
        other = sentEdition("Edition " + TestContent.unique("other"));
    }

    @Test
    void aClickIsCountedPerLinkAndSentOn() throws Exception {
        String article = "http://localhost:8080/articles/" + TestContent.unique("clicked");
        String tracked = links.tracked(edition, article);
        assertThat(tracked).startsWith("http://localhost:8080/r/" + edition + "/");

        HttpResponse<String> click = follow(local(tracked), ReadershipCountingHttpTests.BROWSER);
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location")).hasValue(article);
        assertThat(click.headers().firstValue("Set-Cookie")).isEmpty();
        follow(local(tracked), ReadershipCountingHttpTests.BROWSER);
        // a mail scanner opening every link is sent on, but not counted
        assertThat(follow(local(tracked), "Mozilla/5.0 (compatible; Barracuda link scanner bot)")
                        .statusCode())
                .isEqualTo(302);
        assertThat(clicks(edition, article)).isEqualTo(2);
    }

    @Test
    void aLinkNotSignedForThatEditionIsRefused() throws Exception {
        String article = "http://localhost:8080/articles/" + TestContent.unique("signed");
        String tracked = local(links.tracked(edition, article));
        String signature = tracked.substring(tracked.lastIndexOf('/') + 1, tracked.indexOf('?'));
        String foreign = URLEncoder.encode("https://evil.example/phish", StandardCharsets.UTF_8);

        assertRefused("/r/" + edition + "/" + signature + "?u=" + foreign);
        assertRefused("/r/" + other + "/" + signature + "?u=" + URLEncoder.encode(article, StandardCharsets.UTF_8));
        assertRefused("/r/" + edition + "/" + (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1) + "?u="
                + URLEncoder.encode(article, StandardCharsets.UTF_8));
        assertRefused("/r/" + edition + "/" + signature);
        assertRefused("/r/" + edition + "/?u=" + foreign);
        assertRefused("/r/not-an-edition/" + signature + "?u=" + foreign);
        assertThat(clicks(edition, article)).isZero();
        assertThat(jdbc.sql("select count(*) from edition_link_clicks where url like 'https://evil.example/%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theEmailsLinksGoThroughTheRedirectButTheReadersOwn() {
        String html = "<p><a href=\"http://localhost:8080/articles/a?x=1&amp;y=2\">A</a>"
                + " <a href=\"http://localhost:8080/newsletter/unsubscribe?token=READER\">Leave</a></p>";
        String tracked = links.trackHtml(edition, html, "READER");
        Document document = Jsoup.parse(tracked);
        String first = document.select("a").get(0).attr("href");
        assertThat(first)
                .startsWith("http://localhost:8080/r/" + edition + "/")
                .endsWith(
                        "?u=" + URLEncoder.encode("http://localhost:8080/articles/a?x=1&y=2", StandardCharsets.UTF_8));
        assertThat(document.select("a").get(1).attr("href"))
                .isEqualTo("http://localhost:8080/newsletter/unsubscribe?token=READER");

        String text = links.trackText(
                edition,
                "Read: http://localhost:8080/articles/a?x=1&y=2\nLeave: http://localhost:8080/newsletter/unsubscribe?token=READER\n",
                "READER");
        assertThat(text)
                .contains("Read: " + first + "\n")
                .contains("Leave: http://localhost:8080/newsletter/unsubscribe?token=READER");
    }

    @Test
    void opensAreCountedOnlyOnceAnAdminTurnsThemOn() throws Exception {
        String email = "<html><body><p><a href=\"http://localhost:8080/\">Home</a></p></body></html>";
        assertThat(links.trackHtml(edition, email, "READER"))
                .as("off by default")
                .doesNotContain("u=opened");
        try {
            settings.set(TestData.ADMIN, EditionLinks.OPENS_SETTING, "true");
            String tracked = links.trackHtml(edition, email, "READER");
            String pixel = Jsoup.parse(tracked).select("img").attr("src");
            assertThat(pixel)
                    .startsWith("http://localhost:8080/r/" + edition + "/")
                    .endsWith("?u=opened");
            assertThat(tracked).endsWith("></body></html>");
            HttpResponse<String> image = follow(local(pixel), ReadershipCountingHttpTests.BROWSER);
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type")).hasValue("image/gif");
            assertThat(image.headers().firstValue("Set-Cookie")).isEmpty();
            // another edition's pixel is refused
            assertRefused(local(pixel).replace("/r/" + edition + "/", "/r/" + other + "/"));
            assertThat(jdbc.sql("select opens from edition_opens where edition_id = :e")
                            .param("e", edition)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1L);
            String page = mvc.perform(
                            get("/admin/analytics").param("period", "7").with(user(TestData.EDITOR)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(Jsoup.parse(page).select("#editions-table th").text()).contains("Opens");
        } finally {
            settings.reset(TestData.ADMIN, EditionLinks.OPENS_SETTING);
        }
        assertThat(links.trackHtml(edition, email, "READER")).doesNotContain("u=opened");
    }

    @Test
    void theReadershipPageComparesTheEditions() throws Exception {
        String email = TestContent.unique("left") + "@example.org";
        long leaver = jdbc.sql("insert into subscribers (email, status, source, consented_at, created_at, updated_at,"
                        + " unsubscribed_at) values (:email, 'UNSUBSCRIBED', 'footer', now(), now(), now(),"
                        + " now() + interval '1 hour') returning id")
                .param("email", email)
                .query(Long.class)
                .single();
        delivery(edition, leaver, email, "SENT");
        delivery(edition, null, TestContent.unique("a") + "@example.org", "SENT");
        delivery(edition, null, TestContent.unique("b") + "@example.org", "FAILED");
        links.click(edition, "http://localhost:8080/articles/compared");
        links.click(edition, "http://localhost:8080/articles/compared");

        String page = mvc.perform(get("/admin/analytics").param("period", "7").with(user(TestData.EDITOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document document = Jsoup.parse(page);
        String row = document.select("#editions-table tr:has(a:containsOwn(" + subject + "))")
                .first()
                .text();
        // recipients 3, delivered 2, failed 1, bounced 0, complaints 0, clicks 2, unsubscribed 1
        assertThat(row).endsWith("3 2 1 0 0 2 1");
        assertThat(document.select("#links-table").text()).contains("http://localhost:8080/articles/compared");
        String csv = mvc.perform(get("/admin/analytics.csv")
                        .param("table", "editions")
                        .param("period", "7")
                        .with(user(TestData.EDITOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).contains(subject + ",").containsPattern(",3,2,1,0,0,0,2,1,0\r\n");
        mvc.perform(get("/admin/analytics.csv").param("table", "editions").with(user(TestData.CONTRIBUTOR)))
                .andExpect(status().isNotFound());
    }

    private long sentEdition(String title) {
        return jdbc.sql("insert into editions (subject, state, started_at, finished_at, recipients, created_at,"
                        + " updated_at) values (:subject, 'SENT', now(), now(), 3, now(), now()) returning id")
                .param("subject", title)
                .query(Long.class)
                .single();
    }

    private void delivery(long edition, Long subscriber, String email, String state) {
        jdbc.sql("insert into edition_deliveries (edition_id, subscriber_id, email, state, next_attempt_at)"
                        + " values (:edition, :subscriber, :email, :state, now())")
                .param("edition", edition)
                .param("subscriber", subscriber)
                .param("email", email)
                .param("state", state)
                .update();
    }

    private long clicks(long edition, String url) {
        return jdbc.sql("select coalesce(sum(clicks), 0) from edition_link_clicks where edition_id = :e and url = :u")
                .param("e", edition)
                .param("u", url)
                .query(Long.class)
                .single();
    }

    private void assertRefused(String path) throws Exception {
        HttpResponse<String> refused = follow(path, ReadershipCountingHttpTests.BROWSER);
        assertThat(refused.statusCode()).as(path).isEqualTo(404);
        assertThat(refused.headers().firstValue("Location")).as(path).isEmpty();
    }

    /** The path of an absolute address of the site (the site URL is not this test server's). */
    private static String local(String absolute) {
        return absolute.substring("http://localhost:8080".length());
    }

    private HttpResponse<String> follow(String path, String agent) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("User-Agent", agent)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
