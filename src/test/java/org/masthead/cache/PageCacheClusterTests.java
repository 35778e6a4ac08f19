package org.masthead.cache;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadApplication;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleService;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two app nodes in one JVM on the one (embedded) PostgreSQL, each on its own random port with its own page cache:
 * a change made on one is served by the other, told through PostgreSQL {@code NOTIFY}. No timing is asserted
 * (the benchmark measures the delay); the test waits up to 10 seconds.
 */
class PageCacheClusterTests {

    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoNodes() {
        a = node();
        b = node();
    }

    @AfterAll
    static void stopThem() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(MastheadApplication.class)
                .properties("server.port=0", "masthead.scheduler.enabled=false", "masthead.jobs.enabled=false")
                .run();
    }

    static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Test
    void aPublicationOnOneNodeIsServedByTheOther() {
        // The fixtures are made on B: a node ignores its own notifications (it cleared its cache after its commit),
        // so none of them can arrive late and clear B's page below.
        TestContent content = b.getBean(TestContent.class);
        Section section = content.section();
        Author author = content.author();
        Article draft = content.draft(section, List.of(author), List.of());
        String sectionPath = "/sections/" + section.getSlug();
        Http readerOfB = Http.reader(port(b));
        PageCache cacheOfB = b.getBean(PageCache.class);
        assertThat(readerOfB.text(sectionPath)).doesNotContain(draft.getSlug());
        assertThat(cacheOfB.contains(sectionPath)).isTrue();
        assertThat(readerOfB.text(sectionPath)).doesNotContain(draft.getSlug());
        assertThat(readerOfB.get("/articles/" + draft.getSlug()).statusCode()).isEqualTo(404);

        a.getBean(ArticleService.class).publish(draft.getId(), TestContent.EDITOR);

        awaitUpTo10Seconds(() -> readerOfB.text(sectionPath).contains(draft.getSlug()));
        assertThat(readerOfB.get("/articles/" + draft.getSlug()).statusCode()).isEqualTo(200);

        // and the other way round, for an edit made on B and read on A
        Http readerOfA = Http.reader(port(a));
        String articlePath = "/articles/" + draft.getSlug();
        PageCache cacheOfA = a.getBean(PageCache.class);
        awaitUpTo10Seconds(() -> {
            readerOfA.text(articlePath);
            return cacheOfA.contains(articlePath);
        });
        String correction = "Corrected on node B " + TestContent.unique("c");
        b.getBean(ArticleService.class)
                .addNote(draft.getId(), org.masthead.article.NoteKind.CORRECTION, correction, TestContent.EDITOR);

        awaitUpTo10Seconds(() -> readerOfA.text(articlePath).contains(correction));
    }

    private static void awaitUpTo10Seconds(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(condition);
    }
}
