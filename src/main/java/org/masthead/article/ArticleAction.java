package org.masthead.article;

import java.util.EnumSet;
import java.util.Set;

/**
 * The workflow moves an article allows, each with the states it may start from: the one list both
 * {@link Article}'s own transitions and the edit page's buttons are drawn from. Whether a member may make the move
 * is {@link ArticlePermissions}'; {@link ArticlePermissions#allowedActions} joins the two.
 */
public enum ArticleAction {
    /** Sends a draft to the editors; saves the form's text first. */
    SUBMIT(true, ArticleStatus.DRAFT),
    /** Sends a submitted draft back to its author with a note; saves the form's text first. */
    RETURN(true, ArticleStatus.IN_REVIEW),
    PUBLISH(true, ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW),
    SCHEDULE(true, ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW),
    UNSCHEDULE(false, ArticleStatus.SCHEDULED),
    UNPUBLISH(false, ArticleStatus.PUBLISHED),
    ARCHIVE(false, ArticleStatus.PUBLISHED),
    RESTORE(false, ArticleStatus.ARCHIVED),
    /** Adds a correction or update note. */
    CORRECT(false, ArticleStatus.PUBLISHED),
    /** Moves a draft to the trash, if it was never published. */
    DELETE(false, ArticleStatus.DRAFT),
    /** Takes a draft out of the trash. */
    UNTRASH(false, ArticleStatus.TRASHED);

    private final boolean savesForm;
    private final Set<ArticleStatus> from;

    ArticleAction(boolean savesForm, ArticleStatus first, ArticleStatus... rest) {
        this.savesForm = savesForm;
        this.from = EnumSet.of(first, rest);
    }

    /** Whether the move is a button of the edit form that saves the form's text first. */
    public boolean savesForm() {
        return savesForm;
    }

    /** Whether an article in this state may make the move (apart from who asks). */
    public boolean startsFrom(ArticleStatus status) {
        return from.contains(status);
    }

    /** The last part of the move's URL, its button's id and message key: {@code publish}, {@code unschedule}. */
    public String path() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
