package org.masthead.article.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.TestContent;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pasting rich text into the article body, in a real browser: a {@code paste} event carrying a clipboard (headless
 * Chromium has no system clipboard) with HTML in the shapes Word and Google Docs put there. The body gets Markdown,
 * and once saved and published the reader's page shows every paragraph, link, list and table.
 */
class PasteE2eTests extends BrowserTest {

    /** Fires a paste of {@code html} (and its plain text) at the focused body field, as a browser does. */
    private static final String PASTE = """
            const field = document.getElementById('body');
            field.focus();
            field.setSelectionRange(field.value.length, field.value.length);
            const data = new DataTransfer();
            data.setData('text/html', arguments[0]);
            data.setData('text/plain', arguments[1]);
            field.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
            """;

    private static String sample(String name) throws IOException {
        try (InputStream in = PasteE2eTests.class.getResourceAsStream("/markdown/paste/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void signInAndStartAnArticle(String title) {
        open("/login");
        browser.findElement(By.id("email")).sendKeys("editor@example.org");
        browser.findElement(By.id("password")).sendKeys("demo-editor-password");
        clickAndWait(By.id("login-button"));
        open("/admin/articles/new");
        useMarkdownView();
        browser.findElement(By.id("title")).sendKeys(title);
        new Select(browser.findElement(By.id("section"))).selectByVisibleText("Security Affairs");
        new Select(browser.findElement(By.id("author-0"))).selectByVisibleText("Tomas Lindqvist");
    }

    private void paste(String html, String plain) {
        ((JavascriptExecutor) browser).executeScript(PASTE, html, plain);
    }

    private String body() {
        return browser.findElement(By.id("body")).getAttribute("value");
    }

    /** Saves, publishes and opens the reader's page; answers the article body there. */
    private WebElement publishAndRead(TestInfo test, String name) throws IOException {
        clickAndWait(By.id("save-button"));
        assertThat(waitFor(By.id("status")).getAttribute("data-status")).isEqualTo("DRAFT");
        clickAndWait(By.id("publish-button"));
        assertThat(waitFor(By.id("status")).getAttribute("data-status")).isEqualTo("PUBLISHED");
        clickAndWait(By.id("public-link"));
        screenshot(test, name);
        return waitFor(By.cssSelector(".article__body"));
    }

    @Test
    void aWordPasteKeepsEveryParagraphListTableAndLink(TestInfo test) throws Exception {
        signInAndStartAnArticle("Pasted from Word " + TestContent.unique("w"));
        // Word's plain text separates paragraphs with single line breaks: pasted as such, they would run together.
        paste(sample("word.html"), "Why the treaty mattered\nFor four decades the treaty\nThe Review asked");

        wait.until(driver -> body().contains("## Why the treaty mattered"));
        // The paste went in as typing does: Undo takes it back. Pasted again, it is there again.
        browser.findElement(By.id("body")).sendKeys(Keys.chord(Keys.CONTROL, "z"));
        wait.until(driver -> body().isEmpty());
        paste(sample("word.html"), "Why the treaty mattered\nFor four decades the treaty\nThe Review asked");
        wait.until(driver -> body().contains("## Why the treaty mattered"));
        String markdown = body();
        assertThat(markdown)
                .contains(
                        "[Arms Control Association's fact sheet](https://www.armscontrol.org/factsheets/inf-treaty-glance)")
                .contains("**Europe**", "- Verification builds trust", "1. Count what is deployed", "| Year |")
                .doesNotContain("<", "mso", "o:p");
        // The live preview follows the pasted text.
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#preview h2"), "Why the treaty mattered"));
        screenshot(test, "1-word-pasted");

        WebElement article = publishAndRead(test, "2-word-published");
        List<WebElement> paragraphs = article.findElements(By.cssSelector(":scope > p"));
        assertThat(paragraphs).as("Word's six paragraphs stay six").hasSize(6);
        assertThat(paragraphs.get(0).getText()).startsWith("For four decades");
        assertThat(paragraphs.get(5).getText()).endsWith("The last word belongs to the negotiators.");
        assertThat(article.findElement(By.cssSelector("h2")).getText()).isEqualTo("Why the treaty mattered");
        WebElement link = article.findElement(
                By.cssSelector("a[href='https://www.armscontrol.org/factsheets/inf-treaty-glance']"));
        assertThat(link.getText()).isEqualTo("Arms Control Association’s fact sheet");
        assertThat(article.findElement(By.cssSelector("p strong")).getText()).isEqualTo("Europe");
        assertThat(article.findElements(By.cssSelector(":scope > ul > li"))).hasSize(3);
        assertThat(article.findElements(By.cssSelector(":scope > ol > li"))).hasSize(2);
        assertThat(article.findElements(By.cssSelector("table td"))).hasSize(2);
    }

    @Test
    void aGoogleDocsPasteKeepsItsLinksAndBoldAfterWhatWasTyped(TestInfo test) throws Exception {
        signInAndStartAnArticle("Pasted from Google Docs " + TestContent.unique("g"));
        browser.findElement(By.id("body")).sendKeys("A typed opening paragraph.");
        paste(sample("google-docs.html"), "Deterrence after New START The New START treaty expired");

        wait.until(driver -> body().contains("## Deterrence after New START"));
        assertThat(body())
                .startsWith("A typed opening paragraph.\n\n## Deterrence after New START\n\n")
                .contains(
                        "The **New START** treaty expired in [February 2026](https://www.state.gov/new-start-treaty/)")
                .doesNotContain("docs-internal-guid", "font-weight", "<");
        screenshot(test, "1-google-docs-pasted");

        WebElement article = publishAndRead(test, "2-google-docs-published");
        List<WebElement> paragraphs = article.findElements(By.cssSelector(":scope > p"));
        assertThat(paragraphs).hasSize(6);
        assertThat(paragraphs.get(0).getText()).isEqualTo("A typed opening paragraph.");
        assertThat(article.findElements(By.cssSelector("a")))
                .extracting(a -> a.getAttribute("href"))
                .contains(
                        "https://www.state.gov/new-start-treaty/",
                        "https://fas.org/initiative/status-world-nuclear-forces/",
                        "https://example.org/annex");
        assertThat(article.findElements(By.cssSelector("p strong")))
                .extracting(WebElement::getText)
                .contains("New START");
        assertThat(article.findElements(By.cssSelector("table th"))).hasSize(2);
    }

    @Test
    void whenTheServerCannotHelpThePlainTextIsPastedWithAMessage(TestInfo test) throws Exception {
        signInAndStartAnArticle("Pasted too much " + TestContent.unique("p"));
        // More HTML than the converter takes: the server refuses it, and the plain text goes in instead.
        ((JavascriptExecutor) browser).executeScript("window.hugePaste = '<p>word</p>'.repeat(500000);");
        ((JavascriptExecutor) browser)
                .executeScript(PASTE.replace("arguments[0]", "window.hugePaste"), null, "Just the plain words.");

        wait.until(driver -> body().contains("Just the plain words."));
        assertThat(waitFor(By.id("body-paste-status")).getText()).contains("plain text");
        assertThat(body()).isEqualTo("Just the plain words.");
        screenshot(test, "plain-text-fallback");
    }
}
