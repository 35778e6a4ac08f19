package org.masthead.topic.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.masthead.security.StaffUser;
import org.masthead.slug.SlugInUseException;
import org.masthead.slug.Slugs;
import org.masthead.topic.Topic;
import org.masthead.topic.TopicInUseException;
import org.masthead.topic.TopicMergeIntoItselfException;
import org.masthead.topic.TopicNotFoundException;
import org.masthead.topic.TopicService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Topics, for editors: the list with article counts, renaming (the old URL answers 301), merging one topic into
 * another (a typo into the right spelling), and deleting a topic no article carries. Topics are created in the
 * article editor.
 */
@Controller
@RequestMapping("/admin/topics")
class TopicAdminController {

    private final TopicService topics;

    TopicAdminController(TopicService topics) {
        this.topics = topics;
    }

    record TopicRow(Topic topic, long articleCount) {}

    @GetMapping
    String list(Model model) {
        Map<Long, Long> counts = topics.articleCounts();
        List<TopicRow> rows = topics.all().stream()
                .map(topic -> new TopicRow(topic, counts.getOrDefault(topic.getId(), 0L)))
                .toList();
        model.addAttribute("rows", rows);
        return "admin/topic/list";
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, Model model) {
        Topic topic = topics.get(id);
        model.addAttribute("topicForm", TopicForm.of(topic));
        prepare(topic, model);
        return "admin/topic/edit";
    }

    @PostMapping("/{id}")
    String rename(
            @AuthenticationPrincipal StaffUser me,
            @PathVariable long id,
            @Valid @ModelAttribute("topicForm") TopicForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        Topic topic = topics.get(id);
        if (!errors.hasFieldErrors("name") && !errors.hasFieldErrors("slug")) {
            String slug = form.effectiveSlug();
            if (!Slugs.isValid(slug)) {
                errors.rejectValue("slug", "topic.error.slug-pattern");
            } else if (!topics.isSlugFree(slug, id)) {
                errors.rejectValue("slug", "topic.error.slug-taken");
            }
        }
        if (errors.hasErrors()) {
            prepare(topic, model);
            return "admin/topic/edit";
        }
        try {
            topics.rename(me, id, form.getName(), form.effectiveSlug());
        } catch (SlugInUseException e) {
            errors.rejectValue("slug", "topic.error.slug-taken");
            prepare(topic, model);
            return "admin/topic/edit";
        }
        flash.addFlashAttribute("notice", "topic.saved");
        return "redirect:/admin/topics/" + id;
    }

    @PostMapping("/{id}/merge")
    String merge(
            @AuthenticationPrincipal StaffUser me,
            @PathVariable long id,
            @RequestParam(name = "into", required = false) Long into,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        Topic topic = topics.get(id);
        if (into == null) {
            return refused(topic, "topic.merge.choose", HttpServletResponse.SC_BAD_REQUEST, model, response);
        }
        try {
            Topic target = topics.merge(me, id, into);
            flash.addFlashAttribute("notice", "topic.merged");
            return "redirect:/admin/topics/" + target.getId();
        } catch (TopicMergeIntoItselfException e) {
            return refused(topic, "topic.merge.itself", HttpServletResponse.SC_BAD_REQUEST, model, response);
        } catch (TopicNotFoundException e) {
            return refused(topic, "topic.merge.choose", HttpServletResponse.SC_BAD_REQUEST, model, response);
        }
    }

    @PostMapping("/{id}/delete")
    String delete(
            @AuthenticationPrincipal StaffUser me,
            @PathVariable long id,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        Topic topic = topics.get(id);
        try {
            topics.delete(me, id);
        } catch (TopicInUseException e) {
            return refused(topic, "topic.delete.refused", HttpServletResponse.SC_CONFLICT, model, response);
        }
        flash.addFlashAttribute("notice", "topic.deleted");
        return "redirect:/admin/topics";
    }

    private String refused(Topic topic, String message, int status, Model model, HttpServletResponse response) {
        model.addAttribute("topicForm", TopicForm.of(topic));
        model.addAttribute("refusal", message);
        prepare(topic, model);
        response.setStatus(status);
        return "admin/topic/edit";
    }

    private void prepare(Topic topic, Model model) {
        model.addAttribute("topic", topic);
        model.addAttribute("articleCount", topics.articleCount(topic.getId()));
        model.addAttribute(
                "others",
                topics.all().stream()
                        .filter(other -> !other.getId().equals(topic.getId()))
                        .toList());
    }
}
