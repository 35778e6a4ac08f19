package org.masthead.article.web;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.article.Article;
import org.masthead.article.ArticleAccessDeniedException;
import org.masthead.article.ArticleAction;
import org.masthead.article.ArticleFixtures;
import org.masthead.article.ArticleService;
import org.masthead.article.ArticleStatus;
import org.masthead.article.IllegalTransitionException;
import org.masthead.article.NoteKind;
import org.masthead.author.AuthorService;
import org.masthead.section.SectionService;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.article.ArticleFixtures.ADMIN;
import static org.masthead.article.ArticleFixtures.CONTRIBUTOR;
import static org.masthead.article.ArticleFixtures.EDITOR;
import static org.masthead.article.ArticleFixtures.OTHER_CONTRIBUTOR;

/**
 * The edit page's workflow buttons come from one source: for every state of an article and every role (the
 * contributor who wrote it, another contributor, an editor, an admin), the buttons shown are exactly the moves the
 * service accepts. Each move is tried for real on the database, in a transaction rolled back afterwards.
 */
@IntegrationTest
class WorkflowButtonsTests {

    @Autowired
    ArticleService articles;

    @Autowired
    SectionService sections;

    @Autowired
    AuthorService authors;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theButtonsOfEveryStateAndRoleAreTheMovesTheServiceAccepts() {
        Map<String, Article> states = articlesInEveryState();
        Map<String, Set<ArticleAction>> differences = new LinkedHashMap<>();
        int checked = 0;
        for (var state : states.entrySet()) {
            for (StaffUser user : List.of(CONTRIBUTOR, OTHER_CONTRIBUTOR, EDITOR, ADMIN)) {
                Article article = articles.get(state.getValue().getId());
                WorkflowButtons buttons = WorkflowButtons.of(user, article);
                Set<ArticleAction> shown = EnumSet.noneOf(ArticleAction.class);
                shown.addAll(buttons.formActions());
                shown.addAll(buttons.pageActions());
                if (buttons.may("CORRECT")) {
                    shown.add(ArticleAction.CORRECT);
                }
                Set<ArticleAction> accepted = EnumSet.noneOf(ArticleAction.class);
                for (ArticleAction action : ArticleAction.values()) {
                    if (accepts(action, article.getId(), user)) {
                        accepted.add(action);
                    }
                    checked++;
                }
                if (!shown.equals(accepted)) {
                    differences.put(state.getKey() + " / " + user.getRole() + " " + user.getDisplayName(), accepted);
                }
            }
        }
        assertThat(checked).isEqualTo(states.size() * 4 * ArticleAction.values().length);
        assertThat(differences).as("accepted moves where the buttons differ").isEmpty();

        // The table is not trivially empty or full: spot checks of the rules themselves.
        assertThat(WorkflowButtons.of(
                                CONTRIBUTOR, articles.get(states.get("draft").getId()))
                        .allowed())
                .containsExactlyInAnyOrder(ArticleAction.SUBMIT, ArticleAction.DELETE);
        assertThat(WorkflowButtons.of(
                                OTHER_CONTRIBUTOR,
                                articles.get(states.get("draft").getId()))
                        .allowed())
                .isEmpty();
        assertThat(WorkflowButtons.of(
                                EDITOR, articles.get(states.get("published").getId()))
                        .allowed())
                .containsExactlyInAnyOrder(ArticleAction.UNPUBLISH, ArticleAction.ARCHIVE, ArticleAction.CORRECT);
        assertThat(WorkflowButtons.of(
                                ADMIN,
                                articles.get(states.get("draft, once published").getId()))
                        .allowed())
                .doesNotContain(ArticleAction.DELETE)
                .contains(ArticleAction.PUBLISH);
        assertThat(WorkflowButtons.of(
                                CONTRIBUTOR,
                                articles.get(states.get("trashed by its owner").getId()))
                        .allowed())
                .containsExactly(ArticleAction.UNTRASH);
        assertThat(WorkflowButtons.of(
                                CONTRIBUTOR,
                                articles.get(states.get("trashed by an editor").getId()))
                        .allowed())
                .isEmpty();
    }

