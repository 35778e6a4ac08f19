package org.masthead.article;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.masthead.section.Section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every workflow verb from every state: allowed moves land where docs/DESIGN.md, "Lifecycle" says, others are
 * refused.
 */
class ArticleTests {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final Instant LATER = NOW.plusSeconds(3600);

    /** verb -> (states it may start from, state it leads to). */
    static final Map<String, Move> MOVES = Map.of(
            "submit", new Move(EnumSet.of(ArticleStatus.DRAFT), ArticleStatus.IN_REVIEW, Article::submit),
            "return",
                    new Move(
                            EnumSet.of(ArticleStatus.IN_REVIEW),
                            ArticleStatus.DRAFT,
                            a -> a.returnToDraft("fix the lede", "Ed", NOW)),
            "publish",
                    new Move(
                            EnumSet.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW),
                            ArticleStatus.PUBLISHED,
                            a -> a.publish(NOW)),
            "schedule",
                    new Move(
                            EnumSet.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW),
                            ArticleStatus.SCHEDULED,
                            a -> a.schedule(LATER, NOW)),
            "publishScheduled",
                    new Move(EnumSet.of(ArticleStatus.SCHEDULED), ArticleStatus.PUBLISHED, Article::publishScheduled),
            "unschedule", new Move(EnumSet.of(ArticleStatus.SCHEDULED), ArticleStatus.DRAFT, Article::unschedule),
            "unpublish", new Move(EnumSet.of(ArticleStatus.PUBLISHED), ArticleStatus.DRAFT, Article::unpublish),
            "archive", new Move(EnumSet.of(ArticleStatus.PUBLISHED), ArticleStatus.ARCHIVED, Article::archive),
            "restore", new Move(EnumSet.of(ArticleStatus.ARCHIVED), ArticleStatus.PUBLISHED, Article::restore));

    record Move(Set<ArticleStatus> from, ArticleStatus to, Consumer<Article> verb) {}

    @Test
    void everyVerbFromEveryStateMovesOrIsRefused() {
        for (var entry : MOVES.entrySet()) {
            for (ArticleStatus start : ArticleStatus.values()) {
                Article article = in(start);
                Move move = entry.getValue();
                if (move.from().contains(start)) {
                    move.verb().accept(article);
                    assertThat(article.getStatus())
                            .as(entry.getKey() + " from " + start)
                            .isEqualTo(move.to());
                } else {
                    assertThatThrownBy(() -> move.verb().accept(article))
                            .as(entry.getKey() + " from " + start)
                            .isInstanceOf(IllegalTransitionException.class);
                    assertThat(article.getStatus()).isEqualTo(start);
                }
            }
        }
    }

    @Test
    void onlyANeverPublishedDraftGoesToTheTrashAndOnlyATrashedOneComesOut() {
        for (ArticleStatus start : ArticleStatus.values()) {
            Article article = in(start);
            if (start == ArticleStatus.DRAFT) {
                article.trash(NOW, 9001L, "Owner");
                assertThat(article.getStatus()).isEqualTo(ArticleStatus.TRASHED);
                assertThat(article.getTrashedAt()).isEqualTo(NOW);
            } else {
                assertThatThrownBy(() -> article.trash(NOW, 9001L, "Owner"))
                        .as(start.name())
                        .isInstanceOf(IllegalTransitionException.class);
            }
            if (start == ArticleStatus.TRASHED) {
                article.untrash();
                assertThat(article.getStatus()).isEqualTo(ArticleStatus.DRAFT);
                assertThat(article.getTrashedAt()).isNull();
            } else if (start != ArticleStatus.DRAFT) {
                assertThatThrownBy(article::untrash).as(start.name()).isInstanceOf(IllegalTransitionException.class);
            }
        }
    }

    @Test
    void onlyANeverPublishedDraftIsDeletable() {
        for (ArticleStatus start : ArticleStatus.values()) {
            assertThat(in(start).isDeletable()).as(start.name()).isEqualTo(start == ArticleStatus.DRAFT);
        }
        Article unpublished = in(ArticleStatus.PUBLISHED);
        unpublished.unpublish();
        assertThat(unpublished.getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(unpublished.isDeletable()).isFalse();
    }

    @Test
    void scheduleNeedsAFutureTime() {
        Article article = in(ArticleStatus.DRAFT);
        assertThatThrownBy(() -> article.schedule(NOW, NOW)).isInstanceOf(ScheduleInPastException.class);
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void scheduledPublicationIsDatedAtItsScheduledTime() {
        Article article = in(ArticleStatus.SCHEDULED);
        article.publishScheduled();
        assertThat(article.getPublishedAt()).isEqualTo(LATER);
        assertThat(article.getFirstPublishedAt()).isEqualTo(LATER);
        assertThat(article.getScheduledAt()).isNull();
    }

    @Test
    void returningWithANoteKeepsItForTheAuthor() {
        Article article = in(ArticleStatus.IN_REVIEW);
        article.returnToDraft("Please cite the source", "Eddie", NOW);
        assertThat(article.getReturnNote()).isEqualTo("Please cite the source");
        assertThat(article.getReturnNoteBy()).isEqualTo("Eddie");
        assertThat(article.getReturnNoteAt()).isEqualTo(NOW);
    }

    @Test
    void notesOnlyOnPublishedArticlesAndTheyBumpUpdated() {
        assertThatThrownBy(() -> in(ArticleStatus.DRAFT).addNote(NoteKind.CORRECTION, "x", NOW, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        Article article = in(ArticleStatus.PUBLISHED);
        article.addNote(NoteKind.CORRECTION, "An earlier version misdated the treaty.", LATER, LATER);
        assertThat(article.getContentUpdatedAt()).isEqualTo(LATER);
        assertThat(article.getNotes()).hasSize(1);
    }

    @Test
    void ownershipIsTheCreatingAccount() {
        Article own = new Article("own", "Own", new Section("s", "S", NOW), NOW, 9001L);
        assertThat(own.isCreatedBy(9001)).isTrue();
        assertThat(own.isCreatedBy(9002)).isFalse();
        assertThat(new Article("imported", "Imported", new Section("s", "S", NOW), NOW).isCreatedBy(9001))
                .isFalse();
    }

    /** A fresh article brought into the given state through the verbs themselves. */
    static Article in(ArticleStatus status) {
        Article article = new Article("a", "A", new Section("s", "S", NOW), NOW, 9001L);
        switch (status) {
            case DRAFT -> {}
            case IN_REVIEW -> article.submit();
            case SCHEDULED -> article.schedule(LATER, NOW);
            case PUBLISHED -> article.publish(NOW);
            case ARCHIVED -> {
                article.publish(NOW);
                article.archive();
            }
            case TRASHED -> article.trash(NOW, 9001L, "Owner");
        }
        return article;
    }
}
