package org.masthead.article.web;

import java.util.List;

import org.masthead.article.Article;
import org.masthead.article.ArticlePermissions;
import org.masthead.article.ArticleRevision;
import org.masthead.article.ArticleRevisions;
import org.masthead.article.ArticleService;
import org.masthead.article.TextDiff;
import org.masthead.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An article's revisions side by side, and restoring one (an edit: the service checks it). */
@Controller
@RequestMapping("/admin/articles")
class ArticleRevisionController {

    private final ArticleService articles;
    private final ArticleRevisions revisions;

    ArticleRevisionController(ArticleService articles, ArticleRevisions revisions) {
        this.articles = articles;
        this.revisions = revisions;
    }

    @GetMapping("/{id:\\d+}/revisions")
    String revisions(
            @PathVariable long id,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to,
            @AuthenticationPrincipal StaffUser me,
            Model model) {
        List<ArticleRevision> all = revisions.revisions(id, me);
        Article article = articles.forEditing(id, me);
        model.addAttribute("article", article);
        model.addAttribute("revisions", all);
        model.addAttribute("canRestore", ArticlePermissions.canEdit(me, article));
        if (!all.isEmpty()) {
            int newest = all.get(0).getNumber();
            int right = to != null ? to : newest;
            int left = from != null ? from : Math.max(all.get(all.size() - 1).getNumber(), right - 1);
            model.addAttribute("from", left);
            model.addAttribute("to", right);
            List<TextDiff.Line> diff = revisions.diff(id, left, right, me);
            model.addAttribute("diff", diff);
            model.addAttribute("diffChanged", TextDiff.hasChanges(diff));
        }
        return "admin/article/revisions";
    }

    @PostMapping("/{id:\\d+}/revisions/{number:\\d+}/restore")
    String restoreRevision(
            @PathVariable long id,
            @PathVariable int number,
            @AuthenticationPrincipal StaffUser me,
            RedirectAttributes flash) {
        articles.restoreRevision(id, number, me);
        flash.addFlashAttribute("notice", "article.notice.revision-restored");
        return "redirect:/admin/articles/" + id;
    }
}
