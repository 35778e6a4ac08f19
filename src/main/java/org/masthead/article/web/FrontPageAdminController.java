package org.masthead.article.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.masthead.article.Article;
import org.masthead.article.FrontPage;
import org.masthead.article.FrontPageChoiceException;
import org.masthead.article.PublicArticles;
import org.masthead.security.StaffUser;
import org.masthead.web.PageNumbers;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Front-page curation, for editors and admins: the lead story and up to {@value FrontPage#FEATURED} featured
 * articles, chosen among the published ones; places left empty go to the newest.
 */
@Controller
@RequestMapping("/admin/front-page")
class FrontPageAdminController {

    /** How many of the newest published articles the selects offer (besides those already picked). */
    static final int CHOOSABLE = 100;

    private final FrontPage frontPage;
    private final PublicArticles articles;

    FrontPageAdminController(FrontPage frontPage, PublicArticles articles) {
        this.frontPage = frontPage;
        this.articles = articles;
    }

    @InitBinder("frontPageForm")
    void fields(WebDataBinder binder) {
        binder.setAllowedFields("lead", "featured*");
    }

    @GetMapping
    String show(Model model) {
        return page(FrontPageForm.of(frontPage.choice()), model);
    }

    @PostMapping
    String choose(
            @ModelAttribute("frontPageForm") FrontPageForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffUser me,
            Model model,
            RedirectAttributes flash) {
        if (errors.hasErrors()) {
            errors.reject("frontpage.error.bad-choice");
            form.pad();
            return page(form, model);
        }
        try {
            frontPage.choose(form.getLead(), form.getFeatured(), me);
        } catch (FrontPageChoiceException ex) {
            errors.reject(ex.getMessageKey());
            form.pad();
            return page(form, model);
        }
        flash.addFlashAttribute("notice", "frontpage.notice.saved");
        return "redirect:/admin/front-page";
    }

    private String page(FrontPageForm form, Model model) {
        FrontPage.Choice current = frontPage.choice();
        List<Long> picked = new ArrayList<>();
        if (current.leadId() != null) {
            picked.add(current.leadId());
        }
        picked.addAll(current.featuredIds());
        Map<Long, Article> choosable = new LinkedHashMap<>();
        for (Article article : articles.inOrder(picked)) {
            choosable.put(article.getId(), article);
        }
        for (Article article : articles.latest(PageNumbers.of(1, CHOOSABLE)).getContent()) {
            choosable.putIfAbsent(article.getId(), article);
        }
        model.addAttribute("frontPageForm", form);
        model.addAttribute("choosable", List.copyOf(choosable.values()));
        model.addAttribute("lead", current.leadId() == null ? null : choosable.get(current.leadId()));
        model.addAttribute(
                "featured",
                current.featuredIds().stream()
                        .map(choosable::get)
                        .filter(Objects::nonNull)
                        .toList());
        return "admin/front-page/edit";
    }
}
