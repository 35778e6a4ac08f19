package org.masthead.article;

import java.util.EnumSet;
import java.util.Set;

import org.masthead.security.Role;
import org.masthead.security.StaffUser;

/**
 * Who may do what to an article (DESIGN.md, "Who may do what"). Editors and admins may do everything to any
 * article; a contributor creates drafts and edits, submits, deletes and shares a preview of their own unpublished
 * drafts, and sees the revisions of their own articles (restoring one is an edit: own drafts only). The service checks these on every action; pages use them only to decide which buttons to show.
 */
public final class ArticlePermissions {

    private ArticlePermissions() {}

    /** Publish, schedule, unpublish, archive, restore, return, correct: editors and admins. */
    public static boolean canManage(StaffUser user) {
        return user.hasAtLeast(Role.EDITOR);
    }

    /** Open the article in the newsroom and read its revisions. */
    public static boolean canView(StaffUser user, Article article) {
        return canManage(user) || article.isCreatedBy(user.getAccountId());
    }

    /** Save it, or restore one of its revisions. */
    public static boolean canEdit(StaffUser user, Article article) {
        return canManage(user) || ownDraft(user, article);
    }

    public static boolean canSubmit(StaffUser user, Article article) {
        return canManage(user) || ownDraft(user, article);
    }

    public static boolean canDelete(StaffUser user, Article article) {
        return canManage(user) || ownDraft(user, article);
    }

    public static boolean canSharePreview(StaffUser user, Article article) {
        return canManage(user) || ownDraft(user, article);
    }

    /** Whether the member may make this move on this article (whatever its state). */
    public static boolean mayAttempt(StaffUser user, Article article, ArticleAction action) {
        return switch (action) {
            case SUBMIT -> canSubmit(user, article);
            case DELETE -> canDelete(user, article);
            case RETURN, PUBLISH, SCHEDULE, UNSCHEDULE, UNPUBLISH, ARCHIVE, RESTORE, CORRECT -> canManage(user);
        };
    }

    /**
     * The moves this member may make on the article as it stands: the article's own transition rules
     * ({@link Article#allows}) joined with who may do what. The edit page shows exactly these buttons; the service
     * accepts exactly these moves.
     */
    public static Set<ArticleAction> allowedActions(StaffUser user, Article article) {
        Set<ArticleAction> allowed = EnumSet.noneOf(ArticleAction.class);
        for (ArticleAction action : ArticleAction.values()) {
            if (article.allows(action) && mayAttempt(user, article, action)) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    private static boolean ownDraft(StaffUser user, Article article) {
        return article.isCreatedBy(user.getAccountId()) && article.getStatus() == ArticleStatus.DRAFT;
    }
}
