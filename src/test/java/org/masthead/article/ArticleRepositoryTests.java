package org.masthead.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.author.Author;
import org.masthead.markdown.MarkdownRenderer;
import org.masthead.section.Section;
import org.masthead.topic.Topic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/** The visibility rule, ordering and pagination, on the real PostgreSQL schema that Flyway built. */
@IntegrationTest
@Transactional // each test's rows are rolled back
class ArticleRepositoryTests {

    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();

    @Autowired
    private ArticleRepository articles;

    @PersistenceContext
    private EntityManager entities;

    @Autowired
    private JdbcTemplate jdbc;

    private Section section;
    private Author author;
    private Topic topic;
    private int sequence;

    private <T> T persist(T entity) {
        entities.persist(entity);
        return entity;
    }

    @BeforeEach
    void setUp() {
        String suffix = Long.toString(System.nanoTime());
        section = persist(new Section("repo-section-" + suffix, "Repository section", NOW));
        author = persist(new Author("repo-author-" + suffix, "Repository Author", "Fellow", NOW));
        topic = persist(new Topic("repo-topic-" + suffix, "Repository topic", NOW));
    }

    private Article article(String state, Instant publishedAt) {
        String slug = "repo-" + state.toLowerCase().replace('_', '-') + "-" + System.nanoTime() + "-" + (++sequence);
        Article article = new Article(slug, "Title " + slug, section, NOW.minus(Duration.ofDays(30)));
        article.revise(
                new ArticleContent("Title " + slug, "", "Body of " + slug, null, null),
                MARKDOWN.render("Body"),
                section,
                List.of(author),
                Set.of(topic),
                NOW.minus(Duration.ofDays(30)));
        switch (state) {
            case "PUBLISHED" -> article.publish(publishedAt);
            case "IN_REVIEW" -> article.submit();
            case "SCHEDULED" -> article.schedule(NOW.plus(Duration.ofHours(1)), NOW);
            case "ARCHIVED" -> {
                article.publish(publishedAt);
                article.archive();
            }
            default -> {}
        }
        return persist(article);
    }

    @Test
    void onlyPublishedArticlesWhoseTimeHasComeArePublic() {
        long before = articles.countPublic(NOW);
        Article published = article("PUBLISHED", NOW.minus(Duration.ofDays(1)));
        Article publishedThisInstant = article("PUBLISHED", NOW);
        Article publishedInTheFuture = article("PUBLISHED", NOW.plus(Duration.ofMinutes(1)));
        Article draft = article("DRAFT", null);
        Article inReview = article("IN_REVIEW", null);
        Article scheduled = article("SCHEDULED", null);
        Article archived = article("ARCHIVED", NOW.minus(Duration.ofDays(2)));
        entities.flush();

        List<Article> hidden = List.of(publishedInTheFuture, draft, inReview, scheduled, archived);
        for (Article article : hidden) {
            assertThat(articles.findPublicBySlug(article.getSlug(), NOW))
                    .as(article.getSlug())
                    .isEmpty();
            assertThat(articles.findPublicById(article.getId(), NOW))
                    .as(article.getSlug())
                    .isEmpty();
        }
        assertThat(articles.findPublicBySlug(published.getSlug(), NOW)).isPresent();
        assertThat(articles.findPublicBySlug(publishedThisInstant.getSlug(), NOW))
                .isPresent();

        assertThat(articles.findPublicPageBySection(section, NOW, 0, 100))
                .containsExactly(publishedThisInstant, published);
        assertThat(readers().byAuthor(author, PageRequest.of(0, 100)).getContent())
                .containsExactly(publishedThisInstant, published);
        assertThat(readers().onTopic(topic, PageRequest.of(0, 100)).getContent())
                .containsExactly(publishedThisInstant, published);
        assertThat(readers().topics()).contains(topic);
        assertThat(articles.findPublicPage(NOW, 0, 1000))
                .contains(published, publishedThisInstant)
                .doesNotContainAnyElementsOf(hidden);
        assertThat(articles.findPublicInSectionExcept(section, published.getId(), NOW, Limit.of(10)))
                .containsExactly(publishedThisInstant);
        assertThat(articles.countPublic(NOW)).isEqualTo(before + 2);

        // The same article becomes public once the clock passes its publication time.
        assertThat(articles.findPublicBySlug(publishedInTheFuture.getSlug(), NOW.plus(Duration.ofMinutes(1))))
                .isPresent();
        assertThat(articles.existsBySlugAndStatus(archived.getSlug(), ArticleStatus.ARCHIVED))
                .isTrue();
    }

    /** What readers see at {@link #NOW}. */
    private PublicArticles readers() {
        return new PublicArticles(articles, null, Clock.fixed(NOW, ZoneOffset.UTC), entities);
    }

    @Test
    void authorAndTopicPagesFollowTheirArticlesStatusAndDate() {
        Article first = article("PUBLISHED", NOW.minus(Duration.ofDays(3)));
        Article second = article("DRAFT", null);
        entities.flush();
        assertThat(readers().byAuthor(author, PageRequest.of(0, 10)).getContent())
                .containsExactly(first);

        second.publish(NOW.minus(Duration.ofDays(1)));
        entities.flush();
        assertThat(readers().byAuthor(author, PageRequest.of(0, 10)).getContent())
                .containsExactly(second, first);
        assertThat(readers().onTopic(topic, PageRequest.of(1, 1)).getContent()).containsExactly(first);

        first.archive();
        entities.flush();
        assertThat(readers().byAuthor(author, PageRequest.of(0, 10)).getContent())
                .containsExactly(second);
        assertThat(readers().onTopic(topic, PageRequest.of(0, 10)).getContent()).containsExactly(second);
        assertThat(jdbc.queryForObject(
                        "select count(*) from article_topics where article_id = ? and not published and published_at = ?",
                        Long.class,
                        first.getId(),
                        java.sql.Timestamp.from(NOW.minus(Duration.ofDays(3)))))
                .as("the link keeps the date and says the article is no longer published")
                .isEqualTo(1);
    }

