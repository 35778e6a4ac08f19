package org.masthead.section.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.masthead.section.Section;
import org.masthead.section.SectionHasArticlesException;
import org.masthead.section.SectionService;
import org.masthead.security.StaffUser;
import org.masthead.slug.SlugInUseException;
import org.masthead.slug.Slugs;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sections (the journals), for admins: list, create, edit; delete only while a section has no articles. */
@Controller
@RequestMapping("/admin/sections")
class SectionAdminController {

    private final SectionService sections;

    SectionAdminController(SectionService sections) {
        this.sections = sections;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("sections", sections.all());
        return "admin/section/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("sectionForm", new SectionForm());
        return "admin/section/edit";
    }

    @PostMapping
    String create(
            @AuthenticationPrincipal StaffUser me,
            @Valid @ModelAttribute("sectionForm") SectionForm form,
            BindingResult errors,
            RedirectAttributes flash) {
        checkSlug(form, errors, null);
        if (errors.hasErrors()) {
            return "admin/section/edit";
        }
        try {
            Section section = sections.create(me, form.toChanges());
            flash.addFlashAttribute("notice", "section.created");
            return "redirect:/admin/sections/" + section.getId();
        } catch (SlugInUseException e) {
            errors.rejectValue("slug", "section.error.slug-taken");
            return "admin/section/edit";
        }
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, Model model) {
        Section section = sections.get(id);
        model.addAttribute("section", section);
        model.addAttribute("sectionForm", SectionForm.of(section));
        model.addAttribute("articleCount", sections.articleCount(id));
        return "admin/section/edit";
    }

    @PostMapping("/{id}")
    String update(
            @AuthenticationPrincipal StaffUser me,
            @PathVariable long id,
            @Valid @ModelAttribute("sectionForm") SectionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        Section section = sections.get(id);
        model.addAttribute("section", section);
        model.addAttribute("articleCount", sections.articleCount(id));
        checkSlug(form, errors, id);
        if (errors.hasErrors()) {
            return "admin/section/edit";
        }
        try {
            sections.update(me, id, form.getVersion(), form.toChanges());
        } catch (SlugInUseException e) {
            errors.rejectValue("slug", "section.error.slug-taken");
            return "admin/section/edit";
        } catch (OptimisticLockingFailureException e) {
            errors.reject("section.error.conflict");
            return "admin/section/edit";
        }
        flash.addFlashAttribute("notice", "section.saved");
        return "redirect:/admin/sections/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(
            @AuthenticationPrincipal StaffUser me,
            @PathVariable long id,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            sections.delete(me, id);
        } catch (SectionHasArticlesException e) {
            Section section = sections.get(id);
            model.addAttribute("section", section);
            model.addAttribute("sectionForm", SectionForm.of(section));
            model.addAttribute("articleCount", e.getArticleCount());
            model.addAttribute("deleteRefused", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "admin/section/edit";
        }
        flash.addFlashAttribute("notice", "section.deleted");
        return "redirect:/admin/sections";
    }

    private void checkSlug(SectionForm form, BindingResult errors, Long ownId) {
        if (errors.hasFieldErrors("slug") || errors.hasFieldErrors("name") || form.getName() == null) {
            return;
        }
        String slug = form.effectiveSlug();
        if (!Slugs.isValid(slug)) {
            errors.rejectValue("slug", "section.error.slug-pattern");
        } else if (!sections.isSlugFree(slug, ownId)) {
            errors.rejectValue("slug", "section.error.slug-taken");
        }
    }
}
