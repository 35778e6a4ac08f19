package org.masthead.article.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleService;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.security.Actor;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor's helpers in Chromium: the Markdown toolbar, keyboard shortcuts, the word count and SEO counters. */
class EditorToolsE2eTests extends BrowserTest {

    @Autowired
    TestContent content;

    @Autowired
    ArticleService articles;

    @Test
    void toolbarShortcutsAndCountersHelpTheEditor(TestInfo test) throws Exception {
        Article article = content.draft(content.section(), List.of(content.author()), List.of());
        open("/login");
        browser.findElement(By.id("email")).sendKeys("editor@example.org");
        browser.findElement(By.id("password")).sendKeys("demo-editor-password");
        clickAndWait(By.id("login-button"));
        open("/admin/articles/" + article.getId());
        useMarkdownView();
        waitFor(By.id("md-bold"));

        WebElement body = browser.findElement(By.id("body"));
        script("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input'));", body);
        body.sendKeys("One two three four five");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("body-stats"), "5 words"));
        assertThat(browser.findElement(By.id("body-stats")).getText()).contains("1 min read");

        // Select "three" and make it bold with the toolbar, then italicise "five" with the keyboard.
        script("arguments[0].focus(); arguments[0].setSelectionRange(8, 13);", body);
        browser.findElement(By.id("md-bold")).click();
        assertThat(body.getAttribute("value")).isEqualTo("One two **three** four five");
        int five = body.getAttribute("value").indexOf("five");
        script(
                "arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[2]);",
                body,
                five,
                five + 4);
        body.sendKeys(Keys.chord(Keys.CONTROL, "i"));
        assertThat(body.getAttribute("value")).isEqualTo("One two **three** four _five_");

        // A footnote: the reference at the caret, the definition at the end, ready to be typed over.
        script("arguments[0].focus(); arguments[0].setSelectionRange(3, 3);", body);
        browser.findElement(By.id("md-footnote")).click();
        body.sendKeys("A source.");
        assertThat(body.getAttribute("value")).isEqualTo("One[^1] two **three** four _five_\n\n[^1]: A source.\n");

        // The SEO counters say how much search engines show, and mark a description that is too long.
        WebElement seoTitle = browser.findElement(By.id("seo-title"));
        seoTitle.clear();
        seoTitle.sendKeys("Twelve chars");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("seo-title-count"), "12 of 60"));
        WebElement description = browser.findElement(By.id("seo-description"));
        description.clear();
        description.sendKeys("x".repeat(156));
        wait.until(ExpectedConditions.attributeContains(By.id("seo-description-count"), "class", "counter--over"));

        // Ctrl+S saves the form as the Save button does.
        description.clear();
        description.sendKeys("A short description.");
        body.sendKeys(Keys.chord(Keys.CONTROL, "s"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        screenshot(test, "editor-tools");
        assertThat(articles.get(article.getId())
                        .getBodyMarkdown()
                        .replace("\r\n", "\n")
                        .strip())
                .isEqualTo("One[^1] two **three** four _five_\n\n[^1]: A source.");
        assertThat(articles.get(article.getId()).getSeoDescription()).isEqualTo("A short description.");
    }

    @Test
    void anImageFoundInTheLibraryGoesIntoTheBodyAsAFigure(TestInfo test) throws Exception {
        String word = "lantern" + System.nanoTime();
        Image image = images.upload(
                Actor.importing("test"), TestImages.jpeg(900, 600), word + ".jpg", "A lantern at dusk", "Dusk", "");
        Article article = content.draft(content.section(), List.of(content.author()), List.of());
        open("/login");
        browser.findElement(By.id("email")).sendKeys("editor@example.org");
        browser.findElement(By.id("password")).sendKeys("demo-editor-password");
        clickAndWait(By.id("login-button"));
        open("/admin/articles/" + article.getId());
        useMarkdownView();
        // Brought to the middle of the window, as an editor scrolls to it: at the bottom edge the sticky actions bar
        // lies over it.
        WebElement imageButton = waitFor(By.id("md-image"));
        script("arguments[0].scrollIntoView({block: 'center'});", imageButton);
        imageButton.click();

        WebElement search = browser.findElement(By.id("media-insert-q"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(search);
        search.sendKeys(word);
        // The recent images give way to the one match.
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".media-insert__button"), 1));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("insert-image-" + image.getId())));
        // Typing may have sent more than one search: click the button of whichever answer came last.
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    WebElement insert = driver.findElement(By.id("insert-image-" + image.getId()));
                    script("arguments[0].scrollIntoView({block: 'center'});", insert);
                    insert.click();
                    return true;
                });
        assertThat(browser.findElement(By.id("body")).getAttribute("value")).contains(image.getMarkdown());

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview figure.figure img[srcset]")));
        screenshot(test, "inserted-figure");
        clickAndWait(By.id("save-button"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        assertThat(articles.get(article.getId()).getBodyHtml()).contains("<figure class=\"figure\">");
    }

    @Autowired
    ImageService images;

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }
}
