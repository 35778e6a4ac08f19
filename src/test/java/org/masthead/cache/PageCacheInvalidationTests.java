package org.masthead.cache;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.HttpTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleImages;
import org.masthead.article.ArticleScheduler;
import org.masthead.article.ArticleService;
import org.masthead.article.NoteKind;
import org.masthead.author.Author;
import org.masthead.author.AuthorChanges;
import org.masthead.author.AuthorService;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.section.Section;
import org.masthead.section.SectionChanges;
import org.masthead.section.SectionService;
import org.masthead.security.Actor;
import org.masthead.slug.Slugs;
import org.masthead.topic.Topic;
import org.masthead.topic.TopicService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Never stale: every kind of change to public content, made through the services as the newsroom makes it,
 * is served at once to the next reader of a page that was in memory.
 */
@HttpTest
class PageCacheInvalidationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleScheduler scheduler;

    @Autowired
    ArticleImages articleImages;

    @Autowired
    AuthorService authors;

    @Autowired
    SectionService sections;

    @Autowired
    ImageService images;

    @Autowired
    PageCache cache;

    @Autowired
    PostgresInvalidationBridge bridge;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    Http reader;
    Section section;
    Author author;
    Article article;

    @BeforeEach
    void publishAnArticle() {
        reader = Http.reader(port);
        section = content.section();
        author = content.author();
        article = content.published(
                section, List.of(author), List.of(), clock.instant().minus(Duration.ofHours(3)));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        cache.clear("the clock was set back"); // Last-Modified follows the clock back
    }

    String articlePath() {
        return "/articles/" + article.getSlug();
    }

    String sectionPath() {
        return "/sections/" + section.getSlug();
    }

    /** Reads a page twice: the second answer comes from memory. */
    String warm(String path) {
        String page = reader.text(path);
        assertThat(cache.contains(path)).as(path + " kept").isTrue();
        assertThat(reader.text(path)).isEqualTo(page);
        return page;
    }

    ArticleChanges changesOf(Article current, String slug, String title, List<String> topics) {
        return new ArticleChanges(
                slug,
                new ArticleContent(title, current.getDek(), current.getBodyMarkdown(), null, null),
                current.getSection().getId(),
                current.getAuthors().stream().map(Author::getId).toList(),
                topics);
    }

    Article forEditing(Article of) {
        return articles.forEditing(of.getId(), TestContent.EDITOR);
    }

    @Test
    void publishing() {
        Article draft = content.draft(section, List.of(author), List.of());
        assertThat(warm(sectionPath())).doesNotContain(draft.getSlug());
        assertThat(warm("/")).doesNotContain(draft.getSlug());
        assertThat(warm("/feed.xml")).doesNotContain(draft.getSlug());

        articles.publish(draft.getId(), TestContent.EDITOR);

        assertThat(reader.text(sectionPath())).contains(draft.getSlug());
        assertThat(reader.text("/")).contains(draft.getSlug());
        assertThat(reader.text("/feed.xml")).contains(draft.getSlug());
        assertThat(reader.get("/articles/" + draft.getSlug()).statusCode()).isEqualTo(200);
    }

    @Test
    void unpublishing() {
        warm(articlePath());
        assertThat(warm(sectionPath())).contains(article.getSlug());

        articles.unpublish(article.getId(), TestContent.EDITOR);

        assertThat(reader.get(articlePath()).statusCode()).isEqualTo(404);
        assertThat(reader.text(sectionPath())).doesNotContain(article.getSlug());
    }

    @Test
    void archivingAndRestoring() {
        warm(articlePath());
        assertThat(warm(sectionPath())).contains(article.getSlug());

        articles.archive(article.getId(), TestContent.EDITOR);
        assertThat(reader.get(articlePath()).statusCode()).isEqualTo(410);
        assertThat(warm(sectionPath())).doesNotContain(article.getSlug());

        articles.restore(article.getId(), TestContent.EDITOR);
        assertThat(reader.get(articlePath()).statusCode()).isEqualTo(200);
        assertThat(reader.text(sectionPath())).contains(article.getSlug());
    }

    @Test
    void editingAPublishedArticle() {
        warm(articlePath());
        Article current = forEditing(article);
        String title = "Retitled " + TestContent.unique("t");

        articles.update(
                current.getId(),
                current.getRevision(),
                changesOf(current, current.getSlug(), title, List.of()),
                TestContent.EDITOR);

        assertThat(reader.text(articlePath())).contains(title);
    }

    @Test
    void aCorrection() {
        warm(articlePath());
        String note = "An earlier version misdated the summit " + TestContent.unique("n") + ".";

        articles.addNote(article.getId(), NoteKind.CORRECTION, note, TestContent.EDITOR);

        assertThat(reader.text(articlePath())).contains(note);
    }

    @Test
    void aScheduledPublicationsMomentArriving() {
        Article scheduled = content.draft(section, List.of(author), List.of());
        Instant due = clock.instant().plus(Duration.ofHours(1));
        articles.schedule(scheduled.getId(), due, TestContent.EDITOR);
        assertThat(warm(sectionPath())).doesNotContain(scheduled.getSlug());

        // no page outlives the moment a scheduled article is due...
        clock.set(due.plusSeconds(1));
        assertThat(cache.contains(sectionPath())).isFalse();
        // ...and the scheduler's publication (this run, or the timed one if it came first) clears what was kept since
        reader.text(sectionPath());
        scheduler.publishDueArticles();

        assertThat(reader.text(sectionPath())).contains(scheduled.getSlug());
        assertThat(reader.get("/articles/" + scheduled.getSlug()).statusCode()).isEqualTo(200);
    }

    @Test
    void anAuthorChange() {
        warm(articlePath());
        warm("/authors/" + author.getSlug());
        Author current = authors.get(author.getId());
        String name = "Renamed " + TestContent.unique("a");

        authors.update(
                Actor.importing("test"),
                current.getId(),
                current.getVersion(),
                new AuthorChanges(
                        name, current.getSlug(), current.getTitleLine(), "A new bio.", null, null, List.of()));

        assertThat(reader.text(articlePath())).contains(name);
        assertThat(reader.text("/authors/" + author.getSlug())).contains(name, "A new bio.");
    }

    @Test
    void aSectionChange() {
        warm(articlePath());
        warm("/");
        Section current = sections.get(section.getId());
        String name = "Renamed " + TestContent.unique("s");

        sections.update(
                Actor.importing("test"),
                current.getId(),
                current.getVersion(),
                new SectionChanges(
                        name,
                        current.getSlug(),
                        current.getDescription(),
                        current.getDisclaimer(),
                        current.getNewsletterCta(),
                        current.getPosition()));

        assertThat(reader.text(articlePath())).contains(name);
        assertThat(reader.text("/")).contains(name);
    }

    @Autowired
    TopicService topics;

    @Test
    void aTopicChange() {
        String topic = TestContent.unique("Topic");
        Article tagged = content.published(
                section, List.of(author), List.of(topic), clock.instant().minus(Duration.ofHours(1)));
        Matcher link =
                Pattern.compile("href=\"(/topics/[^\"]+)\"").matcher(reader.text("/articles/" + tagged.getSlug()));
        assertThat(link.find()).isTrue();
        String topicPath = link.group(1);
        assertThat(warm(topicPath)).doesNotContain(article.getSlug());
        Article current = forEditing(article);

        articles.update(
                current.getId(),
                current.getRevision(),
                changesOf(current, current.getSlug(), current.getTitle(), List.of(topic)),
                TestContent.EDITOR);

        assertThat(reader.text(topicPath)).contains(article.getSlug());
    }

    @Test
    void aTopicRenamedOrMergedOnTheTopicsPage() {
        String name = TestContent.unique("Propoganda");
        Article tagged = content.published(
                section, List.of(author), List.of(name), clock.instant().minus(Duration.ofHours(1)));
        Topic topic = topics.findOrCreate(Actor.importing("test"), List.of(name))
                .iterator()
                .next();
        assertThat(warm("/articles/" + tagged.getSlug())).contains(name);

        String corrected = TestContent.unique("Propaganda");
        topics.rename(Actor.importing("test"), topic.getId(), corrected, Slugs.slugify(corrected));
        assertThat(reader.text("/articles/" + tagged.getSlug()))
                .contains(corrected)
                .doesNotContain(name);

        Topic other = topics.findOrCreate(Actor.importing("test"), List.of(TestContent.unique("Disinformation")))
                .iterator()
                .next();
        topics.merge(Actor.importing("test"), topic.getId(), other.getId());
        assertThat(reader.text("/articles/" + tagged.getSlug()))
                .contains(other.getName())
                .doesNotContain(corrected);
    }

    @Test
    void theContentApiIsKeptAndFollowsAPublishAndAnEdit() {
        String list = "/api/v1/articles?section=" + section.getSlug() + "&fields=slug,title";
        String one = "/api/v1/articles/" + article.getSlug();
        assertThat(warm(list)).contains(article.getSlug());
        assertThat(warm(one)).contains(article.getTitle());

        Article next = content.published(
                section, List.of(author), List.of(), clock.instant().minus(Duration.ofHours(1)));
        assertThat(reader.text(list)).contains(next.getSlug(), article.getSlug());

        warm(one);
        Article current = forEditing(article);
        String title = "Retitled " + TestContent.unique("t");
        articles.update(
                current.getId(),
                current.getRevision(),
                changesOf(current, current.getSlug(), title, List.of()),
                TestContent.EDITOR);
        assertThat(reader.text(one)).contains(title);
    }

    @Test
    void aKeptApiAnswerCarriesCorsForAnyOriginAndUnknownParametersAreNotKept() {
        String one = "/api/v1/articles/" + article.getSlug();
        warm(one);
        HttpResponse<byte[]> fromMemory = reader.get(one, "Origin", "https://partner.example");
        assertThat(fromMemory.statusCode()).isEqualTo(200);
        assertThat(fromMemory.headers().allValues("Access-Control-Allow-Origin"))
                .containsExactly("*");

        String unknown = one + "?colour=blue";
        assertThat(reader.get(unknown).statusCode()).isEqualTo(400);
        assertThat(cache.contains(unknown)).isFalse();
    }

    @Test
    void anImageChange() {
        Image image = images.upload(
                Actor.importing("test"), TestImages.jpeg(320, 200), "dawn.jpg", "Harbour at dawn", null, null);
        assertThat(warm(articlePath())).doesNotContain(image.getUrl());

        articleImages.setFeaturedImage(article.getId(), image.getId(), Actor.importing("test"));
        assertThat(warm(articlePath())).contains(image.getUrl());

        String alt = "Harbour at dusk " + TestContent.unique("i");
        images.describe(Actor.importing("test"), image.getId(), alt, "A new caption", "A new credit");

        assertThat(reader.text(articlePath())).contains(alt, "A new caption");
    }

    @Test
    void aSlugChange() {
        assertThat(warm(sectionPath())).contains(articlePath());
        warm(articlePath());
        Article current = forEditing(article);
        String slug = TestContent.unique("renamed");

        articles.update(
                current.getId(),
                current.getRevision(),
                changesOf(current, slug, current.getTitle(), List.of()),
                TestContent.EDITOR);

        assertThat(reader.text(sectionPath())).contains("/articles/" + slug).doesNotContain(articlePath() + "\"");
        HttpResponse<byte[]> old = reader.get(articlePath());
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith(slug));
    }

    @Test
    void aDraftsEditsLeaveTheCacheAlone() {
        Article draft = content.draft(section, List.of(author), List.of());
        warm(sectionPath());
        Article current = forEditing(draft);

        articles.update(
                current.getId(),
                current.getRevision(),
                changesOf(current, current.getSlug(), "Still a draft", List.of()),
                TestContent.EDITOR);

        assertThat(cache.contains(sectionPath())).isTrue();
    }

    @Test
    void aListenerThatReconnectsClearsItsWholeCache() throws InterruptedException {
        long connections = bridge.connections();
        assertThat(connections).isPositive();
        warm(articlePath());

        List<Boolean> terminated = jdbc.queryForList(
                "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?",
                Boolean.class,
                PostgresInvalidationBridge.APPLICATION_NAME);
        assertThat(terminated).contains(true);

        await().atMost(Duration.ofSeconds(20)).until(() -> bridge.connections() > connections);
        assertThat(cache.contains(articlePath())).isFalse();
    }

    @Test
    void readersGetTheSameBytesWhileNothingChanges() {
        String first = new String(reader.get(articlePath()).body(), StandardCharsets.UTF_8);
        long hits = cache.stats().hitCount();
        assertThat(reader.text(articlePath())).isEqualTo(first);
        assertThat(cache.stats().hitCount()).isGreaterThan(hits);
    }
}
