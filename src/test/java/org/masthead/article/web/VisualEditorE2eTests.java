package org.masthead.article.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article body's visual editor in Chromium: what is typed and clicked there is saved as the Markdown the rest
 * of Masthead reads; pasted footnotes never collide; an image dropped into the text is uploaded and becomes a
 * figure; the page passes axe at a desktop's and a phone's width.
 */
class VisualEditorE2eTests extends BrowserTest {

    @Autowired
    TestContent content;

    @Autowired
    ArticleService articles;

    @Autowired
    ImageService images;

    private void signIn() {
        open("/login");
        browser.findElement(By.id("email")).sendKeys("editor@example.org");
        browser.findElement(By.id("password")).sendKeys("demo-editor-password");
        clickAndWait(By.id("login-button"));
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    private String body() {
        return browser.findElement(By.id("body")).getAttribute("value");
    }

    /** Waits for the body's Markdown to be as wanted; if it never is, says what it is and keeps a screenshot. */
    private void waitForBody(TestInfo test, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> wanted)
            throws IOException {
        try {
            wait.until(wanted);
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot(test, "timed-out");
            throw new AssertionError(
                    "The body's Markdown is:\n" + body() + "\nErrors: " + script("return window.errorsSeen;"), e);
        }
    }

    private WebElement visualBody() {
        WebElement found = waitFor(By.id("visual-body"));
        script("window.errorsSeen = []; window.addEventListener('error', e => window.errorsSeen.push(e.message"
                + " + ' ' + (e.error && e.error.stack)));");
        return found;
    }

    private void press(String id) {
        WebElement button = browser.findElement(By.id(id));
        script("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    @Test
    void visualEditingSavesTheExpectedMarkdown(TestInfo test) throws Exception {
        String word = "harbour" + System.nanoTime();
        Image image = images.upload(
                Actor.importing("test"), TestImages.jpeg(900, 600), word + ".jpg", "A harbour crane", "Cranes", "");
        Article article = content.draft(content.section(), List.of(content.author()), List.of());
        articles.get(article.getId());
        signIn();
        open("/admin/articles/" + article.getId());
        WebElement editor = visualBody();
        assertThat(browser.findElement(By.id("body")).isDisplayed())
                .as("the textarea is behind the visual view")
                .isFalse();

        // Start from an empty body, as a new piece would.
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        waitForBody(test, driver -> body().isBlank());

        // Bold from the toolbar, then a link on words selected with the keyboard.
        editor.sendKeys("Plain ");
        press("ve-bold");
        editor.sendKeys("bold");
        press("ve-bold");
        editor.sendKeys(" and a report");
        editor.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT));
        editor.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT));
        press("ve-link");
        WebElement address = waitFor(By.id("visual-link-href"));
        address.clear();
        address.sendKeys("https://example.org/report", Keys.ENTER);
        editor.sendKeys(Keys.END, ".", Keys.ENTER);

        // A list of two items, left with Enter on an empty item.
        press("ve-bullets");
        editor.sendKeys("one", Keys.ENTER, "two", Keys.ENTER, Keys.ENTER);

