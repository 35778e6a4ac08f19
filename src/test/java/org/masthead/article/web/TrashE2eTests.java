package org.masthead.article.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.BrowserTest;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleService;
import org.masthead.article.ArticleStatus;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser, with JavaScript: Delete and Unpublish ask in the page first (cancelled, nothing happens), the
 * step taken offers an Undo on its notice, and a draft deleted then restored comes back with its revisions.
 */
class TrashE2eTests extends BrowserTest {

    @Autowired
    TestContent content;

    @Autowired
    ArticleService articles;

    void signIn() {
        open("/login");
        browser.findElement(By.id("email")).sendKeys("editor@example.org");
        browser.findElement(By.id("password")).sendKeys("demo-editor-password");
        clickAndWait(By.id("login-button"));
    }

    /** Clicks the button and answers the question it asks; answers the question's text. */
    String clickAndAnswer(By button, boolean yes) {
        waitFor(button).click();
        Alert question = wait.until(ExpectedConditions.alertIsPresent());
        String text = question.getText();
        if (yes) {
            question.accept();
        } else {
            question.dismiss();
        }
        return text;
    }

    @Test
    void deleteAsksInThePageAndItsUndoBringsTheDraftBackWithItsRevisions() {
        Article draft = content.draft(content.section(), List.of(content.author()), List.of());
        int revisions = articles.get(draft.getId()).getRevision();
        signIn();
        open("/admin/articles/" + draft.getId());

        String asked = clickAndAnswer(By.id("delete-button"), false);
        assertThat(asked).contains(draft.getTitle(), "trash");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/articles/" + draft.getId());
        assertThat(articles.get(draft.getId()).getStatus()).isEqualTo(ArticleStatus.DRAFT);

        clickAndAnswer(By.id("delete-button"), true);
        waitFor(By.id("undo-button"));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/articles");
        assertThat(browser.findElement(By.id("notice")).getText()).contains("trash");
        assertThat(articles.get(draft.getId()).getStatus()).isEqualTo(ArticleStatus.TRASHED);

        open("/admin/trash");
        assertThat(browser.findElement(By.id("trashed-" + draft.getId())).getText())
                .contains(draft.getTitle());
        open("/admin/articles");
        assertThat(browser.findElements(By.id("undo-button")))
                .as("the Undo is shown once")
                .isEmpty();
        open("/admin/trash");
        clickAndWait(By.id("untrash-" + draft.getId()));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Restored");
        Article back = articles.get(draft.getId());
        assertThat(back.getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(back.getRevision()).isEqualTo(revisions);
    }

    @Test
    void unpublishAsksFirstAndItsUndoPublishesAgain() {
        Article article = content.published(content.section(), List.of(content.author()), List.of(), Instant.now());
        signIn();
        open("/admin/articles/" + article.getId());

        String asked = clickAndAnswer(By.id("unpublish-button"), true);
        assertThat(asked).contains(article.getTitle());
        waitFor(By.id("undo-button"));
        assertThat(articles.get(article.getId()).getStatus()).isEqualTo(ArticleStatus.DRAFT);

        clickAndWait(By.id("undo-button"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("ublish");
        assertThat(articles.get(article.getId()).getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
    }
}
