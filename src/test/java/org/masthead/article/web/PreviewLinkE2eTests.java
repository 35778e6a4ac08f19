package org.masthead.article.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outside reviewer opens the preview link of an illustrated article (featured image, an author with a photo,
 * footnotes, a table, a note) and reads it to the end: the whole page arrives and its pictures load.
 */
class PreviewLinkE2eTests extends BrowserTest {

    @Autowired
    private TestContent content;

    @Autowired
    private IllustratedArticles illustrated;

    @Autowired
    private MutableClock clock;

    @Test
    void aReviewerReadsAnIllustratedPreviewToTheEnd(TestInfo test) throws Exception {
        Author author = illustrated.authorWithPhoto();
        Article draft = illustrated.unpublished(
                content.section(),
                author,
                TestContent.unique("Topic"),
                clock.instant().minus(Duration.ofDays(1)));

        open(illustrated.previewPath(draft));
        assertThat(waitFor(By.id("preview-banner")).getText()).isNotBlank();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(draft.getTitle());

        // Scroll to the end as a reader would. The preview link opens its own article's images only: the photo of an
        // author with no public article stays private.
        WebElement footer = waitFor(By.cssSelector(".site-footer__name"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView();", footer);
        wait.until(
                driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
        wait.until(driver -> loaded(".article__figure img"));

        assertThat(browser.findElement(By.cssSelector(".article__body")).getText())
                .contains(IllustratedArticles.BODY_END);
        assertThat(browser.findElements(By.cssSelector(".article__body table td")))
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".article__body section.footnotes li")))
                .hasSize(1);
        assertThat(browser.findElement(By.cssSelector(".notes")).getText()).contains("misdated the treaty");
        assertThat(browser.findElement(By.cssSelector(".bios .bio")).getText()).contains(author.getName());
        assertThat(footer.isDisplayed()).isTrue();
        screenshot(test, "illustrated-preview-end");
    }

    /** Whether the image has arrived and decoded (a cut-off page never gets that far). */
    private boolean loaded(String selector) {
        Object done = ((JavascriptExecutor) browser)
                .executeScript(
                        "const img = document.querySelector(arguments[0]);"
                                + " return img !== null && img.complete && img.naturalWidth > 0;",
                        selector);
        return Boolean.TRUE.equals(done);
    }
}
