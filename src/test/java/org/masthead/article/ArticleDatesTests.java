package org.masthead.article;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.masthead.markdown.MarkdownRenderer;
import org.masthead.section.Section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publication dates, schedules, notes and the body split: what readers see of an article's history. */
class ArticleDatesTests {

    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

    private final Section section = new Section("world", "World", NOW);

    private Article draft() {
        Article article = new Article("a-slug", "A title", section, NOW);
        article.revise(
                new ArticleContent("A title", "A dek", "One.\n\nTwo.\n\nThree.\n\nFour.", null, null),
                new MarkdownRenderer().render("One.\n\nTwo.\n\nThree.\n\nFour."),
                section,
                List.of(),
                Set.of(),
                NOW);
        return article;
    }

    @Test
    void publishingSetsTheDatesOnce() {
        Article article = draft();
        article.publish(NOW);
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.getPublishedAt()).isEqualTo(NOW);
        assertThat(article.getFirstPublishedAt()).isEqualTo(NOW);

        article.unpublish();
        article.publish(NOW.plus(Duration.ofDays(3)));
        assertThat(article.getPublishedAt())
                .as("republishing keeps the original date")
                .isEqualTo(NOW);
        assertThat(article.isDeletable()).isFalse();
    }

    @Test
    void schedulingNeedsAFutureTimeAndPublishesAsOfIt() {
        Article article = draft();
        assertThatThrownBy(() -> article.schedule(NOW, NOW)).isInstanceOf(ScheduleInPastException.class);
        Instant at = NOW.plus(Duration.ofHours(2));
        article.schedule(at, NOW);
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(article.getPublishedAt())
                .as("no faked future publication date")
                .isNull();

        article.publishScheduled();
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.getPublishedAt()).isEqualTo(at);
        assertThat(article.getScheduledAt()).isNull();
    }

    @Test
    void unschedulingReturnsToDraft() {
        Article article = draft();
        article.schedule(NOW.plusSeconds(600), NOW);
        article.unschedule();
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(article.getScheduledAt()).isNull();
    }

    @Test
    void notesGoOnlyOnPublishedArticlesAndSetTheUpdatedDate() {
        Article article = draft();
        assertThatThrownBy(() -> article.addNote(NoteKind.CORRECTION, "Fixed.", NOW, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        article.publish(NOW);
        Instant later = NOW.plus(Duration.ofDays(2));
        article.addNote(NoteKind.CORRECTION, "Fixed a date.", later, later);
        assertThat(article.getContentUpdatedAt()).isEqualTo(later);
        assertThat(article.getNotes()).extracting(ArticleNote::getBody).containsExactly("Fixed a date.");
    }

    @Test
    void theBodySplitsAroundTheNewsletterBoxIntoWholeElements() {
        Article article = draft();
        assertThat(article.getBodyHtmlLead()).isEqualToIgnoringNewLines("<p>One.</p><p>Two.</p><p>Three.</p>");
        assertThat(article.getBodyHtmlLead() + article.getBodyHtmlRest()).isEqualTo(article.getBodyHtml());
        assertThat(article.getBodyHtmlRest()).contains("Four.");
    }
}
