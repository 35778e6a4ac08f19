package org.mastheadplanted.staff;

import org.masthead.article.ArticleService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** A newsroom page that reads any article: allowed (the negative control of the readers rule). */
@Controller
@RequestMapping("/admin/planted")
public class PlantedStaffController {

    private final ArticleService articles;

    PlantedStaffController(ArticleService articles) {
        this.articles = articles;
    }

    @GetMapping("/{id}")
    String page(long id) {
        return articles.get(id).getTitle();
    }
}
