package org.masthead.article.web;

import org.masthead.article.Article;
import org.masthead.article.ArticleImages;
import org.masthead.media.ImageNotFoundException;
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

/**
 * Whoever may edit the article (editors; a contributor, their own draft) picks its featured image from the media library (or remove it), and may give it a caption and
 * credit of this article's own.
 */
@Controller
@RequestMapping("/admin/articles/{id}/featured-image")
class ArticleImageAdminController {

    /** The longest caption and credit an article may give its image (the database checks the same). */
    static final int MAX_CAPTION = 500;

    static final int MAX_CREDIT = 200;

    private final ArticleImages articles;

    ArticleImageAdminController(ArticleImages articles) {
        this.articles = articles;
    }

    @GetMapping
    String editForm(@PathVariable long id, @AuthenticationPrincipal StaffUser me, Model model) {
        Article article = articles.forEditing(id, me);
        return page(
                article,
                article.getFeaturedImage() == null
                        ? null
                        : article.getFeaturedImage().getId(),
                article.getFeaturedImageCaption(),
                article.getFeaturedImageCredit(),
                null,
                model);
    }

    @PostMapping
    String update(
            @PathVariable long id,
            @RequestParam(required = false) Long featuredImageId,
            @RequestParam(required = false) String caption,
            @RequestParam(required = false) String credit,
            @AuthenticationPrincipal StaffUser me,
            Model model,
            RedirectAttributes flash) {
        articles.forEditing(id, me);
        if (caption != null && caption.strip().length() > MAX_CAPTION) {
            return page(articles.get(id), featuredImageId, caption, credit, "media.featured.caption-too-long", model);
        }
        if (credit != null && credit.strip().length() > MAX_CREDIT) {
            return page(articles.get(id), featuredImageId, caption, credit, "media.featured.credit-too-long", model);
        }
        try {
            articles.setFeaturedImage(id, featuredImageId, caption, credit, me);
        } catch (ImageNotFoundException e) {
            return page(articles.get(id), null, caption, credit, "media.error.no-such-image", model);
        }
        flash.addFlashAttribute("notice", featuredImageId == null ? "media.featured-removed" : "media.featured-set");
        return "redirect:/admin/articles/" + id + "/featured-image";
    }

    /** The picker page, with what was typed and, after a refused save, why. */
    private static String page(
            Article article, Long selectedId, String caption, String credit, String error, Model model) {
        model.addAttribute("article", article);
        model.addAttribute("selectedId", selectedId);
        model.addAttribute("caption", caption);
        model.addAttribute("credit", credit);
        model.addAttribute("maxCaption", MAX_CAPTION);
        model.addAttribute("maxCredit", MAX_CREDIT);
        if (error != null) {
            model.addAttribute("pickError", error);
        }
        return "admin/article/featured-image";
    }
}
