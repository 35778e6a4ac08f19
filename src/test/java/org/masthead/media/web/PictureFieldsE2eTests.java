package org.masthead.media.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.author.Author;
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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: an image file dropped on the editor's featured-image field, or pasted into an author's photo field,
 * is described in place, uploaded through the media library's checks and chosen; a file the library refuses is
 * named, with what was typed kept. The pickers page through the library.
 */
class PictureFieldsE2eTests extends BrowserTest {

    @Autowired
    TestContent content;

    @Autowired
    ImageService images;

    @Autowired
    JdbcTemplate jdbc;

    /** Drops (or, with arguments[2] true, pastes) files (name, type, base64 bytes) on the element, as a desktop does. */
    private static final String DROP = """
            const target = arguments[0];
            const data = new DataTransfer();
            for (const [name, type, base64] of arguments[1]) {
              const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
              data.items.add(new File([bytes], name, {type}));
            }
            if (arguments[2]) {
              target.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
              return;
            }
            const box = target.getBoundingClientRect();
            const at = {clientX: box.left + 10, clientY: box.top + 10, dataTransfer: data, bubbles: true,
                        cancelable: true};
            target.dispatchEvent(new DragEvent('dragenter', at));
            target.dispatchEvent(new DragEvent('dragover', at));
            target.dispatchEvent(new DragEvent('drop', at));
            """;

    private void signIn() {
        open("/login");
        browser.findElement(By.id("email")).sendKeys("editor@example.org");
        browser.findElement(By.id("password")).sendKeys("demo-editor-password");
        clickAndWait(By.id("login-button"));
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    private static List<String> file(String name, String type, byte[] bytes) {
        return List.of(name, type, Base64.getEncoder().encodeToString(bytes));
    }

    @Test
    void anImageDroppedOnTheFeaturedImageFieldIsUploadedAndChosen(TestInfo test) throws Exception {
        Article article = content.draft(content.section(), List.of(content.author()), List.of());
        signIn();
        open("/admin/articles/" + article.getId());
        WebElement title = waitFor(By.id("title"));
        title.sendKeys(Keys.chord(Keys.CONTROL, "a"), "A title typed before the picture");
        WebElement picker = browser.findElement(By.cssSelector("#featured-image-choice .media-picker"));
        script("arguments[0].scrollIntoView({block: 'center'});", picker);
        assertThat(browser.findElement(By.id("featuredImageId-file")).getDomAttribute("name"))
                .as("the upload's file field is never sent with the form")
                .isNull();

        // Not an image: described, refused with the library's reason, the file named; what was typed stays.
        script(
                DROP,
                picker,
                List.of(file("notes.png", "image/png", "not a picture".getBytes(StandardCharsets.UTF_8))),
                false);
        WebElement alt = waitFor(By.id("featuredImageId-alt"));
        assertThat(browser.findElement(By.id("featuredImageId-describe")).getText())
                .contains("notes.png");
        assertThat(browser.switchTo().activeElement()).isEqualTo(alt);
        alt.sendKeys(Keys.ENTER);
        assertThat(alt.getAttribute("aria-invalid")).isEqualTo("true");
        alt.sendKeys("A harbour at dawn", Keys.ENTER);
        WebElement status = browser.findElement(By.id("featuredImageId-upload-status"));
        wait.until(ExpectedConditions.textToBePresentInElement(status, "notes.png was not uploaded"));
        assertThat(status.getText()).contains("not an image we accept", "Choose the file again");
        assertThat(alt.getAttribute("value")).isEqualTo("A harbour at dawn");
        assertThat(title.getAttribute("value")).isEqualTo("A title typed before the picture");
        assertThat(browser.findElement(By.id("featuredImageId-none")).isSelected())
                .isTrue();
        screenshot(test, "1-refused");

        // The right file: the alt text typed before is still there; uploaded, it is the chosen image.
        String name = "harbour" + System.nanoTime() + ".png";
        script(DROP, picker, List.of(file(name, "image/png", TestImages.png(800, 600))), false);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("featuredImageId-describe"), name));
        browser.findElement(By.id("featuredImageId-caption")).sendKeys("Dawn over the harbour");
        browser.findElement(By.id("featuredImageId-upload")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(status, name + " is in the media library and chosen"));
        WebElement chosen = browser.findElement(By.cssSelector("#featured-image-choice input[type=radio]:checked"));
        long id = Long.parseLong(chosen.getAttribute("value"));
        assertThat(images.get(id).getAltText()).isEqualTo("A harbour at dawn");
        assertThat(images.get(id).getCaption()).isEqualTo("Dawn over the harbour");
        assertThat(browser.findElement(By.id("featuredImageId-describe")).isDisplayed())
                .isFalse();
        // its thumbnail is shown, as the library's own are
        WebElement thumbnail = browser.findElement(By.cssSelector("label[for=featuredImageId-" + id + "] img"));
        wait.until(driver -> Boolean.TRUE.equals(
                script("return arguments[0].complete && arguments[0].naturalWidth > 0;", thumbnail)));
        screenshot(test, "2-chosen");

