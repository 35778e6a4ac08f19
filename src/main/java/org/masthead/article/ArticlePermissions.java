package org.masthead.article;

import java.util.EnumSet;
import java.util.Set;

import org.masthead.security.Actor;
import org.masthead.security.Role;

/**
 * Who may do what to an article (docs/DESIGN.md, "Who may do what"). Editors and admins may do everything to any
 * article; a contributor creates drafts and edits, submits, deletes and shares a preview of their own unpublished
 * drafts, and sees the revisions of their own articles (restoring one is an edit: own drafts only). The scheduler
 * acts as an editor; an import as an admin, and it alone brings in content with its own past dates. The services
 * check these on every action; pages use them only to decide which buttons to show.
 */
public final class ArticlePermissions {

    private ArticlePermissions() {}

    /** Create a draft: anyone on the staff. */
    public static boolean canCreate(Actor by) {
        return by.hasAtLeast(Role.CONTRIBUTOR);
    }

    /** Publish, schedule, unpublish, archive, restore, return, correct: editors and admins. */
    public static boolean canManage(Actor by) {
        return by.hasAtLeast(Role.EDITOR);
    }

    /** Publish with a past date, or add a note with its own date: content brought in from elsewhere. */
    public static boolean canImport(Actor by) {
        return by instanceof Actor.Import;
    }

    /** Move its scheduled publication (from the editorial calendar): editors and admins, on a scheduled article. */
    public static boolean canReschedule(Actor by, Article article) {
        return canManage(by) && article.getStatus() == ArticleStatus.SCHEDULED;
    }

    /** Set or clear when it comes down by itself: editors and admins, on a published or scheduled article. */
    public static boolean canSetExpiry(Actor by, Article article) {
        return canManage(by) && article.mayExpire();
    }

    /** Open the article in the newsroom and read its revisions. */
    public static boolean canView(Actor by, Article article) {
        return canManage(by) || owns(by, article);
    }

    /** Save it, or restore one of its revisions; set its featured image. */
    public static boolean canEdit(Actor by, Article article) {
        return article.getStatus() != ArticleStatus.TRASHED && (canManage(by) || ownDraft(by, article));
    }

    public static boolean canSubmit(Actor by, Article article) {
        return canManage(by) || ownDraft(by, article);
    }

    public static boolean canDelete(Actor by, Article article) {
        return canManage(by) || ownDraft(by, article);
    }

    public static boolean canSharePreview(Actor by, Article article) {
        return canManage(by) || ownDraft(by, article);
    }

    /** Take it out of the trash: whoever put it there, editors and admins. */
    public static boolean canUntrash(Actor by, Article article) {
        return canManage(by)
                || (article.getTrashedBy() != null
                        && by.staff()
                                .map(user -> article.getTrashedBy() == user.getAccountId())
                                .orElse(false));
    }

    /** Purge everything in the trash at once: admins. */
    public static boolean canEmptyTrash(Actor by) {
        return by.hasAtLeast(Role.ADMIN);
    }

    /** Whether the member may make this move on this article (whatever its state). */
    public static boolean mayAttempt(Actor by, Article article, ArticleAction action) {
        return switch (action) {
            case SUBMIT -> canSubmit(by, article);
            case DELETE -> canDelete(by, article);
            case UNTRASH -> canUntrash(by, article);
            case RETURN, PUBLISH, SCHEDULE, UNSCHEDULE, UNPUBLISH, ARCHIVE, RESTORE, CORRECT -> canManage(by);
        };
    }

    /**
     * The moves this member may make on the article as it stands: the article's own transition rules
     * ({@link Article#allows}) joined with who may do what. The edit page shows exactly these buttons; the service
     * accepts exactly these moves.
     */
    public static Set<ArticleAction> allowedActions(Actor by, Article article) {
        Set<ArticleAction> allowed = EnumSet.noneOf(ArticleAction.class);
        for (ArticleAction action : ArticleAction.values()) {
            if (article.allows(action) && mayAttempt(by, article, action)) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    private static boolean owns(Actor by, Article article) {
        return by.staff().map(user -> article.isCreatedBy(user.getAccountId())).orElse(false);
    }

    private static boolean ownDraft(Actor by, Article article) {
        return owns(by, article) && article.getStatus() == ArticleStatus.DRAFT;
    }
}
