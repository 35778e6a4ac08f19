package org.masthead.article.web;

import org.masthead.article.Article;
import org.masthead.article.ArticleImages;
import org.masthead.media.ImageNotFoundException;
import org.masthead.security.EditorOnly;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Editors pick an article's featured image from the media library (or remove it). */
@Controller
@EditorOnly
@RequestMapping("/admin/articles/{id}/featured-image")
class ArticleImageAdminController {

    private final ArticleImages articles;

    ArticleImageAdminController(ArticleImages articles) {
        this.articles = articles;
    }

    @GetMapping
    String editForm(@PathVariable long id, Model model) {
        Article article = articles.get(id);
        model.addAttribute("article", article);
        model.addAttribute(
                "selectedId",
                article.getFeaturedImage() == null
                        ? null
                        : article.getFeaturedImage().getId());
        return "admin/article/featured-image";
    }

    @PostMapping
    String update(
            @PathVariable long id,
            @RequestParam(required = false) Long featuredImageId,
            Model model,
            RedirectAttributes flash) {
        try {
            articles.setFeaturedImage(id, featuredImageId);
        } catch (ImageNotFoundException e) {
            Article article = articles.get(id);
            model.addAttribute("article", article);
            model.addAttribute("selectedId", null);
            model.addAttribute("pickError", "media.error.no-such-image");
            return "admin/article/featured-image";
        }
        flash.addFlashAttribute("notice", featuredImageId == null ? "media.featured-removed" : "media.featured-set");
        return "redirect:/admin/articles/" + id + "/featured-image";
    }
}
