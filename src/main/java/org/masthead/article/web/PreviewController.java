package org.masthead.article.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        // The article's images are not public yet: their URLs carry the token, which lets the browser fetch them.
        String mediaQuery = "?preview=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        model.addAttribute("mediaQuery", mediaQuery);
        model.addAttribute("previewLead", withQuery(article.getBodyHtmlLead(), mediaQuery));
        model.addAttribute("previewRest", withQuery(article.getBodyHtmlRest(), mediaQuery));
        return "article/show";
    }

    /** Library image URLs ({@code /media/{id}/…}) in sanitised HTML, with the query added. */
    private static final Pattern MEDIA_URL = Pattern.compile("(/media/\\d+/[^\"'\\s?#,]+)");

    static String withQuery(String html, String query) {
        if (html == null) {
            return null;
        }
        return MEDIA_URL.matcher(html).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + query));
    }
}
