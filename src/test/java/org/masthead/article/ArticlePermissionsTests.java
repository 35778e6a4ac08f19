package org.masthead.article;

import java.time.Instant;
import java.util.EnumSet;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.section.Section;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what to an article (docs/DESIGN.md, "Who may do what"), on plain objects: every role, owner or not,
 * state.
 */
class ArticlePermissionsTests {

    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private static final StaffUser OWNER = staff(7001, Role.CONTRIBUTOR);
    private static final StaffUser OTHER_CONTRIBUTOR = staff(7002, Role.CONTRIBUTOR);
    private static final StaffUser EDITOR = staff(7003, Role.EDITOR);
    private static final StaffUser ADMIN = staff(7004, Role.ADMIN);

    private static StaffUser staff(long id, Role role) {
        return new StaffUser(id, "staff-" + id + "@example.org", "Staff " + id, role, "{noop}x", true);
    }

    /** An article created by {@link #OWNER}, moved to {@code status} through its own workflow verbs. */
    private static Article article(ArticleStatus status) {
        Article article = new Article("perm", "Permissions", new Section("s", "S", NOW), NOW, OWNER.getAccountId());
        Consumer<Article> to = switch (status) {
            case DRAFT -> a -> {};
            case IN_REVIEW -> Article::submit;
            case SCHEDULED -> a -> a.schedule(NOW.plusSeconds(3600), NOW);
            case PUBLISHED -> a -> a.publish(NOW);
            case ARCHIVED ->
                a -> {
                    a.publish(NOW);
                    a.archive();
                };
            case TRASHED -> a -> a.trash(NOW, EDITOR.getAccountId(), EDITOR.getDisplayName());
        };
        to.accept(article);
        assertThat(article.getStatus()).isEqualTo(status);
        return article;
    }

    @ParameterizedTest
    @EnumSource(ArticleStatus.class)
    void editorsAndAdminsMayDoEverythingToAnyArticle(ArticleStatus status) {
        Article article = article(status);
        for (StaffUser manager : new StaffUser[] {EDITOR, ADMIN}) {
            assertThat(ArticlePermissions.canManage(manager)).isTrue();
            assertThat(ArticlePermissions.canView(manager, article)).isTrue();
            assertThat(ArticlePermissions.canEdit(manager, article))
                    .as("nothing is edited in the trash")
                    .isEqualTo(status != ArticleStatus.TRASHED);
            assertThat(ArticlePermissions.canSubmit(manager, article)).isTrue();
            assertThat(ArticlePermissions.canDelete(manager, article)).isTrue();
            assertThat(ArticlePermissions.canSharePreview(manager, article)).isTrue();
        }
    }

    @Test
    void aContributorWorksOnTheirOwnDraftOnly() {
        Article draft = article(ArticleStatus.DRAFT);
        assertThat(ArticlePermissions.canManage(OWNER)).isFalse();
        assertThat(ArticlePermissions.canView(OWNER, draft)).isTrue();
        assertThat(ArticlePermissions.canEdit(OWNER, draft)).isTrue();
        assertThat(ArticlePermissions.canSubmit(OWNER, draft)).isTrue();
        assertThat(ArticlePermissions.canDelete(OWNER, draft)).isTrue();
        assertThat(ArticlePermissions.canSharePreview(OWNER, draft)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = ArticleStatus.class,
            names = {"DRAFT"},
            mode = EnumSource.Mode.EXCLUDE)
    void onceTheirDraftLeavesTheirHandsAContributorMayOnlyReadIt(ArticleStatus status) {
        Article article = article(status);
        assertThat(ArticlePermissions.canView(OWNER, article)).isTrue();
        assertThat(ArticlePermissions.canEdit(OWNER, article)).isFalse();
        assertThat(ArticlePermissions.canSubmit(OWNER, article)).isFalse();
        assertThat(ArticlePermissions.canDelete(OWNER, article)).isFalse();
        assertThat(ArticlePermissions.canSharePreview(OWNER, article)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ArticleStatus.class)
    void aContributorMayNotEvenSeeSomeoneElsesArticle(ArticleStatus status) {
        Article article = article(status);
        assertThat(ArticlePermissions.canView(OTHER_CONTRIBUTOR, article)).isFalse();
        assertThat(ArticlePermissions.canEdit(OTHER_CONTRIBUTOR, article)).isFalse();
        assertThat(ArticlePermissions.canSubmit(OTHER_CONTRIBUTOR, article)).isFalse();
        assertThat(ArticlePermissions.canDelete(OTHER_CONTRIBUTOR, article)).isFalse();
        assertThat(ArticlePermissions.canSharePreview(OTHER_CONTRIBUTOR, article))
                .isFalse();
    }

    @Test
    void whoeverPutADraftInTheTrashAndEditorsMayTakeItOutAndOnlyAdminsEmptyTheTrash() {
        Article byEditor = article(ArticleStatus.TRASHED);
        assertThat(ArticlePermissions.canView(OWNER, byEditor))
                .as("a contributor sees their own")
                .isTrue();
        assertThat(ArticlePermissions.canUntrash(OWNER, byEditor)).isFalse();
        assertThat(ArticlePermissions.canUntrash(EDITOR, byEditor)).isTrue();
        assertThat(ArticlePermissions.canUntrash(ADMIN, byEditor)).isTrue();
        assertThat(ArticlePermissions.canUntrash(OTHER_CONTRIBUTOR, byEditor)).isFalse();

        Article byOwner = article(ArticleStatus.DRAFT);
        byOwner.trash(NOW, OWNER.getAccountId(), OWNER.getDisplayName());
        assertThat(ArticlePermissions.canUntrash(OWNER, byOwner)).isTrue();
        assertThat(ArticlePermissions.allowedActions(OWNER, byOwner)).containsExactly(ArticleAction.UNTRASH);
        byOwner.untrash();
        assertThat(byOwner.getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(byOwner.getTrashedAt()).isNull();

        assertThat(ArticlePermissions.canEmptyTrash(ADMIN)).isTrue();
        assertThat(ArticlePermissions.canEmptyTrash(EDITOR)).isFalse();
        assertThat(ArticlePermissions.canEmptyTrash(OWNER)).isFalse();
    }

    @Test
    void aDraftThatWasEverPublishedNeverGoesToTheTrash() {
        Article article = article(ArticleStatus.PUBLISHED);
        article.unpublish();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> article.trash(NOW, EDITOR.getAccountId(), EDITOR.getDisplayName()))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void anArticleWithNoCreatorIsNobodysOwn() {
        Article imported = new Article("imported", "Imported", new Section("s", "S", NOW), NOW);
        assertThat(ArticlePermissions.canView(OWNER, imported)).isFalse();
        assertThat(ArticlePermissions.canEdit(OWNER, imported)).isFalse();
        assertThat(ArticlePermissions.canEdit(EDITOR, imported)).isTrue();
        assertThat(EnumSet.allOf(Role.class)).hasSize(3); // a new role needs its row in the tests above
    }
}
