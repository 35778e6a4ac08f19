package org.masthead.analytics.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.HttpTest;
import org.masthead.StaffBrowser;
import org.masthead.TestContent;
import org.masthead.account.AccountService;
import org.masthead.analytics.ReaderCounts;
import org.masthead.article.Article;
import org.masthead.article.PreviewLinks;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.security.Role;
import org.masthead.web.SiteProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readership counting over real HTTP, as a reader's browser meets it: the article page's {@code <noscript>} image
 * counts one view, sets no cookie and leaves the page's bytes the same for everyone; robots, readers who ask not to
 * be tracked, staff and previews are not counted; the rate limit holds. The tables are read after each write.
 */
@HttpTest
class ReadershipCountingHttpTests {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/140.0.0.0 Safari/537.36";
    private static final Pattern PIXEL = Pattern.compile("<noscript><img[^>]*src=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Autowired
    ReaderCounts counts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PreviewLinks previews;

    @Autowired
    AccountService accounts;

    @Autowired
    FilterRegistrationBean<BeaconFilter> beaconFilter;

    @Autowired
    Clock clock;

    @Autowired
    SiteProperties site;

    final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    Section section;
    Author author;
    Article article;

    @BeforeEach
    void anArticle() {
        section = content.section();
        author = content.author();
        article = content.published(
                section, List.of(author), List.of(), Instant.now().minus(Duration.ofDays(1)));
        counts.flush();
    }

    @Test
    void aViewWithoutJavaScriptIsCountedOnceAndSetsNoCookie() throws Exception {
        HttpResponse<String> page = get("/articles/" + article.getSlug(), BROWSER);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(page.body())
                .contains("data-article=\"" + article.getId() + "\"")
                .containsPattern("<script src=\"/js/readership-[0-9a-f]+\\.js\" defer");
        String pixel = pixel(page.body());
        assertThat(pixel).isEqualTo("/count?p=article&a=" + article.getId());

        HttpResponse<String> counted = get(pixel, BROWSER);
        assertThat(counted.statusCode()).isEqualTo(200);
        assertThat(counted.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(counted.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(counted.headers().firstValue("Set-Cookie")).isEmpty();
        counts.flush();
        assertThat(views(article)).containsExactly(1L, 1L);

        // The same reader again: a second view, still one visitor. The page is the same bytes for everyone.
        HttpResponse<String> again = get("/articles/" + article.getSlug(), "Mozilla/5.0 (iPhone) Mobile Safari");
        assertThat(again.body()).isEqualTo(page.body());
        get(pixel, BROWSER);
        counts.flush();
        assertThat(views(article)).containsExactly(2L, 1L);
    }

    @Test
    void aBeaconIsAnsweredWithNoContentAndCountsTheReferringDomain() throws Exception {
        String domain = TestContent.unique("ref").toLowerCase() + ".example.net";
        HttpResponse<String> beacon = post("/count?p=article&a=" + article.getId() + "&r=www." + domain, BROWSER, null);
        assertThat(beacon.statusCode()).isEqualTo(204);
        assertThat(beacon.headers().firstValue("Set-Cookie")).isEmpty();
        counts.flush();
        assertThat(views(article)).containsExactly(1L, 1L);
        assertThat(jdbc.sql("select views from analytics_referrer_days where day = :day and domain = :domain")
                        .param("day", today())
                        .param("domain", domain)
                        .query(Long.class)
                        .list())
                .containsExactly(1L);
    }

    @Test
    void robotsAndReadersWhoAskNotToBeTrackedAreNotCounted() throws Exception {
        String beacon = "/count?p=article&a=" + article.getId();
        assertThat(post(beacon, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", null)
                        .statusCode())
                .isEqualTo(204);
        post(beacon, "curl/8.5.0", null);
        post(beacon, "", null);
        post(beacon, BROWSER, "DNT");
        post(beacon, BROWSER, "Sec-GPC");
        counts.flush();
        assertThat(views(article)).isEmpty();
    }

    @Test
    void staffWithTheirSessionAreNotCounted() throws Exception {
        StaffBrowser staff = new StaffBrowser(port);
        staff.signIn(StaffBrowser.newMember(accounts, Role.CONTRIBUTOR));
        String cookie = Base64.getEncoder().encodeToString(staff.sessionId().getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> beacon = http.send(
                HttpRequest.newBuilder(uri("/count?p=article&a=" + article.getId()))
                        .header("User-Agent", BROWSER)
                        .header("Cookie", "SESSION=" + cookie)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(beacon.statusCode()).isEqualTo(204);
        counts.flush();
        assertThat(views(article)).isEmpty();
    }

    @Test
    void aPreviewCarriesNoCounterAndADraftIsNeverCounted() throws Exception {
        Article draft = content.draft(section, List.of(author), List.of());
        String token = previews.create(draft.getId(), TestContent.EDITOR);
        HttpResponse<String> preview = get("/preview/" + token, BROWSER);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).doesNotContain("readership").doesNotContain("/count");

        post("/count?p=article&a=" + draft.getId(), BROWSER, null);
        counts.flush();
        assertThat(views(draft)).isEmpty();
    }

    @Test
    void oneAddressIsLimitedAndOthersStillCounted() throws Exception {
        BeaconFilter filter = beaconFilter.getFilter();
        int accepted = 0;
        for (int i = 0; i < 60; i++) {
            int status = beacon(filter, "198.51.100.7").getStatus();
            assertThat(status).isIn(204, 429);
            if (status == 204) {
                accepted++;
            }
        }
        MockHttpServletResponse other = beacon(filter, "198.51.100.8");
        counts.flush();
        // the default burst is 30, then 2 a second: a quick loop of 60 gets little more than the burst
        assertThat(accepted).isBetween(30, 36);
        assertThat(other.getStatus()).isEqualTo(204);
        assertThat(views(article)).containsExactly(accepted + 1L, 2L);
    }

    private MockHttpServletResponse beacon(BeaconFilter filter, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/count");
        request.setRemoteAddr(address);
        request.addHeader("User-Agent", BROWSER);
        request.setParameter("p", "article");
        request.setParameter("a", Long.toString(article.getId()));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    /** The article's views and visitors today, or nothing when it has no row. */
    private List<Long> views(Article counted) {
        return jdbc.sql("select views, visitors from analytics_article_days where day = :day and article_id = :id")
                .param("day", today())
                .param("id", counted.getId())
                .query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2)))
                .optional()
                .orElse(List.of());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), site.timeZone());
    }

    private static String pixel(String html) {
        Matcher matcher = PIXEL.matcher(html);
        assertThat(matcher.find()).as("a <noscript> image").isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private HttpResponse<String> get(String path, String agent) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path)).header("User-Agent", agent).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String agent, String optOut) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
        if (!agent.isEmpty()) {
            request.header("User-Agent", agent);
        }
        if (optOut != null) {
            request.header(optOut, "1");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
