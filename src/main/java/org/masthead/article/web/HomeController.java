package org.masthead.article.web;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.article.Article;
import org.masthead.article.PublicArticles;
import org.masthead.web.PageNumbers;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: the lead story, the latest articles, and the sections. */
@Controller
@PublicPages
class HomeController {

    static final int LATEST = 13;

    private final PublicArticles articles;
    private final ReaderPageMeta meta;

    HomeController(PublicArticles articles, ReaderPageMeta meta) {
        this.articles = articles;
        this.meta = meta;
    }

    @GetMapping("/")
    String show(Model model, HttpServletResponse response) {
        Slice<Article> latest = articles.latest(PageNumbers.of(1, LATEST));
        SurrogateKeys.of("home").articles(latest.getContent()).writeTo(response);
        model.addAttribute(
                "lead",
                latest.getContent().isEmpty() ? null : latest.getContent().get(0));
        model.addAttribute("latest", latest.getContent().stream().skip(1).toList());
        model.addAttribute("hasMore", latest.hasNext());
        model.addAttribute("meta", meta.home());
        return "home";
    }
}
