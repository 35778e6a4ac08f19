package org.masthead.article.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.masthead.HttpPage;
import org.masthead.HttpTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleService;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.security.Actor;
import org.masthead.slug.Slugs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A topic is public only while it has a public article: the name of a topic made for a draft, an article in review,
 * a scheduled, archived or unpublished one appears on no topic page, search filter or sitemap.
 */
@HttpTest
class TopicVisibilityHttpTests {

    @LocalServerPort
    private int port;

    @Autowired
    private TestContent content;

    @Autowired
    private ArticleService articles;

    @Autowired
    private MutableClock clock;

    @Test
    void topicsOfArticlesReadersCannotSeeStayHidden() {
        Section section = content.section();
        Author author = content.author();
        List<Function<String, Article>> hidden = List.of(
                topic -> content.draft(section, List.of(author), List.of(topic)),
                topic -> {
                    Article a = content.draft(section, List.of(author), List.of(topic));
                    articles.submit(a.getId(), Actor.importing("test"));
                    return a;
                },
                topic -> {
                    Article a = content.draft(section, List.of(author), List.of(topic));
                    return articles.schedule(a.getId(), clock.instant().plus(Duration.ofHours(1)), TestContent.EDITOR);
                },
                topic -> {
                    Article a = content.published(
                            section,
                            List.of(author),
                            List.of(topic),
                            clock.instant().minus(Duration.ofDays(1)));
                    articles.archive(a.getId(), TestContent.EDITOR);
                    return a;
                },
                topic -> {
                    Article a = content.published(
                            section,
                            List.of(author),
                            List.of(topic),
                            clock.instant().minus(Duration.ofDays(1)));
                    articles.unpublish(a.getId(), TestContent.EDITOR);
                    return a;
                });
        for (Function<String, Article> make : hidden) {
            String name = TestContent.unique("Secret topic");
            Article article = make.apply(name);
            String slug = Slugs.slugify(name);
            String status = hidden.indexOf(make) + " (" + article.getStatus() + " at creation)";

            assertThat(HttpPage.get(port, "/topics/" + slug).statusCode())
                    .as("topic page of a %s article", status)
                    .isEqualTo(404);
            assertThat(HttpPage.get(port, "/search?q=paragraph").body())
                    .as("search filter, %s", status)
                    .doesNotContain(name)
                    .doesNotContain(slug);
            assertThat(HttpPage.get(port, "/sitemap.xml").body())
                    .as("sitemap, %s", status)
                    .doesNotContain(slug);
        }
    }

    @Test
    void aTopicIsPublicWhileItHasAPublicArticle() {
        Section section = content.section();
        Author author = content.author();
        String name = TestContent.unique("Open topic");
        String slug = Slugs.slugify(name);
        Article article = content.published(
                section, List.of(author), List.of(name), clock.instant().minus(Duration.ofHours(1)));

        HttpResponse<String> page = HttpPage.get(port, "/topics/" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(name);
        assertThat(HttpPage.get(port, "/search?q=paragraph").body()).contains(name);
        assertThat(HttpPage.get(port, "/sitemap.xml").body()).contains("/topics/" + slug);

        articles.unpublish(article.getId(), TestContent.EDITOR);

        assertThat(HttpPage.get(port, "/topics/" + slug).statusCode()).isEqualTo(404);
        assertThat(HttpPage.get(port, "/search?q=paragraph").body()).doesNotContain(name);
    }
}
