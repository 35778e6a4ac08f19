package org.masthead.article.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.article.ArticleCard;
import org.masthead.article.FrontPage;
import org.masthead.event.SurrogateKey;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: the lead story, the featured and latest articles, and the sections. */
@Controller
@PublicPages
class HomeController {

    private final FrontPage frontPage;
    private final ReaderPageMeta meta;

    HomeController(FrontPage frontPage, ReaderPageMeta meta) {
        this.frontPage = frontPage;
        this.meta = meta;
    }

    @GetMapping("/")
    String show(Model model, HttpServletResponse response) {
        FrontPage.Stories stories = frontPage.stories();
        List<ArticleCard> shown = new ArrayList<>(stories.cards());
        if (stories.lead() != null) {
            shown.add(0, stories.lead());
        }
        SurrogateKeys.of(SurrogateKey.HOME).cards(shown).writeTo(response);
        model.addAttribute("lead", stories.lead());
        model.addAttribute("latest", stories.cards());
        model.addAttribute("featuredIds", stories.featuredIds());
        model.addAttribute("meta", meta.home());
        return "home";
    }
}
