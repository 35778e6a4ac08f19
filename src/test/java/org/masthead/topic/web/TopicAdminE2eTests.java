package org.masthead.topic.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.topic.Topic;
import org.masthead.topic.TopicService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** In Chromium: an editor renames a misspelt topic and merges a duplicate into it; the old addresses answer 301. */
class TopicAdminE2eTests extends BrowserTest {

    @Autowired
    TestContent content;

    @Autowired
    TopicService topics;

    @Autowired
    MutableClock clock;

    @Test
    void anEditorRenamesAndMergesTopicsAndTheOldAddressesMoveWithThem(TestInfo test) throws Exception {
        String suffix = TestContent.unique("t");
        String typo = "Propoganda " + suffix;
        String duplicate = "Disinformation " + suffix;
        Section section = content.section();
        Author author = content.author();
        content.published(
                section, List.of(author), List.of(typo), clock.instant().minus(Duration.ofDays(1)));
        content.published(
                section, List.of(author), List.of(duplicate), clock.instant().minus(Duration.ofDays(2)));
        Topic misspelt = topics.all().stream()
                .filter(t -> t.getName().equals(typo))
                .findFirst()
                .orElseThrow();
        Topic other = topics.all().stream()
                .filter(t -> t.getName().equals(duplicate))
                .findFirst()
                .orElseThrow();
        String oldSlug = misspelt.getSlug();

        open("/login");
        browser.findElement(By.id("email")).sendKeys("editor@example.org");
        browser.findElement(By.id("password")).sendKeys("demo-editor-password");
        clickAndWait(By.id("login-button"));
        open("/admin");
        clickAndWait(By.id("nav-topics"));
        clickAndWait(By.id("edit-topic-" + oldSlug));

        // Rename: the right spelling, and the address made from it.
        WebElement name = browser.findElement(By.id("name"));
        name.clear();
        name.sendKeys("Propaganda " + suffix);
        browser.findElement(By.id("slug")).clear();
        clickAndWait(By.id("save-topic-button"));
        waitFor(By.cssSelector("p.notice, #notice"));
        String newSlug = topics.get(misspelt.getId()).getSlug();
        assertThat(newSlug).isNotEqualTo(oldSlug).startsWith("propaganda-");
        assertThat(status("/topics/" + oldSlug)).isEqualTo(301);
        open("/topics/" + oldSlug);
        assertThat(browser.getCurrentUrl()).endsWith("/topics/" + newSlug);

        // Merge the duplicate into the renamed topic: its address follows too.
        open("/admin/topics/" + other.getId());
        new Select(browser.findElement(By.id("merge-into")))
                .selectByValue(misspelt.getId().toString());
        clickAndWait(By.id("merge-topic-button"));
        screenshot(test, "topic-merged");
        assertThat(status("/topics/" + other.getSlug())).isEqualTo(301);
        open("/topics/" + other.getSlug());
        assertThat(browser.getCurrentUrl()).endsWith("/topics/" + newSlug);
        assertThat(browser.findElement(By.id("main")).getText()).contains("Propaganda " + suffix);
    }

    private int status(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
