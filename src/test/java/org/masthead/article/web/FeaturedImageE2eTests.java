package org.masthead.article.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.TestContent;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.security.Actor;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: a new article gets its featured image on the editor page before its first save, and an image found
 * in the library goes into its body; published, the public page shows both as figures with srcset and sizes.
 */
class FeaturedImageE2eTests extends BrowserTest {

    @Autowired
    ImageService images;

    @Test
    void aNewArticleIsIllustratedFromTheEditorAndThePublishedPageShowsTheFigures(TestInfo test) throws Exception {
        String word = "beacon" + System.nanoTime();
        Image featured = images.upload(
                Actor.importing("e2e"), TestImages.jpeg(1200, 800), word + "-top.jpg", "A beacon on a hill", "", "");
        Image inBody = images.upload(
                Actor.importing("e2e"),
                TestImages.jpeg(900, 600),
                word + ".jpg",
                "A beacon at night",
                "The beacon",
                "Example Agency");
        open("/login");
        browser.findElement(By.id("email")).sendKeys("editor@example.org");
        browser.findElement(By.id("password")).sendKeys("demo-editor-password");
        clickAndWait(By.id("login-button"));
        open("/admin/articles/new");
        useMarkdownView();

        String title = "Beacons " + TestContent.unique("e2e");
        browser.findElement(By.id("title")).sendKeys(title);
        // an article publishes only with an author
        new Select(browser.findElement(By.id("author-0"))).selectByVisibleText("Tomas Lindqvist");
        WebElement body = browser.findElement(By.id("body"));
        body.sendKeys("Beacons were lit along the coast.\n\n");
        // The featured image, chosen before the first save, found with the picker's search.
        WebElement pickerSearch = browser.findElement(By.id("featuredImageId-q"));
        script("arguments[0].scrollIntoView({block: 'center'});", pickerSearch);
        pickerSearch.sendKeys(word + "-top");
        wait.until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#featured-image-choice .media-picker__list input[type=radio]"), 1));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    WebElement radio = driver.findElement(By.id("featuredImageId-" + featured.getId()));
                    script("arguments[0].click();", radio);
                    return radio.isSelected();
                });

        // An image from the library into the body, with the insert helper's search.
        waitFor(By.id("md-image")).click();
        browser.findElement(By.id("media-insert-q")).sendKeys(word + ".jpg");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("insert-image-" + inBody.getId())));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    WebElement insert = driver.findElement(By.id("insert-image-" + inBody.getId()));
                    script("arguments[0].scrollIntoView({block: 'center'});", insert);
                    insert.click();
                    return true;
                });
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview figure.figure img[srcset]")));
        clickAndWait(By.id("save-button"));
        waitFor(By.id("notice"));
        assertThat(browser.findElement(By.id("featuredImageId-" + featured.getId()))
                        .isSelected())
                .isTrue();
        screenshot(test, "editor-featured-image");

        clickAndWait(By.id("publish-button"));
        waitFor(By.id("public-link"));
        clickAndWait(By.id("public-link"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        // Both figures: the featured image at the top, the library image in the body with its credit as typed.
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("figure img[src^='" + featured.getUrl() + "'][srcset][sizes][width][height]")));
        WebElement figure =
                browser.findElement(By.xpath("//figure[.//img[starts-with(@src, '" + inBody.getUrl() + "')]]"));
        assertThat(figure.findElement(By.tagName("img")).getAttribute("srcset")).isNotBlank();
        assertThat(figure.findElement(By.tagName("img")).getAttribute("width")).isNotBlank();
        assertThat(figure.findElement(By.tagName("img")).getAttribute("height")).isNotBlank();
        assertThat(figure.getText()).contains("The beacon").contains("Example Agency");
        screenshot(test, "published-figures");
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }
}
