package org.masthead.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.IntegrationTest;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.author.AuthorChanges;
import org.masthead.media.Image;
import org.masthead.section.Section;
import org.masthead.security.Actor;
import org.masthead.slug.Slugs;
import org.masthead.testing.Fixtures;
import org.masthead.topic.Topic;
import org.masthead.topic.TopicService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one visibility rule, through the API: an article that is a draft, in review, scheduled, archived or
 * unpublished never appears: not by its slug, not in the list, not under a section, author or topic filter, not in
 * a count; nor do its own topic, its only author, or its featured image. The same set-up, published, appears
 * everywhere (so each check can see an article when there is one).
 */
@IntegrationTest
class ApiVisibilityTests {

    enum State {
        DRAFT,
        IN_REVIEW,
        SCHEDULED,
        ARCHIVED,
        UNPUBLISHED
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectProvider<ApiFixture> apiFixtures;

    @Autowired
    TopicService topicService;

    ApiFixture api;
    Instant start;
    Section section;
    Author author;
    String topic;
    Image image;

    @BeforeEach
    void setUp() {
        api = apiFixtures.getObject();
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        section = api.fixtures.section("Visibility Desk");
        author = api.author("Vera Visible");
        topic = "Visibility " + Fixtures.word();
        image = api.image();
    }

    private Article draft() {
        Article article = api.fixtures.draft(
                section, List.of(author), List.of(topic), "Unseen " + Fixtures.word(), "Dek", "Body of the piece.");
        api.articleImages.setFeaturedImage(article.getId(), image.getId(), Actor.importing("test"));
        return article;
    }

