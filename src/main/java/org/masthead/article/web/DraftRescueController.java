package org.masthead.article.web;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.article.Article;
import org.masthead.article.ArticleService;
import org.masthead.article.DraftRescues;
import org.masthead.security.StaffUser;
import org.masthead.web.PageNotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A form refused for an expired session or CSRF token: the notice it is forwarded to, and its kept text, back in
 * the edit form after signing in again.
 */
@Controller
@RequestMapping("/admin/articles")
class DraftRescueController {

    private final ArticleService articles;
    private final DraftRescues rescues;
    private final ArticleEditorPage page;

    DraftRescueController(ArticleService articles, DraftRescues rescues, ArticleEditorPage page) {
        this.articles = articles;
        this.rescues = rescues;
        this.page = page;
    }

    /**
     * Where a form refused for an expired session or CSRF token is forwarded: a 403 that says how to go on, to the
     * kept text, or (nothing kept) back to the form, whose text the browser still has.
     */
    @RequestMapping("/rescue-notice")
    String rescueNotice(HttpServletRequest request, Model model) {
        Object key = request.getAttribute(ArticleFormRescue.KEY_ATTRIBUTE);
        if (key != null) {
            model.addAttribute("rescueUrl", "/admin/articles/rescued/" + key);
            return "admin/article/rescued";
        }
        if (request.getAttribute(ArticleFormRescue.NOT_KEPT_ATTRIBUTE) != null) {
            return "admin/article/not-kept";
        }
        throw new PageNotFoundException("rescued form");
    }

    /** The form as it was posted before the session expired, back after signing in again. Nothing is saved yet. */
    @GetMapping("/rescued/{key}")
    String rescued(@PathVariable String key, @AuthenticationPrincipal StaffUser me, Model model) {
        DraftRescues.Rescued rescued =
                rescues.claim(key, me).orElseThrow(() -> new PageNotFoundException("rescued form"));
        ArticleForm form = ArticleEditorPage.bound(rescued.fields());
        model.addAttribute("rescued", true);
        if (rescued.articleId() == null) {
            return page.form(model, form, null, null);
        }
        Article article = articles.forEditing(rescued.articleId(), me);
        return page.form(model, form, article, me);
    }
}
