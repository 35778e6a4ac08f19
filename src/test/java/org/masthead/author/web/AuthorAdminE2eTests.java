package org.masthead.author.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.author.AuthorService;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: an editor who receives a guest piece adds its author, with the bio's live preview (the one preview
 * script every Markdown field shares); the account link stays an admin's.
 */
class AuthorAdminE2eTests extends BrowserTest {

    @Autowired
    TestContent content;

    @Autowired
    MutableClock clock;

    @Autowired
    AuthorService authors;

    @Test
    void anEditorAddsAGuestAuthor(TestInfo test) throws Exception {
        String name = "Guest " + TestContent.unique("writer");
        open("/login");
        browser.findElement(By.id("email")).sendKeys("editor@example.org");
        browser.findElement(By.id("password")).sendKeys("demo-editor-password");
        clickAndWait(By.id("login-button"));
        open("/admin");
        clickAndWait(By.id("nav-authors"));
        clickAndWait(By.id("new-author-link"));
        assertThat(browser.findElements(By.id("accountId"))).isEmpty();

        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("titleLine")).sendKeys("Visiting fellow");
        browser.findElement(By.id("bioMarkdown")).sendKeys("Writes on *arms control*.");
        // The live preview follows the bio as it is typed, rendered by the server.
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#bio-preview em"), "arms control"));
        screenshot(test, "guest-author");
        clickAndWait(By.id("save-author-button"));
        assertThat(authors.all().stream().anyMatch(a -> a.getName().equals(name)))
                .isTrue();

        String slug = authors.all().stream()
                .filter(a -> a.getName().equals(name))
                .findFirst()
                .orElseThrow()
                .getSlug();
        // the author's page is public once they have a public article
        content.published(
                content.section(),
                List.of(authors.findBySlug(slug).orElseThrow()),
                List.of(),
                clock.instant().minusSeconds(60));
        open("/authors/" + slug);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
    }
}