    private Article inState(State state) {
        Article article = draft();
        long id = article.getId();
        switch (state) {
            case DRAFT -> {}
            case IN_REVIEW -> api.articles.submit(id, Actor.importing("test"));
            case SCHEDULED -> api.articles.schedule(id, Instant.now().plus(Duration.ofDays(3)), TestContent.EDITOR);
            case ARCHIVED -> {
                api.articles.publishBackdated(id, Instant.now().minus(Duration.ofDays(2)), Actor.importing("test"));
                api.articles.archive(id, TestContent.EDITOR);
            }
            case UNPUBLISHED -> {
                api.articles.publishBackdated(id, Instant.now().minus(Duration.ofDays(2)), Actor.importing("test"));
                api.articles.unpublish(id, TestContent.EDITOR);
            }
        }
        assertThat(api.articles.get(id).getStatus().name())
                .isEqualTo(state == State.UNPUBLISHED ? "DRAFT" : state.name());
        return article;
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void anArticleThatIsNotPublicNeverAppears(State state) throws Exception {
        Article article = inState(state);

        // by slug: 404, or 410 Gone for an archived article (as its page answers)
        MockHttpServletResponse bySlug = fetch("/api/v1/articles/" + article.getSlug());
        assertThat(bySlug.getStatus()).isEqualTo(state == State.ARCHIVED ? 410 : 404);
        assertThat(bySlug.getContentAsString()).doesNotContain(article.getTitle());

        // the whole list of recently changed articles, every page
        List<String> everything = listAll("/api/v1/articles?limit=100&updated_since=" + start);
        assertThat(String.join("", everything)).doesNotContain(article.getSlug());

        // filters
        for (String filter : List.of(
                "section=" + section.getSlug(), "author=" + author.getSlug(), "topic=" + Slugs.slugify(topic))) {
            JsonNode list = json(fetch("/api/v1/articles?" + filter), 200);
            assertThat(list.get("data")).as(filter).isEmpty();
        }

        // counts: the section counts no public article; the author and the topic are not public at all
        assertThat(json(fetch("/api/v1/sections/" + section.getSlug()), 200)
                        .get("article_count")
                        .asLong())
                .isZero();
        assertThat(sectionCountInList()).isZero();
        assertThat(fetch("/api/v1/authors/" + author.getSlug()).getStatus()).isEqualTo(404);
        assertThat(fetch("/api/v1/topics/" + Slugs.slugify(topic)).getStatus()).isEqualTo(404);
        String authors = fetch("/api/v1/authors").getContentAsString(StandardCharsets.UTF_8);
        String topics = fetch("/api/v1/topics").getContentAsString(StandardCharsets.UTF_8);
        assertThat(authors).doesNotContain(author.getSlug());
        assertThat(topics).doesNotContain(Slugs.slugify(topic));

        // its featured image (and the author's photo) appear nowhere
        String all = String.join("", everything) + authors + topics;
        assertThat(all).doesNotContain("/media/" + image.getId() + "/");
        assertThat(all)
                .doesNotContain(
                        "/media/" + api.authors.get(author.getId()).getPhoto().getId() + "/");
    }

    @Test
    void thePublishedArticleAppearsEverywhere() throws Exception {
        Article article = draft();
        api.articles.publish(article.getId(), TestContent.EDITOR);

        assertThat(json(fetch("/api/v1/articles/" + article.getSlug()), 200)
                        .get("featured_image")
                        .get("url")
                        .asString())
                .contains("/media/" + image.getId() + "/");
        assertThat(String.join("", listAll("/api/v1/articles?limit=100&updated_since=" + start)))
                .contains(article.getSlug());
        for (String filter : List.of(
                "section=" + section.getSlug(), "author=" + author.getSlug(), "topic=" + Slugs.slugify(topic))) {
            JsonNode list = json(fetch("/api/v1/articles?" + filter), 200);
            assertThat(list.get("data")).as(filter).hasSize(1);
        }
        assertThat(json(fetch("/api/v1/sections/" + section.getSlug()), 200)
                        .get("article_count")
                        .asLong())
                .isEqualTo(1);
        assertThat(sectionCountInList()).isEqualTo(1);
        assertThat(json(fetch("/api/v1/authors/" + author.getSlug()), 200)
                        .get("article_count")
                        .asLong())
                .isEqualTo(1);
        assertThat(json(fetch("/api/v1/topics/" + Slugs.slugify(topic)), 200)
                        .get("article_count")
                        .asLong())
                .isEqualTo(1);
        assertThat(fetch("/api/v1/authors").getContentAsString()).contains(author.getSlug());
        assertThat(fetch("/api/v1/topics").getContentAsString()).contains(Slugs.slugify(topic));
    }

    @Test
    void oldSlugsOfATopicAndAnAuthorWithoutAPublicArticleAreNotFound() throws Exception {
        inState(State.DRAFT);
        String oldAuthor = author.getSlug();
        String oldTopic = Slugs.slugify(topic);
        renameAuthorAndTopic();

        assertThat(fetch("/api/v1/authors/" + oldAuthor).getStatus()).isEqualTo(404);
        assertThat(fetch("/api/v1/topics/" + oldTopic).getStatus()).isEqualTo(404);
        assertThat(fetch("/api/v1/authors/" + oldAuthor).getHeader("Location")).isNull();
        assertThat(fetch("/api/v1/topics/" + oldTopic).getContentAsString()).doesNotContain("renamed");
    }

    @Test
    void oldSlugsOfAPublicTopicAndAuthorAnswer301() throws Exception {
        api.articles.publish(draft().getId(), TestContent.EDITOR);
        String oldAuthor = author.getSlug();
        String oldTopic = Slugs.slugify(topic);
        String[] current = renameAuthorAndTopic();

        MockHttpServletResponse authorMoved = fetch("/api/v1/authors/" + oldAuthor);
        assertThat(authorMoved.getStatus()).isEqualTo(301);
        assertThat(authorMoved.getHeader("Location")).isEqualTo("/api/v1/authors/" + current[0]);
        MockHttpServletResponse topicMoved = fetch("/api/v1/topics/" + oldTopic);
        assertThat(topicMoved.getStatus()).isEqualTo(301);
        assertThat(topicMoved.getHeader("Location")).isEqualTo("/api/v1/topics/" + current[1]);
    }

    @Test
    void theMarkdownFieldCarriesNoEditorsComments() throws Exception {
        Article article = api.fixtures.published(
                section,
                List.of(author),
                List.of(),
                "Noted " + Fixtures.word(),
                "Dek",
                "Opening.\n\n<!-- EDITOR NOTE: confirm with the ministry -->\n\nA claim<!-- EDITOR NOTE: source? -->"
                        + " that stands.\n\nWrite `<!-- x -->` to hide a line.\n",
                Instant.now().minusSeconds(60));

        JsonNode served = json(fetch("/api/v1/articles/" + article.getSlug()), 200);
        String markdown = served.get("markdown").asString();
        assertThat(markdown).doesNotContain("EDITOR NOTE");
        assertThat(markdown).isEqualTo("Opening.\n\nA claim that stands.\n\nWrite `<!-- x -->` to hide a line.\n");
        assertThat(served.get("html").asString()).doesNotContain("EDITOR NOTE");
        assertThat(String.join("", listAll("/api/v1/articles?limit=100&updated_since=" + start)))
                .contains(article.getSlug())
                .doesNotContain("EDITOR NOTE");
    }

    /** Gives the author and the topic new slugs; answers them. */
    private String[] renameAuthorAndTopic() {
        Author stored = api.authors.get(author.getId());
        String authorSlug = Fixtures.slug("author");
        api.authors.update(
                Actor.system("test"),
                stored.getId(),
                stored.getVersion(),
                new AuthorChanges(
                        stored.getName(),
                        authorSlug,
                        stored.getTitleLine(),
                        stored.getBioMarkdown(),
                        stored.getPhoto() == null ? null : stored.getPhoto().getId(),
                        stored.getAccountId(),
                        stored.getLinks()));
        Topic stored2 = topicService.findBySlug(Slugs.slugify(topic)).orElseThrow();
        String topicSlug = Slugs.slugify("renamed " + Fixtures.word());
        topicService.rename(Actor.system("test"), stored2.getId(), stored2.getName(), topicSlug);
        return new String[] {authorSlug, topicSlug};
    }

    private long sectionCountInList() throws Exception {
        for (JsonNode item : json(fetch("/api/v1/sections"), 200).get("data")) {
            if (item.get("slug").asString().equals(section.getSlug())) {
                return item.get("article_count").asLong();
            }
        }
        throw new AssertionError("section missing from /api/v1/sections");
    }

    /** Every page of a list, following next links. */
    private List<String> listAll(String first) throws Exception {
        List<String> pages = new ArrayList<>();
        String next = first;
        while (next != null) {
            MockHttpServletResponse response = fetch(next);
            JsonNode page = json(response, 200);
            pages.add(response.getContentAsString(StandardCharsets.UTF_8));
            next = page.get("next").isNull()
                    ? null
                    : page.get("next").asString().replaceFirst("^https?://[^/]+", "");
            assertThat(pages).as("pages of " + first).hasSizeLessThan(50);
        }
        return pages;
    }

    private MockHttpServletResponse fetch(String path) throws Exception {
        return mvc.perform(api.get(path)).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        return ApiContract.JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
