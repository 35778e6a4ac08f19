package org.masthead.hostile;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.BrowserTest;
import org.masthead.MutableClock;
import org.masthead.StaffHttp;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleService;
import org.masthead.author.Author;
import org.masthead.author.AuthorService;
import org.masthead.section.Section;
import org.masthead.security.Actor;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** In Chromium, none of the hostile payloads stored in an article, its author and section, or reflected in a search, runs. */
class HostileInputE2eTests extends BrowserTest {

    @Autowired
    TestContent content;

    @Autowired
    AuthorService authors;

    @Autowired
    ArticleService articles;

    @Autowired
    MutableClock clock;

    @Test
    void noInjectedScriptRuns() {
        String xss = HostileInputHttpTests.XSS;
        Section section = content.section();
        Author author = authors.create(
                Actor.importing("test"), TestContent.unique("e2e-xss"), "Author " + xss, "Title " + xss, "Bio " + xss);
        String slug = TestContent.unique("e2e-xss");
        Article article = articles.create(
                new ArticleChanges(
                        slug,
                        new ArticleContent("Title " + xss, "Dek " + xss, "Body " + xss + "\n\n" + xss, null, null),
                        section.getId(),
                        List.of(author.getId()),
                        List.of("Topic " + xss)),
                Actor.importing("test"));
        articles.publishBackdated(
                article.getId(), clock.instant().minus(Duration.ofMinutes(5)), Actor.importing("test"));

        for (String path : List.of(
                "/articles/" + slug,
                "/authors/" + author.getSlug(),
                "/sections/" + section.getSlug(),
                "/search?q=" + StaffHttp.encode("Body " + xss))) {
            open(path);
            waitFor(By.tagName("main"));
            Object ran =
                    ((JavascriptExecutor) browser).executeScript("return window.__xss === undefined ? 'no' : 'yes'");
            assertThat(ran).as(path).isEqualTo("no");
            assertThat(browser.findElements(By.cssSelector("[onload], [onerror], [onclick], a[href^='javascript']")))
                    .as(path)
                    .isEmpty();
        }
    }
}
