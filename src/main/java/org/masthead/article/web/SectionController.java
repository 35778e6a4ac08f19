package org.masthead.article.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.article.ArticleCard;
import org.masthead.article.PublicArticles;
import org.masthead.event.SurrogateKey;
import org.masthead.section.Section;
import org.masthead.section.SectionNotFoundException;
import org.masthead.section.SectionService;
import org.masthead.web.PageNumbers;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** A section (journal) page: its description and its articles, newest first, ten to a page. */
@Controller
@PublicPages
class SectionController {

    static final int PAGE_SIZE = 10;

    private final PublicArticles articles;
    private final SectionService sections;
    private final ReaderPageMeta meta;

    SectionController(PublicArticles articles, SectionService sections, ReaderPageMeta meta) {
        this.articles = articles;
        this.sections = sections;
        this.meta = meta;
    }

    @GetMapping("/sections/{slug}")
    ModelAndView show(
            @PathVariable String slug,
            @RequestParam(defaultValue = "1") int page,
            @ModelAttribute("navSections") List<Section> navSections,
            Model model,
            HttpServletResponse response) {
        // The navigation already holds every section: no second query to find this one.
        Section section = navSections.stream()
                .filter(s -> s.getSlug().equals(slug))
                .findFirst()
                .orElse(null);
        if (section == null) {
            return sections.currentSlug(slug)
                    .map(current -> Moved.permanentlyTo("/sections/" + current))
                    .orElseThrow(() -> new SectionNotFoundException(slug));
        }
        Slice<ArticleCard> list =
                PageNumbers.existing(articles.cardsInSection(section, PageNumbers.of(page, PAGE_SIZE)), "section");
        SurrogateKeys.of(SurrogateKey.section(section.getId()))
                .cards(list.getContent())
                .writeTo(response);
        model.addAttribute("section", section);
        model.addAttribute("articles", list);
        model.addAttribute("meta", meta.section(section, page));
        return new ModelAndView("section/show", model.asMap());
    }
}
