package org.masthead.article.web;

import org.masthead.article.ArticlePermissions;
import org.masthead.article.ArticleService;
import org.masthead.security.NotAllowedException;
import org.masthead.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The trash: deleted drafts, restorable (with their revisions) until the purge job removes them, 30 days after.
 * Editors and admins see all of it, a contributor their own drafts; an admin may empty it at once.
 */
@Controller
@RequestMapping("/admin/trash")
class TrashController {

    private final ArticleService articles;

    TrashController(ArticleService articles) {
        this.articles = articles;
    }

    @GetMapping
    String trash(@AuthenticationPrincipal StaffUser me, Model model) {
        model.addAttribute("trashed", articles.trash(me));
        model.addAttribute("mayEmpty", ArticlePermissions.canEmptyTrash(me));
        return "admin/article/trash";
    }

    /** The confirmation page of "Empty the trash", for a browser without JavaScript. */
    @GetMapping("/empty")
    String confirmEmpty(@AuthenticationPrincipal StaffUser me, Model model) {
        NotAllowedException.require(ArticlePermissions.canEmptyTrash(me), me, "empty the trash");
        model.addAttribute("count", articles.trash(me).size());
        return "admin/article/empty-trash";
    }

    @PostMapping("/empty")
    String empty(
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal StaffUser me,
            RedirectAttributes flash) {
        if (!confirmed) {
            return "redirect:/admin/trash/empty";
        }
        int purged = articles.emptyTrash(me);
        flash.addFlashAttribute("notice", "trash.notice.emptied");
        flash.addFlashAttribute("noticeArgs", new Object[] {purged});
        return "redirect:/admin/trash";
    }
}
