package org.masthead.article.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.article.Article;
import org.masthead.article.ArticleCard;
import org.masthead.article.ArticleGoneException;
import org.masthead.article.ArticleNotFoundException;
import org.masthead.article.ArticlePage;
import org.masthead.article.PublicArticles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** An article as readers see it: 200 when public, 301 from an old slug, 410 when archived, else 404. */
@Controller
@PublicPages
class ArticleController {

    private final PublicArticles articles;
    private final ReaderPageMeta meta;

    ArticleController(PublicArticles articles, ReaderPageMeta meta) {
        this.articles = articles;
        this.meta = meta;
    }

    @GetMapping("/articles/{slug}")
    ModelAndView show(@PathVariable String slug, Model model, HttpServletResponse response) {
        return articles.page(slug).map(page -> page(page, model, response)).orElseGet(() -> elsewhere(slug));
    }

    private ModelAndView page(ArticlePage page, Model model, HttpServletResponse response) {
        Article article = page.article();
        List<ArticleCard> more = page.more();
        List<ArticleCard> related = page.related();
        model.addAttribute("article", article);
        model.addAttribute("more", more);
        model.addAttribute("related", related);
        new SurrogateKeys()
                .articleWithBylines(article)
                .cards(more)
                .cards(related)
                .writeTo(response);
        model.addAttribute("meta", meta.article(article));
        return new ModelAndView("article/show", model.asMap());
    }

    private ModelAndView elsewhere(String slug) {
        if (articles.isArchived(slug)) {
            throw new ArticleGoneException(slug);
        }
        return articles.currentSlug(slug)
                .map(current -> Moved.permanentlyTo("/articles/" + current))
                .orElseThrow(() -> new ArticleNotFoundException(slug));
    }
}
