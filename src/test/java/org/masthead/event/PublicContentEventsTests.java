package org.masthead.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleImages;
import org.masthead.article.ArticleScheduler;
import org.masthead.article.ArticleService;
import org.masthead.article.FrontPage;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Each kind of change to public content publishes its own event, with the ids it concerns, and the surrogate keys
 * the events name are the ones the reader's pages carry.
 */
@IntegrationTest
@RecordApplicationEvents
class PublicContentEventsTests {

    static final Actor IMPORT = Actor.importing("test");

    @Autowired
    ApplicationEvents events;

    @Autowired
    TestContent content;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleScheduler scheduler;

    @Autowired
    ArticleImages articleImages;

    @Autowired
    FrontPage frontPage;

    @Autowired
    AuthorService authors;

    @Autowired
    SectionService sections;

    @Autowired
    TopicService topics;

    @Autowired
    ImageService images;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    Section section;
    Author author;
    Article article;

    @BeforeEach
    void publishAnArticle() {
        section = content.section();
        author = content.author();
        article = content.published(
                section, List.of(author), List.of(), clock.instant().minus(Duration.ofHours(3)));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The events published by {@code change}, and only those. */
    List<PublicContentEvent> during(Runnable change) {
        events.clear();
        change.run();
        return events.stream(PublicContentEvent.class).toList();
    }

    Article forEditing(Article of) {
        return articles.forEditing(of.getId(), TestContent.EDITOR);
    }

    void retitle(Article of, String title, List<String> topicNames) {
        Article current = forEditing(of);
        articles.update(
                current.getId(),
                current.getRevision(),
                new ArticleChanges(
                        current.getSlug(),
                        new ArticleContent(title, current.getDek(), current.getBodyMarkdown(), null, null),
                        current.getSection().getId(),
                        current.getAuthors().stream().map(Author::getId).toList(),
                        topicNames),
                TestContent.EDITOR);
    }

    ArticlePublished publishedEvent(Article of) {
        return new ArticlePublished(of.getId(), section.getId(), Set.of(author.getId()), Set.of());
    }

    @Test
    void publishingUnpublishingArchivingAndRestoring() {
        Article draft = content.draft(section, List.of(author), List.of());

        assertThat(during(() -> articles.publish(draft.getId(), TestContent.EDITOR)))
                .containsExactly(publishedEvent(draft));
        assertThat(during(() -> articles.unpublish(draft.getId(), TestContent.EDITOR)))
                .containsExactly(new ArticleUnpublished(draft.getId()));
        assertThat(during(() -> articles.archive(article.getId(), TestContent.EDITOR)))
                .containsExactly(new ArticleArchived(article.getId()));
        assertThat(during(() -> articles.restore(article.getId(), TestContent.EDITOR)))
                .containsExactly(publishedEvent(article));
    }

    @Test
    void thePublishedEventNamesTheHomePageTheArticleAndTheListsItJoins() {
        Article draft = content.draft(section, List.of(author), List.of());
        ArticlePublished published = publishedEvent(draft);

        assertThat(published.surrogateKeys())
                .containsExactlyInAnyOrder(
                        "home", "article-" + draft.getId(), "section-" + section.getId(), "author-" + author.getId());
        assertThat(published.touchesEveryPage()).isFalse();
    }

    @Test
    void schedulingAndTheScheduledMoment() {
        Article draft = content.draft(section, List.of(author), List.of());
        Instant due = clock.instant().plus(Duration.ofHours(1));

        assertThat(during(() -> articles.schedule(draft.getId(), due, TestContent.EDITOR)))
                .containsExactly(new ArticleScheduled(draft.getId()));
        assertThat(new ArticleScheduled(draft.getId()).surrogateKeys()).isEmpty();
        assertThat(during(() -> articles.unschedule(draft.getId(), TestContent.EDITOR)))
                .containsExactly(new ArticleScheduled(draft.getId()));

        articles.schedule(draft.getId(), due, TestContent.EDITOR);
        clock.set(due.plusSeconds(1));
        assertThat(during(scheduler::publishDueArticles)).contains(publishedEvent(draft));
    }

    @Test
    void editsCorrectionsAndFeaturedImagesOfAPublishedArticle() {
        String topic = TestContent.unique("Topic");
        List<PublicContentEvent> edited = during(() -> retitle(article, "Retitled", List.of(topic)));
        Topic tagged = topics.findBySlug(Slugs.slugify(topic)).orElseThrow();
        assertThat(edited)
                .containsExactly(new ArticleChanged(
                        article.getId(), section.getId(), Set.of(author.getId()), Set.of(tagged.getId())));

        ArticleChanged changed =
                new ArticleChanged(article.getId(), section.getId(), Set.of(author.getId()), Set.of(tagged.getId()));
        assertThat(during(
                        () -> articles.addNote(article.getId(), NoteKind.CORRECTION, "Misdated.", TestContent.EDITOR)))
                .containsExactly(changed);

        Image image = images.upload(IMPORT, TestImages.jpeg(320, 200), "dawn.jpg", "Harbour at dawn", null, null);
        assertThat(during(() -> articleImages.setFeaturedImage(article.getId(), image.getId(), IMPORT)))
                .containsExactly(changed);
    }

    @Test
    void aDraftsEditsPublishNothing() {
        Article draft = content.draft(section, List.of(author), List.of());

        assertThat(during(() -> retitle(draft, "Still a draft", List.of()))).isEmpty();
    }

    @Test
    void theArticlePageCarriesEveryKeyItsChangeNames() throws Exception {
        String topic = TestContent.unique("Topic");
        retitle(article, article.getTitle(), List.of(topic));
        Topic tagged = topics.findBySlug(Slugs.slugify(topic)).orElseThrow();
        ArticleChanged changed =
                new ArticleChanged(article.getId(), section.getId(), Set.of(author.getId()), Set.of(tagged.getId()));

        String header = mvc.perform(get("/articles/" + article.getSlug()))
                .andReturn()
                .getResponse()
                .getHeader("Surrogate-Key");
        assertThat(header).isNotNull();
        assertThat(Set.of(header.split(" "))).containsAll(changed.surrogateKeys());

        // the home page carries its own key and the key of every article it shows (which articles those are depends
        // on what other tests of the build published since)
        String home = mvc.perform(get("/")).andReturn().getResponse().getHeader("Surrogate-Key");
        assertThat(Set.of(home.split(" "))).contains(SurrogateKey.HOME);
        assertThat(home.split(" ")).anyMatch(key -> key.startsWith("article-"));
    }

    @Test
    void authorsSectionsTopicsImagesAndTheFrontPage() {
        Author current = authors.get(author.getId());
        assertThat(during(() -> authors.update(
                        IMPORT,
                        current.getId(),
                        current.getVersion(),
                        new AuthorChanges(
                                "Renamed",
                                current.getSlug(),
                                current.getTitleLine(),
                                "A bio.",
                                null,
                                null,
                                List.of()))))
                .containsExactly(new AuthorChanged(Set.of(author.getId())));
        Author other = content.author();
        assertThat(during(() -> authors.mergeInto(IMPORT, other.getId(), author.getId())))
                .containsExactly(new AuthorChanged(Set.of(other.getId(), author.getId())));
        assertThat(new AuthorChanged(Set.of(author.getId())).surrogateKeys())
                .containsExactly("author-" + author.getId());

        Section now = sections.get(section.getId());
        List<PublicContentEvent> sectionEvents = during(() -> sections.update(
                IMPORT,
                now.getId(),
                now.getVersion(),
                new SectionChanges(
                        "Renamed " + TestContent.unique("s"),
                        now.getSlug(),
                        now.getDescription(),
                        now.getDisclaimer(),
                        now.getNewsletterCta(),
                        now.getPosition())));
        assertThat(sectionEvents).containsExactly(new SectionChanged(section.getId()));
        assertThat(sectionEvents.get(0).touchesEveryPage())
                .as("every page's navigation")
                .isTrue();
        assertThat(sectionEvents.get(0).surrogateKeys()).containsExactly("section-" + section.getId());

        Topic topic = topics.findOrCreate(IMPORT, List.of(TestContent.unique("Propoganda")))
                .iterator()
                .next();
        Topic into = topics.findOrCreate(IMPORT, List.of(TestContent.unique("Propaganda")))
                .iterator()
                .next();
        String corrected = TestContent.unique("Disinformation");
        assertThat(during(() -> topics.rename(IMPORT, topic.getId(), corrected, Slugs.slugify(corrected))))
                .containsExactly(new TopicChanged(Set.of(topic.getId())));
        assertThat(during(() -> topics.merge(IMPORT, topic.getId(), into.getId())))
                .containsExactly(new TopicChanged(Set.of(topic.getId(), into.getId())));
        assertThat(new TopicChanged(Set.of(into.getId())).surrogateKeys()).containsExactly("topic-" + into.getId());

        Image image = images.upload(IMPORT, TestImages.jpeg(320, 200), "dusk.jpg", "Harbour at dusk", null, null);
        List<PublicContentEvent> imageEvents =
                during(() -> images.describe(IMPORT, image.getId(), "Harbour at night", "A caption", "A credit"));
        assertThat(imageEvents).containsExactly(new ImageChanged(image.getId()));
        assertThat(imageEvents.get(0).touchesEveryPage()).isTrue();

        try {
            assertThat(during(() -> frontPage.choose(article.getId(), List.of(), TestContent.EDITOR)))
                    .containsExactly(new FrontPageChanged());
            assertThat(new FrontPageChanged().surrogateKeys()).containsExactly("home");
        } finally {
            frontPage.choose(null, List.of(), TestContent.EDITOR);
        }
    }
}
