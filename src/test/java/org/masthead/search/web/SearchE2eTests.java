package org.masthead.search.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.MutableClock;
import org.masthead.article.Article;
import org.masthead.article.ArticleService;
import org.masthead.section.Section;
import org.masthead.testing.Fixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader types into the header's search box, sees ranked, highlighted results, and opens one. */
class SearchE2eTests extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ArticleService articles;

    @Autowired
    MutableClock clock;

    @Test
    void aReaderSearchesFromTheHeaderAndOpensAResult(TestInfo test) throws Exception {
        String word = Fixtures.word();
        Section section = fixtures.section("Browser Desk");
        Article inTitle = fixtures.published(
                section,
                List.of(fixtures.author("Bea Browser")),
                List.of(),
                "Convoys and the " + word + " problem",
                "A dek.",
                "The body of the piece.",
                clock.instant().minus(Duration.ofDays(3)));
        fixtures.published(
                section,
                List.of(fixtures.author("Carl Crawler")),
                List.of(),
                "Another piece",
                "",
                "This one only mentions " + word + " in passing.",
                clock.instant().minus(Duration.ofDays(1)));

        open("/");
        WebElement box = waitFor(By.id("search-box"));
        box.sendKeys(word);
        clickAndWait(By.id("search-button"));

        assertThat(browser.getCurrentUrl()).contains("/search?q=" + word);
        List<WebElement> results = browser.findElements(By.cssSelector(".search-result__link"));
        assertThat(results).hasSize(2);
        assertThat(results.get(0).getText()).isEqualTo(inTitle.getTitle());
        assertThat(browser.findElements(By.cssSelector(".search-result mark"))).isNotEmpty();
        assertThat(browser.findElement(By.id("results-heading")).getAttribute("textContent"))
                .startsWith("2 results");
        screenshot(test, "results");

        clickAndWait(By.cssSelector(".search-result__link"));
        assertThat(browser.getCurrentUrl()).endsWith("/articles/" + inTitle.getSlug());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(inTitle.getTitle());
        screenshot(test, "article");
    }
}
