package org.masthead.cache;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.HttpTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleService;
import org.masthead.article.NoteKind;
import org.masthead.author.Author;
import org.masthead.event.SurrogateKey;
import org.masthead.section.Section;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-app page cache drops pages by the surrogate keys of a change, here and on the other nodes: an unrelated
 * page stays in memory.
 */
@HttpTest
class PageCacheTagTests {

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Autowired
    ArticleService articles;

    @Autowired
    PageCache cache;

    @Autowired
    PostgresInvalidationBridge nodes;

    @Autowired
    MutableClock clock;

    Http reader;
    Article corrected;
    Article unrelated;

    @BeforeEach
    void twoArticlesInTwoSections() {
        reader = Http.reader(port);
        Section first = content.section();
        Section second = content.section();
        Author one = content.author();
        Author other = content.author();
        corrected = content.published(
                first, List.of(one), List.of(), clock.instant().minus(Duration.ofHours(3)));
        unrelated = content.published(
                second, List.of(other), List.of(), clock.instant().minus(Duration.ofHours(3)));
    }

    String path(Article article) {
        return "/articles/" + article.getSlug();
    }

    void warm(String path) {
        reader.text(path);
        assertThat(cache.contains(path)).as(path + " kept").isTrue();
    }

    @Test
    void aCorrectionDropsItsArticleAndLeavesAnUnrelatedOneInMemory() {
        warm(path(corrected));
        warm(path(unrelated));
        warm("/feed.xml");
        String note = "An earlier version misnamed the minister " + TestContent.unique("n") + ".";

        articles.addNote(corrected.getId(), NoteKind.CORRECTION, note, TestContent.EDITOR);

        assertThat(cache.contains(path(corrected))).isFalse();
        assertThat(cache.contains("/feed.xml"))
                .as("a page without keys goes with any change")
                .isFalse();
        assertThat(cache.contains(path(unrelated)))
                .as("an unrelated page stays")
                .isTrue();
        assertThat(reader.text(path(corrected))).contains(note);
    }

    @Test
    void anotherNodesChangeDropsThePagesWithItsKeys() {
        warm(path(corrected));
        warm(path(unrelated));

        nodes.received("another-node " + SurrogateKey.article(corrected.getId()) + " home");

        assertThat(cache.contains(path(corrected))).isFalse();
        assertThat(cache.contains(path(unrelated))).isTrue();

        nodes.received("another-node *");
        assertThat(cache.contains(path(unrelated))).isFalse();
    }
}
