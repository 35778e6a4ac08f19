package org.masthead.article.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader opens the front page, follows a link to an article, and reads it: byline, body and bio. */
class ReaderJourneyE2eTests extends BrowserTest {

    @Autowired
    private TestContent content;

    @Autowired
    private MutableClock clock;

    @Test
    void aReaderOpensAnArticleFromTheFrontPage(TestInfo test) throws Exception {
        Section section = content.section();
        Author author = content.author();
        Article article = content.published(
                section,
                List.of(author, content.author()),
                List.of("Maritime Security"),
                clock.instant().minus(Duration.ofSeconds(1)));

        open("/");
        screenshot(test, "home");
        WebElement lead = waitFor(By.cssSelector("section.lead h2 a"));
        assertThat(lead.getText()).as("the newest article leads the front page").isEqualTo(article.getTitle());

        clickAndWait(By.cssSelector("section.lead h2 a"));
        assertThat(browser.getCurrentUrl()).endsWith("/articles/" + article.getSlug());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(article.getTitle());
        List<String> byline = browser.findElements(By.cssSelector(".article__header .byline a.author-link")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(byline).hasSize(2).first().isEqualTo(author.getName());
        assertThat(browser.findElement(By.cssSelector(".article__body")).getText())
                .contains("First paragraph of");
        assertThat(browser.findElement(By.cssSelector(".article__body .newsletter-box"))
                        .isDisplayed())
                .isTrue();
        WebElement bio = browser.findElement(By.cssSelector(".bios .bio"));
        assertThat(bio.getText()).contains(author.getName()).contains("Writes tests for");
        screenshot(test, "article");

        clickAndWait(By.cssSelector(".bios .bio__name a"));
        assertThat(browser.getCurrentUrl()).endsWith("/authors/" + author.getSlug());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(author.getName());
    }

    @Test
    void theDemoJournalReadsWellOnAPhone(TestInfo test) throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        open("/sections/security-affairs");
        assertThat(browser.findElements(By.cssSelector("article.card"))).isNotEmpty();
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
        assertThat(overflow).as("no sideways scrolling on a phone").isEqualTo(false);
        screenshot(test, "section-phone");
    }
}
