package org.masthead.article.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleService;
import org.masthead.article.ArticleStatus;
import org.masthead.author.Author;
import org.masthead.security.Actor;
import org.masthead.topic.Topic;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing an editor types is lost, in a real browser: autosave outlives a closed tab, each workflow button takes
 * the unsaved text with it, and after an edit conflict the editor chooses what to keep.
 */
class EditorNothingLostE2eTests extends BrowserTest {

    @Autowired
    TestContent content;

    @Autowired
    ArticleService articles;

    Article draft() {
        return content.draft(content.section(), List.of(content.author()), List.of());
    }

    void signIn() {
        open("/login");
        browser.findElement(By.id("email")).sendKeys("editor@example.org");
        browser.findElement(By.id("password")).sendKeys("demo-editor-password");
        clickAndWait(By.id("login-button"));
    }

    void edit(Article article) {
        open("/admin/articles/" + article.getId());
        waitFor(By.id("article-form"));
        useMarkdownView();
    }

    /** Types a new paragraph at the end of the body, as an editor would. */
    void typeParagraph(String text) {
        browser.findElement(By.id("body")).sendKeys("\n\n" + text);
    }

    WebElement waitForStatus(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("autosave-status"), text));
        return browser.findElement(By.id("autosave-status"));
    }

    Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    // --- autosave -------------------------------------------------------------------------------------------------

    @Test
    void autosavedTextSurvivesAClosedTabAndIsOfferedBack(TestInfo test) throws Exception {
        Article article = draft();
        signIn();
        edit(article);
        String paragraph = "A paragraph typed and never saved " + TestContent.unique("p") + ".";
        typeParagraph(paragraph);
        WebElement status = waitForStatus("Saved");
        assertThat(status.getAttribute("role")).isEqualTo("status");
        assertThat(status.getAttribute("aria-live")).isEqualTo("polite");
        assertThat(articles.get(article.getId()).getBodyMarkdown()).doesNotContain(paragraph);
        // Leaving now would warn: the text is autosaved, not saved.
        assertThat(
                        script(
                                "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"))
                .isEqualTo(true);
        screenshot(test, "1-autosaved");

        // The tab is closed; a fresh one opens the editor again.
        String first = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        String second = browser.getWindowHandle();
        browser.switchTo().window(first);
        browser.close();
        browser.switchTo().window(second);
        assertThat(browser.getWindowHandles()).containsExactly(second);
        edit(article);
        WebElement offer = waitFor(By.id("autosave-offer"));
        assertThat(offer.getText()).contains("did not save");
        assertThat(browser.findElement(By.id("body")).getAttribute("value")).doesNotContain(paragraph);
        waitForStatus("until you restore or discard");
        screenshot(test, "2-offered");

        clickAndWait(By.id("autosave-restore"));
        assertThat(browser.findElement(By.id("body")).getAttribute("value")).contains(paragraph);
        assertThat(browser.findElements(By.id("autosave-offer"))).isEmpty();
        clickAndWait(By.id("save-button"));
        assertThat(waitFor(By.id("notice")).getText()).isEqualTo("Saved.");
        assertThat(articles.get(article.getId()).getBodyMarkdown()).contains(paragraph);
        assertThat(browser.findElements(By.id("autosave-offer"))).isEmpty();
        screenshot(test, "3-restored-and-saved");
    }

    @Test
    void offlineTheStatusSaysSoAndTheTextGoesOutWhenTheConnectionIsBack() {
        Article article = draft();
        signIn();
        edit(article);
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        String paragraph = "Typed on a train " + TestContent.unique("p") + ".";
        typeParagraph(paragraph);
        waitForStatus("Not saved: offline");
        chrome.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        waitForStatus("Saved");
        edit(articleAfterLeaving(article));
        assertThat(waitFor(By.id("autosave-offer")).isDisplayed()).isTrue();
    }

    /** Leaves the page without the leave-page question (the text is autosaved). */
    Article articleAfterLeaving(Article article) {
        script("window.onbeforeunload = null; window.addEventListener('beforeunload', function (e) {"
                + " e.stopImmediatePropagation(); }, true);");
        return article;
    }

    // --- workflow buttons -----------------------------------------------------------------------------------------

    @Test
    void publishNowTakesTheUnsavedParagraphToThePublicPage(TestInfo test) throws Exception {
        Article article = draft();
        signIn();
        edit(article);
        String paragraph = "Typed just before publishing " + TestContent.unique("p") + ".";
        typeParagraph(paragraph);
        clickAndWait(By.id("publish-button"));
        assertThat(waitFor(By.id("status")).getAttribute("data-status")).isEqualTo("PUBLISHED");
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Published.");
        clickAndWait(By.id("public-link"));
        assertThat(browser.findElement(By.cssSelector(".article__body")).getText())
                .contains(paragraph);
        screenshot(test, "published-with-the-new-paragraph");
    }

    @Test
    void submitTakesTheUnsavedText() {
        Article article = draft();
        signIn();
        edit(article);
        String paragraph = "Typed just before submitting " + TestContent.unique("p") + ".";
        typeParagraph(paragraph);
        clickAndWait(By.id("submit-button"));
        assertThat(waitFor(By.id("status")).getAttribute("data-status")).isEqualTo("IN_REVIEW");
        assertThat(articles.get(article.getId()).getBodyMarkdown()).contains(paragraph);
    }

    @Test
    void returnTakesTheUnsavedTextAndTheNote() {
        Article article = draft();
        articles.submit(article.getId(), Actor.importing("test"));
        signIn();
        edit(article);
        String paragraph = "An editor's query typed inline " + TestContent.unique("p") + ".";
        typeParagraph(paragraph);
        browser.findElement(By.id("return-note-text")).sendKeys("See my query at the end.");
        clickAndWait(By.id("return-button"));
        assertThat(waitFor(By.id("status")).getAttribute("data-status")).isEqualTo("DRAFT");
        assertThat(browser.findElement(By.id("return-note")).getText()).contains("See my query at the end.");
        assertThat(articles.get(article.getId()).getBodyMarkdown()).contains(paragraph);
    }

    @Test
    void scheduleTakesTheUnsavedText() {
        Article article = draft();
        signIn();
        edit(article);
        String paragraph = "Typed just before scheduling " + TestContent.unique("p") + ".";
        typeParagraph(paragraph);
        // The date and time pickers are set as a picker sets them.
        script(
                "arguments[0].value = arguments[2]; arguments[1].value = '09:30';",
                browser.findElement(By.id("schedule-date")),
                browser.findElement(By.id("schedule-time")),
                LocalDate.now().plusYears(2) + "");
        clickAndWait(By.id("schedule-button"));
        assertThat(waitFor(By.id("status")).getAttribute("data-status")).isEqualTo("SCHEDULED");
        Article scheduled = articles.get(article.getId());
        assertThat(scheduled.getStatus()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(scheduled.getBodyMarkdown()).contains(paragraph);
    }

    // --- conflicts ------------------------------------------------------------------------------------------------

    /** A colleague saves the article (as a new revision) while the editor has it open. */
    void colleagueSaves(Article article, String body) {
        Article current = articles.forEditing(article.getId(), TestContent.EDITOR);
        articles.update(
                current.getId(),
                current.getRevision(),
                new ArticleChanges(
                        current.getSlug(),
                        new ArticleContent(current.getTitle(), current.getDek(), body, null, null),
                        current.getSection().getId(),
                        new ArrayList<>(
                                current.getAuthors().stream().map(Author::getId).toList()),
                        current.getTopics().stream().map(Topic::getName).toList()),
                TestContent.EDITOR);
    }

    @Test
    void afterAConflictTheEditorMergesBothChangesAndSavesTheMergeAsANewRevision(TestInfo test) throws Exception {
        Article article = draft();
        String original = article.getBodyMarkdown();
        signIn();
        edit(article);
        colleagueSaves(article, original.replace("Second.", "Second, corrected by a colleague."));
        String paragraph = "My closing paragraph " + TestContent.unique("p") + ".";
        typeParagraph(paragraph);
        clickAndWait(By.id("save-button"));
        assertThat(waitFor(By.id("conflict")).getText()).contains("Fixture Editor");
        assertThat(browser.findElement(By.id("body")).getAttribute("value")).contains(paragraph);
        screenshot(test, "1-conflict");
        script("arguments[0].scrollIntoView()", browser.findElement(By.id("conflict-choices")));
        screenshot(test, "1-conflict-choices");

        // Saving again without choosing changes nothing.
        clickAndWait(By.id("save-button"));
        assertThat(waitFor(By.id("conflict")).isDisplayed()).isTrue();
        assertThat(articles.get(article.getId()).getBodyMarkdown()).doesNotContain(paragraph);

        clickAndWait(By.id("merge-button"));
        String merged = browser.findElement(By.id("body")).getAttribute("value");
        assertThat(merged).contains("Second, corrected by a colleague.", paragraph);
        assertThat(browser.findElements(By.id("conflict-choices"))).isEmpty();
        script("arguments[0].scrollIntoView()", browser.findElement(By.id("body")));
        screenshot(test, "2-merged");
        clickAndWait(By.id("save-button"));
        assertThat(waitFor(By.id("notice")).getText()).isEqualTo("Saved.");
        Article saved = articles.get(article.getId());
        assertThat(saved.getRevision()).isEqualTo(3);
        assertThat(saved.getBodyMarkdown()).contains("Second, corrected by a colleague.", paragraph);
    }

    @Test
    void afterAConflictKeepMineReplacesTheirChangeExplicitly() {
        Article article = draft();
        signIn();
        edit(article);
        colleagueSaves(article, "Their rewrite.");
        browser.findElement(By.id("body")).clear();
        browser.findElement(By.id("body")).sendKeys("My rewrite.");
        clickAndWait(By.id("save-button"));
        waitFor(By.id("conflict"));
        clickAndWait(By.id("keep-mine-button"));
        assertThat(waitFor(By.id("notice")).getText()).contains("replaced their change");
        Article saved = articles.get(article.getId());
        assertThat(saved.getBodyMarkdown()).isEqualTo("My rewrite.");
        assertThat(saved.getRevision()).isEqualTo(3);
    }
}
