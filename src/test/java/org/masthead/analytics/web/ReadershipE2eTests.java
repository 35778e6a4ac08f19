package org.masthead.analytics.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.StaffBrowser;
import org.masthead.TestContent;
import org.masthead.account.AccountService;
import org.masthead.analytics.ReaderCounts;
import org.masthead.article.Article;
import org.masthead.security.Role;
import org.masthead.web.SiteProperties;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readership in headless Chromium: an article read with JavaScript is counted once, by its beacon (the
 * {@code <noscript>} image is not loaded as well); and the newsroom's readership page draws its charts from the
 * tables beside them, with no serious or critical axe finding at 1280 and 390 px, saved as screenshots.
 */
class ReadershipE2eTests extends BrowserTest {

    @Autowired
    TestContent content;

    @Autowired
    ReaderCounts counts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    Clock clock;

    @Autowired
    SiteProperties site;

    @Test
    void anArticleReadInABrowserIsCountedOnceByItsBeacon() throws Exception {
        Article article = content.published(
                content.section(),
                List.of(content.author()),
                List.of(),
                Instant.now().minus(Duration.ofHours(3)));
        counts.flush();
        // Headless Chromium names itself in its agent, and robots are not counted: this one passes as a reader.
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Network.setUserAgentOverride",
                        Map.of(
                                "userAgent",
                                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                                        + " Chrome/140.0.0.0 Safari/537.36"));
        open("/articles/" + article.getSlug());
        assertThat(browser.manage().getCookies()).isEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (views(article) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            counts.flush();
        }
        assertThat(views(article)).as("counted by the beacon").isEqualTo(1);
        Thread.sleep(1000);
        counts.flush();
        assertThat(views(article))
                .as("counted once: the <noscript> image was not loaded too")
                .isEqualTo(1);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.localStorage.length"))
                .isEqualTo(0L);
    }

    @Test
    void theReadershipPageDrawsItsChartsAndPassesAxe(TestInfo test) throws Exception {
        Article article = content.published(
                content.section(),
                List.of(content.author()),
                List.of(),
                Instant.now().minus(Duration.ofDays(20)));
        LocalDate today = LocalDate.ofInstant(clock.instant(), site.timeZone());
        for (int i = 0; i < 20; i++) {
            jdbc.sql("insert into analytics_article_days (day, article_id, views, visitors) values (:day, :id, :v, :u)"
                            + " on conflict do nothing")
                    .param("day", today.minusDays(i))
                    .param("id", article.getId())
                    .param("v", 40 + (i * 37) % 90)
                    .param("u", 30 + (i * 23) % 60)
                    .update();
        }
        jdbc.sql("insert into analytics_referrer_days (day, domain, views) values (:day, 'news.example.org', 120)"
                        + " on conflict do nothing")
                .param("day", today.minusDays(1))
                .update();

        String email = StaffBrowser.newMember(accounts, Role.ADMIN);
        open("/login");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(StaffBrowser.PASSWORD);
        clickAndWait(By.id("login-button"));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));

        String axe = axeScript();
        List<String> violations = new ArrayList<>();
        for (int width : new int[] {1280, 390}) {
            browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
            open("/admin/analytics?article=" + article.getId());
            waitFor(By.cssSelector("#history-chart canvas"));
            waitFor(By.cssSelector("#days-chart canvas"));
            assertThat(browser.findElements(By.cssSelector("#history-table tbody tr")))
                    .hasSizeGreaterThanOrEqualTo(20);
            assertThat(browser.findElement(By.id("top-table")).getText()).contains(article.getTitle());
            assertThat(browser.findElement(By.id("referrers-table")).getText()).contains("news.example.org");
            Number chartWidth = (Number) js().executeScript(
                            "return document.querySelector('#history-chart canvas').getBoundingClientRect().width");
            assertThat(chartWidth.intValue()).isGreaterThan(200).isLessThanOrEqualTo(width);
            Number pageWidth = (Number) js().executeScript("return document.documentElement.scrollWidth");
            assertThat(pageWidth.intValue())
                    .as("no sideways scrolling at " + width)
                    .isLessThanOrEqualTo(width);
            js().executeScript(axe);
            violations.addAll(axeViolations(width));
            long height = ((Number) js().executeScript("return document.documentElement.scrollHeight")).longValue();
            browser.manage().window().setSize(new Dimension(width, (int) Math.min(height, 5000)));
            assertThat(screenshot(test, "analytics-" + width)).isNotEmptyFile();
        }
        assertThat(violations).as("serious or critical axe violations").isEmpty();
    }

    private long views(Article article) {
        return jdbc.sql("select coalesce(sum(views), 0) from analytics_article_days where article_id = :id")
                .param("id", article.getId())
                .query(Long.class)
                .single();
    }

    private List<String> axeViolations(int width) {
        Object found = js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(results => done(results.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ' (' + v.help + '): '
                        + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        List<String> failures = new ArrayList<>();
        for (Object violation : (List<?>) found) {
            failures.add(width + "px → " + violation);
        }
        return failures;
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    private static String axeScript() throws IOException {
        try (InputStream in = ReadershipE2eTests.class.getResourceAsStream("/axe/axe.min.js")) {
            assertThat(in).as("axe-core vendored under src/test/resources/axe").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
