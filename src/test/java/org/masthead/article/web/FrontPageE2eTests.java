package org.masthead.article.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.HttpPage;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.FrontPage;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** An editor picks the lead story on the Front page admin page, in Chromium, and it leads the home page. */
class FrontPageE2eTests extends BrowserTest {

    @Autowired
    TestContent content;

    @Autowired
    FrontPage frontPage;

    @Autowired
    MutableClock clock;

    @AfterEach
    void newestAgain() {
        frontPage.choose(null, List.of(), TestContent.EDITOR);
    }

    @Test
    void anEditorPinsALeadStoryAndItLeadsTheHomePage(TestInfo test) throws Exception {
        Section section = content.section();
        Author author = content.author();
        // Among the newest (the page offers the newest hundred), but not the newest: that one leads by default.
        content.published(section, List.of(author), List.of(), clock.instant().minus(Duration.ofSeconds(1)));
        Article older = content.published(
                section, List.of(author), List.of(), clock.instant().minus(Duration.ofSeconds(2)));
        Article featured = content.published(
                section, List.of(author), List.of(), clock.instant().minus(Duration.ofSeconds(3)));
        // The server's page cache holds the home page from before (read outside the browser: the browser's own
        // HTTP cache would keep it for a minute, as it would for any reader).
        String before = HttpPage.get(port, "/").body();
        int leadTitle = before.indexOf("class=\"lead__title\"");
        assertThat(leadTitle).isPositive();
        assertThat(before.substring(leadTitle, before.indexOf("</h2>", leadTitle)))
                .doesNotContain(older.getTitle());

        open("/login");
        browser.findElement(By.id("email")).sendKeys("editor@example.org");
        browser.findElement(By.id("password")).sendKeys("demo-editor-password");
        clickAndWait(By.id("login-button"));
        open("/admin");
        clickAndWait(By.id("nav-front-page"));
        new Select(browser.findElement(By.id("lead")))
                .selectByValue(older.getId().toString());
        new Select(browser.findElement(By.id("featured0")))
                .selectByValue(featured.getId().toString());
        clickAndWait(By.id("save-front-page-button"));
        assertThat(waitFor(By.id("notice")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("current-lead")).getText()).contains(older.getTitle());
        screenshot(test, "front-page-admin");

        clickAndWait(By.id("view-home"));
        assertThat(browser.findElement(By.cssSelector(".lead__title")).getText())
                .isEqualTo(older.getTitle());
        assertThat(browser.findElement(By.cssSelector(".cards .card--featured .card__title"))
                        .getText())
                .isEqualTo(featured.getTitle());
    }
}