    @Test
    void listsAreNewestFirstAndPaginated() {
        for (int day = 1; day <= 25; day++) {
            article("PUBLISHED", NOW.minus(Duration.ofDays(day)));
        }
        entities.flush();

        // Pages of 10, read with one more row to tell whether a next page exists.
        List<Article> first = articles.findPublicPageBySection(section, NOW, 0, 11);
        List<Article> third = articles.findPublicPageBySection(section, NOW, 20, 11);
        List<Article> beyond = articles.findPublicPageBySection(section, NOW, 30, 11);

        assertThat(first).hasSize(11);
        assertThat(first).extracting(Article::getPublishedAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(first.get(0).getPublishedAt()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(third).hasSize(5);
        assertThat(third.get(4).getPublishedAt()).isEqualTo(NOW.minus(Duration.ofDays(25)));
        assertThat(beyond).isEmpty();
    }

    @Test
    void aSectionsPagesReadFromItsOldestEndAreTheSamePagesAndItsCountFollowsItsArticles() {
        List<Article> published = new java.util.ArrayList<>();
        for (int day = 1; day <= 25; day++) {
            published.add(article("PUBLISHED", NOW.minus(Duration.ofDays(day))));
        }
        article("PUBLISHED", NOW.plus(Duration.ofHours(2))); // not public yet: not counted
        article("DRAFT", null);
        article("ARCHIVED", NOW.minus(Duration.ofDays(40)));
        entities.flush();
        assertThat(articles.countPublicInSection(section.getId(), NOW)).isEqualTo(25);
        assertSamePagesFromBothEnds(25);

        // Archived, moved to another section, published again: the count (V71's triggers) follows.
        published.get(3).archive();
        Section other = persist(new Section("repo-other-" + System.nanoTime(), "Other section", NOW));
        Article moved = published.get(7);
        moved.revise(
                new ArticleContent(moved.getTitle(), "", "Moved", null, null),
                MARKDOWN.render("Moved"),
                other,
                List.of(author),
                Set.of(topic),
                NOW.minus(Duration.ofDays(1)));
        entities.flush();
        assertThat(articles.countPublicInSection(section.getId(), NOW)).isEqualTo(23);
        assertThat(articles.countPublicInSection(other.getId(), NOW)).isEqualTo(1);
        assertSamePagesFromBothEnds(23);
        assertThat(articles.countPublicInSection(section.getId(), NOW.plus(Duration.ofHours(3))))
                .as("the article dated ahead counts once its time has come")
                .isEqualTo(24);
    }

    @Test
    void aSectionPageFarFromTheNewestEndIsReadFromTheOldestAndIsTheSamePage() {
        int total = PublicArticles.FROM_OLDEST_AFTER + 15;
        for (int hour = 1; hour <= total; hour++) {
            article("PUBLISHED", NOW.minus(Duration.ofHours(hour)));
        }
        entities.flush();
        int last = total / 10; // 0-based: the page holding rows 210 to 214
        assertThat(readers().inSection(section, PageRequest.of(last, 10)).getContent())
                .hasSize(5)
                .containsExactlyElementsOf(articles.findPublicPageBySection(section, NOW, last * 10L, 10));
        assertThat(readers().inSection(section, PageRequest.of(last - 1, 10)).hasNext())
                .isTrue();
        assertThat(readers().inSection(section, PageRequest.of(last, 10)).hasNext())
                .isFalse();
        assertThat(readers().inSection(section, PageRequest.of(last + 1, 10)).getContent())
                .isEmpty();
    }

    private void assertSamePagesFromBothEnds(long total) {
        for (long offset = 0; offset <= total + 10; offset += 10) {
            assertThat(readers().inSectionFromOldest(section, total, offset, 11, NOW))
                    .as("rows from %d", offset)
                    .containsExactlyElementsOf(articles.findPublicPageBySection(section, NOW, offset, 11));
        }
        // Any page size, any offset.
        assertThat(readers().inSectionFromOldest(section, total, 7, 3, NOW))
                .containsExactlyElementsOf(articles.findPublicPageBySection(section, NOW, 7, 3));
    }

    @Test
    void coAuthorsKeepTheirOrderAndTheDatabaseEnforcesTheRules() {
        Author second = persist(new Author("repo-second-" + System.nanoTime(), "Second Author", "", NOW));
        Article article = new Article("repo-order-" + System.nanoTime(), "Order", section, NOW);
        article.revise(
                new ArticleContent("Order", "", "Body", null, null),
                MARKDOWN.render("Body"),
                section,
                List.of(second, author),
                Set.of(),
                NOW);
        persist(article);
        entities.flush();
        entities.clear();

        List<String> names = jdbc.queryForList("""
                select au.name from article_authors aa join authors au on au.id = aa.author_id
                where aa.article_id = ? order by aa.position""", String.class, article.getId());
        assertThat(names).containsExactly("Second Author", "Repository Author");
        assertThat(articles.findById(article.getId()).orElseThrow().getAuthors())
                .extracting(Author::getName)
                .containsExactly("Second Author", "Repository Author");

        Integer statusChecks = jdbc.queryForObject("""
                select count(*) from pg_constraint where conname in ('ck_articles_status', 'uk_articles_slug', 'ck_articles_published_at')""", Integer.class);
        assertThat(statusChecks).isEqualTo(3);
    }
}