        clickAndWait(By.id("save-button"));
        waitFor(By.id("notice"));
        assertThat(jdbc.queryForObject(
                        "select featured_image_id from articles where id = ?", Long.class, article.getId()))
                .isEqualTo(id);
        assertThat(jdbc.queryForObject("select title from articles where id = ?", String.class, article.getId()))
                .isEqualTo("A title typed before the picture");
    }

    @Test
    void anImagePastedIntoAnAuthorsPhotoFieldIsUploadedAndChosen(TestInfo test) throws Exception {
        Author author = content.author();
        signIn();
        open("/admin/authors/" + author.getId());
        WebElement picker = browser.findElement(By.cssSelector(".media-picker"));
        script("arguments[0].scrollIntoView({block: 'center'});", picker);
        String name = "portrait" + System.nanoTime() + ".jpg";
        script(DROP, picker, List.of(file(name, "image/jpeg", TestImages.jpeg(600, 800))), true);
        WebElement alt = waitFor(By.id("photoImageId-alt"));
        alt.sendKeys("A portrait of the author", Keys.ENTER);
        WebElement status = browser.findElement(By.id("photoImageId-upload-status"));
        wait.until(ExpectedConditions.textToBePresentInElement(status, name + " is in the media library and chosen"));
        long id = Long.parseLong(browser.findElement(By.cssSelector(".media-picker input[type=radio]:checked"))
                .getAttribute("value"));
        screenshot(test, "author-photo");
        clickAndWait(By.id("save-author-button"));
        assertThat(jdbc.queryForObject("select photo_image_id from authors where id = ?", Long.class, author.getId()))
                .isEqualTo(id);
    }

    @Test
    void thePickerPagesThroughTheLibraryKeepingTheChoice(TestInfo test) throws Exception {
        // More images than one page of the picker shows.
        int have = jdbc.queryForObject("select count(*) from images", Integer.class);
        for (int i = have; i <= MediaPicker.PICKER_SIZE; i++) {
            images.upload(Actor.importing("e2e"), TestImages.png(40, 30), "page" + i + ".png", "Filler " + i, "", "");
        }
        Author author = content.author();
        signIn();
        open("/admin/authors/" + author.getId());
        WebElement first = browser.findElement(By.cssSelector(".media-picker__list input[type=radio]"));
        script("arguments[0].click();", first);
        String chosen = first.getAttribute("value");

        WebElement older = waitFor(By.cssSelector(".media-picker .media-pages__button[data-page='2']"));
        script("arguments[0].scrollIntoView({block: 'center'});", older);
        older.click();
        waitFor(By.cssSelector(".media-picker .media-pages__button[data-page='1']"));
        assertThat(browser.findElement(By.cssSelector(".media-picker .media-pages__number"))
                        .getText())
                .isEqualTo("Page 2");
        // the image chosen on page 1 is still the choice
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(driver ->
                        driver.findElement(By.id("photoImageId-" + chosen)).isSelected());
        screenshot(test, "page-2");
    }
}