    /** Whether the service makes the move; whatever it did is rolled back. */
    private boolean accepts(ArticleAction action, long id, StaffUser user) {
        signIn(user);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Boolean accepted = tx.execute(status -> {
            status.setRollbackOnly();
            try {
                switch (action) {
                    case SUBMIT -> articles.submit(id, user);
                    case RETURN -> articles.returnToDraft(id, "A note", user);
                    case PUBLISH -> articles.publish(id, user);
                    case SCHEDULE -> articles.schedule(id, clock.instant().plus(Duration.ofDays(30)), user);
                    case UNSCHEDULE -> articles.unschedule(id, user);
                    case UNPUBLISH -> articles.unpublish(id, user);
                    case ARCHIVE -> articles.archive(id, user);
                    case RESTORE -> articles.restore(id, user);
                    case CORRECT -> articles.addNote(id, NoteKind.CORRECTION, "A correction.", user);
                    case DELETE -> articles.delete(id, user);
                    case UNTRASH -> articles.untrash(id, user);
                }
                return true;
            } catch (ArticleAccessDeniedException | IllegalTransitionException refused) {
                return false;
            }
        });
        return Boolean.TRUE.equals(accepted);
    }

    private Map<String, Article> articlesInEveryState() {
        Map<String, Article> states = new LinkedHashMap<>();
        states.put("draft", draft());
        Article inReview = draft();
        signIn(CONTRIBUTOR);
        articles.submit(inReview.getId(), CONTRIBUTOR);
        states.put("in review", inReview);
        signIn(EDITOR);
        Article scheduled = draft();
        signIn(EDITOR);
        articles.schedule(scheduled.getId(), clock.instant().plus(Duration.ofDays(3)), EDITOR);
        states.put("scheduled", scheduled);
        Article published = draft();
        signIn(EDITOR);
        articles.publish(published.getId(), EDITOR);
        states.put("published", published);
        Article archived = draft();
        signIn(EDITOR);
        articles.publish(archived.getId(), EDITOR);
        articles.archive(archived.getId(), EDITOR);
        states.put("archived", archived);
        Article unpublished = draft();
        signIn(EDITOR);
        articles.publish(unpublished.getId(), EDITOR);
        articles.unpublish(unpublished.getId(), EDITOR);
        states.put("draft, once published", unpublished);
        Article trashedByOwner = draft();
        articles.delete(trashedByOwner.getId(), CONTRIBUTOR);
        states.put("trashed by its owner", trashedByOwner);
        Article trashedByEditor = draft();
        signIn(EDITOR);
        articles.delete(trashedByEditor.getId(), EDITOR);
        states.put("trashed by an editor", trashedByEditor);
        for (var state : states.values()) {
            assertThat(articles.get(state.getId()).getStatus()).isNotNull();
        }
        assertThat(states.values().stream().map(a -> articles.get(a.getId()).getStatus()))
                .containsExactly(
                        ArticleStatus.DRAFT,
                        ArticleStatus.IN_REVIEW,
                        ArticleStatus.SCHEDULED,
                        ArticleStatus.PUBLISHED,
                        ArticleStatus.ARCHIVED,
                        ArticleStatus.DRAFT,
                        ArticleStatus.TRASHED,
                        ArticleStatus.TRASHED);
        return states;
    }

    /** A draft written by the contributor. */
    private Article draft() {
        signIn(CONTRIBUTOR);
        String slug = ArticleFixtures.uniqueSlug("buttons");
        return articles.create(
                ArticleFixtures.changes(sections, authors, slug, "Buttons " + slug, "A body.\n"), CONTRIBUTOR);
    }

    private static void signIn(StaffUser user) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
