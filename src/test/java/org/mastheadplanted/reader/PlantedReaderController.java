package org.mastheadplanted.reader;

import org.masthead.article.ArticleService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** A public page (outside /admin, outside any web package) that reads any article: violates the readers rule. */
@Controller
public class PlantedReaderController {

    private final ArticleService articles;

    PlantedReaderController(ArticleService articles) {
        this.articles = articles;
    }

    @GetMapping("/planted/{id}")
    String page(long id) {
        return articles.get(id).getTitle();
    }
}
