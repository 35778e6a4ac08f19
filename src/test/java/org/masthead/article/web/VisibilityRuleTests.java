package org.masthead.article.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.HttpPage;
import org.masthead.HttpTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleService;
import org.masthead.article.PublicArticles;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.security.Actor;
import org.masthead.slug.Slugs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Drafts, articles in review, scheduled ones and archived ones appear on no public page, list or count. */
@HttpTest
class VisibilityRuleTests {

    @LocalServerPort
    private int port;

    @Autowired
    private TestContent content;

    @Autowired
    private ArticleService articles;

    @Autowired
    private PublicArticles publicArticles;

    @Autowired
    private MutableClock clock;

    @Test
    void onlyPublishedArticlesReachReaders() {
        Section section = content.section();
        Author author = content.author();
        String topic = TestContent.unique("Hidden topic");
        List<String> topics = List.of(topic);
        long publicBefore = publicArticles.count();

        Article published = content.published(
                section, List.of(author), topics, clock.instant().minus(Duration.ofMinutes(5)));
        Article draft = content.draft(section, List.of(author), topics);
        Article inReview = content.draft(section, List.of(author), topics);
        articles.submit(inReview.getId(), Actor.importing("test"));
        Article scheduled = content.draft(section, List.of(author), topics);
        articles.schedule(scheduled.getId(), clock.instant().plus(Duration.ofHours(1)), TestContent.EDITOR);
        Article archived = content.published(
                section, List.of(author), topics, clock.instant().minus(Duration.ofDays(1)));
        articles.archive(archived.getId(), TestContent.EDITOR);
        Article unpublished = content.published(
                section, List.of(author), topics, clock.instant().minus(Duration.ofDays(2)));
        articles.unpublish(unpublished.getId(), TestContent.EDITOR);

        List<Article> hidden = List.of(draft, inReview, scheduled, archived, unpublished);
        List<String> lists = List.of(
                "/",
                "/sections/" + section.getSlug(),
                "/authors/" + author.getSlug(),
                "/topics/" + Slugs.slugify(topic));
        for (String list : lists) {
            HttpResponse<String> page = HttpPage.get(port, list);
            assertThat(page.statusCode()).as(list).isEqualTo(200);
            for (Article article : hidden) {
                assertThat(page.body())
                        .as("%s on %s", article.getStatus(), list)
                        .doesNotContain(article.getSlug())
                        .doesNotContain(article.getTitle());
            }
        }
        assertThat(HttpPage.get(port, "/sections/" + section.getSlug()).body()).contains(published.getSlug());

        for (Article article : List.of(draft, inReview, scheduled, unpublished)) {
            HttpResponse<String> page = HttpPage.get(port, "/articles/" + article.getSlug());
            assertThat(page.statusCode()).as(article.getSlug()).isEqualTo(404);
            assertThat(page.body()).doesNotContain(article.getTitle());
        }
        assertThat(HttpPage.get(port, "/articles/" + archived.getSlug()).statusCode())
                .isEqualTo(410);
        assertThat(publicArticles.count()).isEqualTo(publicBefore + 1);
        assertThat(publicArticles.moreFromSection(published, 10)).isEmpty();
    }

    @Test
    void anArticleIsPublicFromItsPublicationTimeOn() {
        Section section = content.section();
        Article article = content.published(section, List.of(content.author()), List.of(), clock.instant());
        Instant publishedAt = article.getPublishedAt();
        try {
            clock.set(publishedAt.minus(Duration.ofMinutes(10))); // the test clock runs on: leave a margin
            assertThat(publicArticles.findBySlug(article.getSlug())).isEmpty();
            assertThat(HttpPage.get(port, "/articles/" + article.getSlug()).statusCode())
                    .isEqualTo(404);
            clock.set(publishedAt);
            assertThat(publicArticles.findBySlug(article.getSlug())).isPresent();
        } finally {
            clock.reset();
        }
    }
}
