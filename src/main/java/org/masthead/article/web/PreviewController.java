package org.masthead.article.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.article.Article;
import org.masthead.article.PreviewLinks;
import org.masthead.web.PageNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An unpublished article through a share link: exactly the public article page, marked as a preview, kept out
 * of search engines, caches and Referer headers. It shows only the article its token names; an unknown,
 * expired or revoked token is a plain 404.
 */
@Controller
@PublicPages
class PreviewController {

    private final PreviewLinks links;

    PreviewController(PreviewLinks links) {
        this.links = links;
    }

    @GetMapping("/preview/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        Article article = links.open(token).orElseThrow(() -> new PageNotFoundException("preview"));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        model.addAttribute("article", article);
        model.addAttribute("more", List.of());
        model.addAttribute("preview", true);
        return "article/show";
    }
}
