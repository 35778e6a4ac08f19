package org.masthead.article;

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

    private static boolean ownDraft(StaffUser user, Article article) {
        return article.isCreatedBy(user.getAccountId()) && article.getStatus() == ArticleStatus.DRAFT;
    }
}