        // A figure from the library, where the caret is.
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    press("insert-image-" + image.getId());
                    return true;
                });
        waitForBody(test, driver -> body().contains(image.getMarkdown()));

        // A table after it (the caret waits in a new paragraph under the figure), filled cell by cell with Tab.
        press("ve-table");
        editor.sendKeys("Year", Keys.TAB, "Count", Keys.TAB, "2024", Keys.TAB, "3");

        // A footnote at the end of the first paragraph: its text goes at the end, ready to be typed over.
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME), Keys.END);
        press("ve-footnote");
        editor.sendKeys("A source.");
        waitForBody(test, driver -> body().contains("[^1]: A source."));
        screenshot(test, "1-edited");

        String markdown = body();
        assertThat(markdown)
                .startsWith("Plain **bold** and a [report](https://example.org/report).[^1]\n\n- one\n- two\n\n"
                        + image.getMarkdown() + "\n\n");
        assertThat(markdown)
                .containsPattern(
                        "\\| Year +\\| Count +\\|\n\\| :?-+ +\\| :?-+ +\\|\n\\| 2024 +\\| 3 +\\|\n\\| +\\| +\\|\n");
        assertThat(markdown.strip()).endsWith("[^1]: A source.");

        clickAndWait(By.id("save-button"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        Article saved = articles.get(article.getId());
        assertThat(saved.getBodyMarkdown().replace("\r\n", "\n").strip()).isEqualTo(markdown.strip());
        assertThat(saved.getBodyHtml())
                .contains("<strong>bold</strong>", "href=\"https://example.org/report\"", "<figure class=\"figure\">")
                .contains("<li>one</li>", "<td align=\"left\">2024</td>", "class=\"footnotes\"");

        // Opened again, the saved body is in the visual view, unchanged.
        WebElement again = visualBody();
        assertThat(again.findElements(By.cssSelector("strong"))).hasSize(1);
        assertThat(again.findElements(By.cssSelector("table"))).hasSize(1);
        assertThat(body()).isEqualTo(markdown);

        // Accessible at a desktop's and a phone's width, with the image's panel open.
        again.findElement(By.cssSelector(".visual-figure img")).click();
        waitFor(By.id("visual-image-alt"));
        List<String> violations = new ArrayList<>();
        for (int width : new int[] {1280, 390}) {
            browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
            script("document.getElementById('visual-editor').scrollIntoView({block: 'start'});");
            violations.addAll(axe(width));
            screenshot(test, "2-axe-" + width);
        }
        browser.manage().window().setSize(new Dimension(1280, 1600));
        assertThat(violations).as("serious or critical axe violations").isEmpty();
    }

    @Test
    void aBodyTheEditorWouldRewriteOpensAsMarkdownWithANote(TestInfo test) throws Exception {
        Article article = content.draft(content.section(), List.of(content.author()), List.of());
        signIn();
        open("/admin/articles/" + article.getId());
        visualBody();
        // An underlined heading: the editor writes "# ", so this text stays Markdown until the editor says otherwise.
        String starred = "Plain\n\nTitle\n=====\n\nText.";
        press("markdown-switch");
        script(
                "const f = document.getElementById('body'); f.value = arguments[0];"
                        + " f.dispatchEvent(new Event('input', {bubbles: true}));",
                starred);
        clickAndWait(By.id("save-button"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));

        WebElement note = waitFor(By.id("visual-note"));
        assertThat(note.getText()).contains("from line 3");
        assertThat(browser.findElement(By.id("body")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("visual-editor")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("markdown-switch")).getAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(body()).isEqualTo(starred);
        screenshot(test, "rewrite-note");

        // Only when asked does the visual editor take it, and then it writes its own Markdown.
        press("visual-anyway");
        visualBody();
        waitForBody(test, driver -> body().equals("Plain\n\n# Title\n\nText."));
    }

    /** A Word paste with one footnote, the way Word puts it on the clipboard. */
    private static String wordNote(String text, String note) {
        return "<html><body><p class=MsoNormal>" + text
                + "<a style='mso-footnote-id:ftn1' href=\"#_ftn1\" name=\"_ftnref1\" title=\"\"><span"
                + " class=MsoFootnoteReference><span class=MsoFootnoteReference>[1]</span></span></a></p>"
                + "<p class=MsoNormal><b style='mso-bidi-font-weight:normal'>Bold in Word</b> and"
                + " <span style=\"font-weight:700\">bold by weight</span> and"
                + " <i style='mso-bidi-font-style:normal'>italic</i>.</p>"
                + "<div style='mso-element:footnote-list'><br clear=all><hr align=left size=1 width=\"33%\">"
                + "<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1'"
                + " href=\"#_ftnref1\" name=\"_ftn1\" title=\"\"><span class=MsoFootnoteReference>[1]</span></a> "
                + note + "</p></div></div></body></html>";
    }

    private static final String PASTE_VISUAL = """
            const target = document.getElementById('visual-body');
            target.focus();
            const data = new DataTransfer();
            data.setData('text/html', arguments[0]);
            data.setData('text/plain', arguments[1]);
            target.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
            """;

    private static final String PASTE_MARKDOWN = """
            const field = document.getElementById('body');
            field.focus();
            field.setSelectionRange(field.value.length, field.value.length);
            const data = new DataTransfer();
            data.setData('text/html', arguments[0]);
            data.setData('text/plain', arguments[1]);
            field.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
            """;

    @Test
    void twoFootnotedPastesGiveTwoNotesInBothViews(TestInfo test) throws Exception {
        Article article = content.draft(content.section(), List.of(content.author()), List.of());
        signIn();
        open("/admin/articles/" + article.getId());
        WebElement editor = visualBody();
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        waitForBody(test, driver -> body().isBlank());

        script(PASTE_VISUAL, wordNote("First claim.", "First source."), "First claim.");
        waitForBody(test, driver -> body().contains("[^1]: First source."));
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        script(PASTE_VISUAL, wordNote("Second claim.", "Second source."), "Second claim.");
        waitForBody(test, driver -> body().contains("[^2]: Second source."));
        screenshot(test, "1-visual-pastes");

        String markdown = body();
        assertThat(markdown).contains("First claim.[^1]", "Second claim.[^2]");
        assertThat(markdown).contains("**Bold in Word** and **bold by weight** and *italic*.");
        assertThat(count(markdown, "[^1]:")).isEqualTo(1);
        assertThat(count(markdown, "[^2]:")).isEqualTo(1);
        // The notes stay at the end, after all the text.
        assertThat(markdown.indexOf("[^1]:")).isGreaterThan(markdown.indexOf("Second claim."));

        clickAndWait(By.id("save-button"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        String html = articles.get(article.getId()).getBodyHtml();
        assertThat(html).contains("First source.", "Second source.");

        // The same two pastes in the Markdown view.
        press("markdown-switch");
        script("const f = document.getElementById('body'); f.value = 'Typed.';"
                + " f.dispatchEvent(new Event('input', {bubbles: true}));");
        script(PASTE_MARKDOWN, wordNote("Third claim.", "Third source."), "Third claim.");
        waitForBody(test, driver -> body().contains("Third source."));
        script(PASTE_MARKDOWN, wordNote("Fourth claim.", "Fourth source."), "Fourth claim.");
        waitForBody(test, driver -> body().contains("Fourth source."));
        String typed = body();
        assertThat(typed).contains("Third claim.[^1]", "[^1]: Third source.", "Fourth claim.[^2]");
        assertThat(typed).contains("[^2]: Fourth source.");
        screenshot(test, "2-markdown-pastes");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** Drops files (name, type, base64 bytes) on the visual body, as a file manager does. */
    private static final String DROP = """
            const target = document.getElementById('visual-body');
            const data = new DataTransfer();
            for (const [name, type, base64] of arguments[0]) {
              const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
              data.items.add(new File([bytes], name, {type}));
            }
            const box = target.getBoundingClientRect();
            const at = {clientX: box.left + 20, clientY: box.top + 20, dataTransfer: data, bubbles: true,
                        cancelable: true};
            target.dispatchEvent(new DragEvent('dragenter', at));
            target.dispatchEvent(new DragEvent('dragover', at));
            target.dispatchEvent(new DragEvent('drop', at));
            """;

    @Test
    void anImageDroppedIntoTheBodyIsUploadedAndBecomesAFigure(TestInfo test) throws Exception {
        Article article = content.draft(content.section(), List.of(content.author()), List.of());
        signIn();
        open("/admin/articles/" + article.getId());
        WebElement editor = visualBody();
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "Text typed before the picture.");
        waitForBody(test, driver -> body().equals("Text typed before the picture."));

        // Not an image: refused with the library's reason, the file named, the text kept.
        String notImage = Base64.getEncoder().encodeToString("not a picture".getBytes(StandardCharsets.UTF_8));
        script(DROP, List.of(List.of("notes.png", "image/png", notImage)));
        // Described first, in place: the library takes no image without its alt text.
        WebElement describe = waitFor(By.id("visual-upload-alt"));
        assertThat(browser.findElement(By.id("visual-panel")).getText()).contains("Describe notes.png");
        describe.sendKeys(Keys.ENTER);
        assertThat(describe.getAttribute("aria-invalid")).isEqualTo("true");
        describe.sendKeys("Some notes", Keys.ENTER);
        WebElement status = waitFor(By.id("visual-status"));
        wait.until(ExpectedConditions.textToBePresentInElement(status, "notes.png was not uploaded"));
        assertThat(status.getText()).contains("not an image we accept", "Choose that file again");
        assertThat(body()).isEqualTo("Text typed before the picture.");
        screenshot(test, "1-refused");

        String name = "dropped" + System.nanoTime() + ".png";
        String png = Base64.getEncoder().encodeToString(TestImages.png(640, 480));
        script(DROP, List.of(List.of(name, "image/png", png)));
        // Its alt text and caption are asked for in place; then it is in the library and in the text.
        WebElement alt = waitFor(By.id("visual-upload-alt"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(alt);
        alt.sendKeys("A test card in two halves");
        browser.findElement(By.id("visual-upload-caption")).sendKeys("The dropped picture", Keys.ENTER);
        waitForBody(test, driver -> body().contains("![A test card in two halves]("));
        screenshot(test, "2-dropped");

        Matcher figure = Pattern.compile(
                        "!\\[A test card in two halves]\\((/media/(\\d+)/[^ )]+) \"The dropped picture\"\\)")
                .matcher(body());
        assertThat(figure.find()).as(body()).isTrue();
        assertThat(body()).startsWith("Text typed before the picture.");
        assertThat(images.find(Long.parseLong(figure.group(2)))).isPresent();

        clickAndWait(By.id("save-button"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        assertThat(articles.get(article.getId()).getBodyHtml())
                .contains("<figure class=\"figure\">", "The dropped picture");
    }

    private List<String> axe(int width) throws IOException {
        String axe;
        try (InputStream in = VisualEditorE2eTests.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        script(axe);
        Object found = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(results => done(results.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ' (' + v.help + '): '
                        + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        List<String> failures = new ArrayList<>();
        for (Object violation : (List<?>) found) {
            failures.add(width + "px → " + violation);
        }
        return failures;
    }
}
