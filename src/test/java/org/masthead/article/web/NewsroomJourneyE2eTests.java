package org.masthead.article.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.TestContent;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/** An editor's day in the newsroom, in a real browser: sign in, write a draft in Markdown, preview, publish, read. */
class NewsroomJourneyE2eTests extends BrowserTest {

    @Test
    void anEditorWritesPreviewsAndPublishesAnArticle(TestInfo test) throws Exception {
        open("/login");
        browser.findElement(By.id("email")).sendKeys("editor@example.org");
        browser.findElement(By.id("password")).sendKeys("demo-editor-password");
        clickAndWait(By.id("login-button"));
        assertThat(browser.getCurrentUrl()).endsWith("/admin");
        screenshot(test, "1-dashboard");

        clickAndWait(By.id("nav-articles"));
        clickAndWait(By.id("new-article-button"));
        useMarkdownView();
        String title = "Journey " + TestContent.unique("draft");
        browser.findElement(By.id("title")).sendKeys(title);
        new Select(browser.findElement(By.id("section"))).selectByVisibleText("Security Affairs");
        new Select(browser.findElement(By.id("author-0"))).selectByVisibleText("Tomas Lindqvist");
        new Select(browser.findElement(By.id("author-1"))).selectByVisibleText("Priya Raman");
        browser.findElement(By.id("topics")).sendKeys("Alliances, Newsroom Journeys");
        browser.findElement(By.id("body")).sendKeys("""
                Deterrence is *credible* when it is "boring" -- predictable, funded, rehearsed.

                ## What changes

                - exercises every quarter
                - stocks that last

                A third paragraph.

                A fourth, after the newsletter box.""");

        // The live preview (JavaScript) renders through the same pipeline as the public page.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview em")));
        assertThat(browser.findElement(By.cssSelector("#preview h2")).getText()).isEqualTo("What changes");
        assertThat(browser.findElement(By.id("preview")).getText()).contains("\u201cboring\u201d \u2013 predictable");
        screenshot(test, "2-draft-with-preview");

        clickAndWait(By.id("save-button"));
        assertThat(waitFor(By.id("status")).getAttribute("data-status")).isEqualTo("DRAFT");
        String slug = browser.findElement(By.id("slug")).getAttribute("value");
        assertThat(slug).startsWith("journey-");

        clickAndWait(By.id("publish-button"));
        assertThat(waitFor(By.id("status")).getAttribute("data-status")).isEqualTo("PUBLISHED");
        screenshot(test, "3-published");

        clickAndWait(By.id("public-link"));
        assertThat(browser.getCurrentUrl()).endsWith("/articles/" + slug);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        List<String> byline = browser.findElements(By.cssSelector(".article__header .byline a.author-link")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(byline).containsExactly("Tomas Lindqvist", "Priya Raman");
        assertThat(browser.findElement(By.cssSelector(".article__body h2")).getText())
                .isEqualTo("What changes");
        assertThat(browser.findElements(By.cssSelector(".article__body li"))).hasSize(2);
        screenshot(test, "4-public-article");

        open("/sections/security-affairs");
        assertThat(browser.findElement(By.cssSelector("article.card h2 a")).getText())
                .isEqualTo(title);
    }
}
