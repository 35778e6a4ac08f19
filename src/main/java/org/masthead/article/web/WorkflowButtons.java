package org.masthead.article.web;

import java.util.List;
import java.util.Set;

import org.masthead.article.Article;
import org.masthead.article.ArticleAction;
import org.masthead.article.ArticlePermissions;
import org.masthead.security.StaffUser;

/**
 * The workflow buttons of the edit page, drawn from {@link ArticlePermissions#allowedActions}: the article's own
 * transition rules joined with who may do what. The template lists these and encodes no rule of its own.
 *
 * @param allowed every move this member may make on the article now
 */
record WorkflowButtons(Set<ArticleAction> allowed) {

    static WorkflowButtons of(StaffUser me, Article article) {
        return new WorkflowButtons(ArticlePermissions.allowedActions(me, article));
    }

    /** Buttons of the edit form (submit, return, publish, schedule): they save the form's text first. */
    public List<ArticleAction> formActions() {
        return allowed.stream().filter(ArticleAction::savesForm).toList();
    }

    /** Buttons with a form of their own (unschedule, unpublish, archive, restore, delete). */
    public List<ArticleAction> pageActions() {
        return allowed.stream()
                .filter(action -> !action.savesForm() && action != ArticleAction.CORRECT)
                .toList();
    }

    /** Whether the move is allowed, by its name ({@code 'CORRECT'}), for the template. */
    public boolean may(String action) {
        return allowed.contains(ArticleAction.valueOf(action));
    }
}
