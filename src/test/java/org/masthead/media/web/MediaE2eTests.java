package org.masthead.media.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.author.AuthorService;
import org.masthead.media.TestImages;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real Chromium: an admin uploads an image to the media library, makes it an author's photo, and sees it
 * on the author's public page.
 */
class MediaE2eTests extends BrowserTest {

    static final String ADMIN_EMAIL = "admin@example.org";
    static final String ADMIN_PASSWORD = "demo-admin-password";

    @Autowired
    TestContent content;

    @Autowired
    AuthorService authors;

    @Autowired
    MutableClock clock;

    @Test
    void anAdminUploadsAPhotoAndGivesItToAnAuthor(TestInfo test) throws Exception {
        browser.get("http://127.0.0.1:" + port + "/admin/media/new");
        wait.until(ExpectedConditions.urlContains("/login"));
        signIn();
        wait.until(ExpectedConditions.urlContains("/admin/media/new"));

        Path photo = Files.createTempFile("portrait", ".jpg");
        Files.write(photo, TestImages.jpeg(1200, 900));
        waitFor(By.id("upload-form"));
        browser.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.id("altText")).sendKeys("Portrait of the author at her desk");
        screenshot(test, "1-upload");
        clickAndWait(By.id("upload-button"));
        wait.until(ExpectedConditions.urlMatches("/admin/media/\\d+$"));
        String url = browser.getCurrentUrl();
        long imageId = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        assertThat(waitFor(By.id("image-markdown")).getText()).contains("/media/" + imageId + "/portrait");

        String slug = TestContent.unique("photographed");
        open("/admin/authors/new");
        browser.findElement(By.id("name")).sendKeys("Photographed Author");
        browser.findElement(By.id("slug")).sendKeys(slug);
        browser.findElement(By.id("titleLine")).sendKeys("Fellow, Visual Journalism");
        WebElement choice = browser.findElement(By.id("photoImageId-" + imageId));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", choice);
        wait.until(ExpectedConditions.elementToBeClickable(choice)).click();
        screenshot(test, "2-author");
        clickAndWait(By.id("save-author-button"));
        wait.until(ExpectedConditions.urlMatches("/admin/authors/\\d+$"));

        // the author's page (and so their photo) is public once they have a public article
        content.published(
                content.section(),
                List.of(authors.findBySlug(slug).orElseThrow()),
                List.of(),
                clock.instant().minusSeconds(60));
        open("/authors/" + slug);
        WebElement img = waitFor(By.cssSelector(".profile__photo img"));
        assertThat(img.getAttribute("src")).contains("/media/" + imageId + "/");
        assertThat(img.getAttribute("alt")).isEqualTo("Portrait of the author at her desk");
        wait.until(driver -> ((Number) ((JavascriptExecutor) driver)
                                .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", img))
                        .intValue()
                > 0);
        screenshot(test, "3-author-page");
    }

    /** The sign-in form of the accounts feature: fields email and password, button login-button. */
    protected void signIn() {
        waitFor(By.id("email")).sendKeys(ADMIN_EMAIL);
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        clickAndWait(By.id("login-button"));
    }
}
