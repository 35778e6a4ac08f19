package org.masthead.article.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.author.Author;
import org.masthead.author.AuthorService;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's day in one piece: an essay of its own (title, standfirst, a body with a footnote and a picture),
 * signed by a guest author with a bio and a photo created on the way, from the dashboard to the published page
 * with the visual editor, in at most ten clicks. Every click is made through {@link #click}, {@link #enter} or
 * {@link #chooseFile}, which count it: a mouse click or Enter on a control, a file choice. Typing does not count.
 */
class EssayInTenClicksE2eTests extends BrowserTest {

    private static final int MOST_CLICKS = 10;

    @Autowired
    AuthorService authors;

    @Autowired
    ImageService images;

    private final List<String> clicks = new ArrayList<>();

    private void signIn() {
        open("/login");
        browser.findElement(By.id("email")).sendKeys("editor@example.org");
        browser.findElement(By.id("password")).sendKeys("demo-editor-password");
        browser.findElement(By.id("login-button")).click();
        waitFor(By.id("main"));
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    /** One counted click on a control, looked up again if the page was still settling. */
    private void click(String id) {
        clicks.add("click #" + id);
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    WebElement found =
                            ExpectedConditions.elementToBeClickable(By.id(id)).apply(driver);
                    if (found == null) {
                        return null;
                    }
                    script("arguments[0].scrollIntoView({block: 'center'});", found);
                    found.click();
                    return found;
                });
    }

    /** One counted click that leads to another page. */
    private void clickToPage(String id) {
        clicks.add("click #" + id);
        clickAndWait(By.id(id));
    }

    private void enter(WebElement control, String why) {
        clicks.add("Enter " + why);
        control.sendKeys(Keys.ENTER);
    }

    private void chooseFile(WebElement input, Path file) {
        clicks.add("file " + file.getFileName());
        input.sendKeys(file.toAbsolutePath().toString());
    }

    private String body() {
        return browser.findElement(By.id("body")).getAttribute("value");
    }

    @Test
    void anEssayWithAGuestAuthorAndAPictureIsPublishedInAtMostTenClicks(TestInfo test) throws Exception {
        String stamp = Long.toString(System.nanoTime());
        String title = "Tidal power and the grid " + stamp;
        String guest = "Ines Okafor " + stamp;
        Path portrait = Files.createTempFile("portrait", ".jpg");
        Files.write(portrait, TestImages.jpeg(400, 400));
        String picture = Base64.getEncoder().encodeToString(TestImages.png(800, 500));

        signIn();
        open("/admin");
        clickToPage("new-article-button");

        // Typed: title and standfirst.
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("dek")).sendKeys("Why the sea's rhythm suits a grid that must balance every minute.");

        // The body in the visual editor, with a footnote from the toolbar.
        WebElement editor = waitFor(By.id("visual-body"));
        editor.sendKeys("Tides are known a century ahead, which no wind farm can say of its output");
        click("ve-footnote");
        editor.sendKeys("Admiralty tide tables, 2024 edition.");
        wait.until(driver -> body().contains("[^1]: Admiralty tide tables, 2024 edition."));

        // A picture dropped into the text (one file choice), described in place and added with Enter.
        clicks.add("file estuary.png");
        script(DROP, List.of(List.of("estuary" + stamp + ".png", "image/png", picture)));
        WebElement alt = waitFor(By.id("visual-upload-alt"));
        alt.sendKeys("A tidal barrage across an estuary at low water");
        WebElement caption = browser.findElement(By.id("visual-upload-caption"));
        caption.sendKeys("The barrage at low water");
        enter(caption, "in the picture's description");
        wait.until(driver -> body().contains("![A tidal barrage across an estuary at low water]("));

        // The guest author, created from the byline: name, bio, photo.
        click("new-author-button");
        WebElement name = waitFor(By.id("new-author-name"));
        name.sendKeys(guest);
        browser.findElement(By.id("new-author-bio")).sendKeys("Ines Okafor studies marine energy at a coastal lab.");
        chooseFile(browser.findElement(By.id("new-author-photo")), portrait);
        click("new-author-create");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("new-author-status"), guest + " was added to the byline."));
        screenshot(test, "1-written");

        clickToPage("save-button");
        clickToPage("publish-button");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("public-link")));
        clickToPage("public-link");
        screenshot(test, "2-published");

        assertThat(clicks).as("the clicks made: %s", clicks).hasSizeLessThanOrEqualTo(MOST_CLICKS);

        // The published page, as readers see it.
        assertThat(browser.getCurrentUrl()).contains("/articles/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        String page = browser.getPageSource();
        assertThat(page)
                .contains("Why the sea", "which no wind farm can say of its output", "class=\"footnotes\"")
                .contains("Admiralty tide tables, 2024 edition.", "The barrage at low water", guest);
        assertThat(browser.findElements(By.cssSelector("main figure img"))).isNotEmpty();

        // The guest author exists with the bio and the photo given on the way.
        Author created = authors.all().stream()
                .filter(author -> author.getName().equals(guest))
                .findFirst()
                .orElseThrow();
        assertThat(created.getBioMarkdown()).contains("marine energy");
        assertThat(created.getPhoto()).isNotNull();
        assertThat(images.find(created.getPhoto().getId()).orElseThrow().getAltText())
                .isEqualTo("Photo of " + guest);
    }

    private static final String DROP = """
            const target = document.getElementById('visual-body');
            const data = new DataTransfer();
            for (const [name, type, base64] of arguments[0]) {
              const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
              data.items.add(new File([bytes], name, {type}));
            }
            const box = target.getBoundingClientRect();
            const at = {clientX: box.left + 20, clientY: box.bottom - 10, dataTransfer: data, bubbles: true,
                        cancelable: true};
            target.dispatchEvent(new DragEvent('dragenter', at));
            target.dispatchEvent(new DragEvent('dragover', at));
            target.dispatchEvent(new DragEvent('drop', at));
            """;
}
