package org.masthead.article.web;

import java.time.Instant;

import jakarta.validation.Valid;

import org.masthead.article.ArticleLimits;
import org.masthead.article.ArticleService;
import org.masthead.article.IllegalTransitionException;
import org.masthead.article.NoteKind;
import org.masthead.article.PublicationRefusedException;
import org.masthead.article.ScheduleInPastException;
import org.masthead.security.StaffUser;
import org.masthead.web.SiteProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The article's workflow buttons outside the edit form's own (unschedule, unpublish, archive, restore, delete, a
 * correction note) and the single-purpose moves (submit, return, publish, schedule) that do not save the form's
 * text. The service checks each move against the member's role.
 */
@Controller
@RequestMapping("/admin/articles")
class ArticleWorkflowController {

    private final ArticleService articles;
    private final SiteProperties site;

    ArticleWorkflowController(ArticleService articles, SiteProperties site) {
        this.articles = articles;
        this.site = site;
    }

    @PostMapping("/{id:\\d+}/submit")
    String submit(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        return move(id, flash, "article.notice.submitted", () -> articles.submit(id, me));
    }

    @PostMapping("/{id:\\d+}/return")
    String returnToDraft(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal StaffUser me,
            RedirectAttributes flash) {
        if (note.length() > ArticleLimits.NOTE) {
            flash.addFlashAttribute("error", "article.return.too-long");
            return "redirect:/admin/articles/" + id;
        }
        return move(id, flash, "article.notice.returned", () -> articles.returnToDraft(id, note, me));
    }

    @PostMapping("/{id:\\d+}/publish")
    String publish(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        return move(id, flash, "article.notice.published", () -> articles.publish(id, me));
    }

    @PostMapping("/{id:\\d+}/schedule")
    String schedule(
            @PathVariable long id,
            @Valid ScheduleForm schedule,
            BindingResult scheduleErrors,
            @AuthenticationPrincipal StaffUser me,
            RedirectAttributes flash) {
        String problem = schedule.problem(scheduleErrors, site.timeZone());
        if (problem != null) {
            flash.addFlashAttribute("error", problem);
            return "redirect:/admin/articles/" + id;
        }
        Instant at = schedule.at(site.timeZone());
        try {
            return move(id, flash, "article.notice.scheduled", () -> articles.schedule(id, at, me));
        } catch (ScheduleInPastException ex) {
            flash.addFlashAttribute("error", "article.schedule.past");
            return "redirect:/admin/articles/" + id;
        }
    }

    @PostMapping("/{id:\\d+}/unschedule")
    String unschedule(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        return move(id, flash, "article.notice.unscheduled", () -> articles.unschedule(id, me));
    }

    // The confirmation pages of the steps one click should not take (unpublish, archive, delete), where a form
    // without confirmed=true lands: a browser without JavaScript. With it, the edit page asks in place and sends
    // confirmed=true itself (js/confirm.js).

    @GetMapping("/{id:\\d+}/unpublish")
    String confirmUnpublish(@PathVariable long id, @AuthenticationPrincipal StaffUser me, Model model) {
        return confirm(id, "unpublish", me, model);
    }

    @GetMapping("/{id:\\d+}/archive")
    String confirmArchive(@PathVariable long id, @AuthenticationPrincipal StaffUser me, Model model) {
        return confirm(id, "archive", me, model);
    }

    @GetMapping("/{id:\\d+}/delete")
    String confirmDelete(@PathVariable long id, @AuthenticationPrincipal StaffUser me, Model model) {
        return confirm(id, "delete", me, model);
    }

    private String confirm(long id, String move, StaffUser me, Model model) {
        model.addAttribute("article", articles.forEditing(id, me));
        model.addAttribute("move", move);
        return "admin/article/confirm";
    }

    @PostMapping("/{id:\\d+}/unpublish")
    String unpublish(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal StaffUser me,
            RedirectAttributes flash) {
        if (!confirmed) {
            return "redirect:/admin/articles/" + id + "/unpublish";
        }
        String to = move(id, flash, "article.notice.unpublished", () -> articles.unpublish(id, me));
        undo(flash, "/admin/articles/" + id + "/publish");
        return to;
    }

    @PostMapping("/{id:\\d+}/archive")
    String archive(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal StaffUser me,
            RedirectAttributes flash) {
        if (!confirmed) {
            return "redirect:/admin/articles/" + id + "/archive";
        }
        String to = move(id, flash, "article.notice.archived", () -> articles.archive(id, me));
        undo(flash, "/admin/articles/" + id + "/restore");
        return to;
    }

    @PostMapping("/{id:\\d+}/restore")
    String restore(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        return move(id, flash, "article.notice.restored", () -> articles.restore(id, me));
    }

    /** Moves a draft to the trash (see {@link ArticleService#delete}); its notice offers to take it back out. */
    @PostMapping("/{id:\\d+}/delete")
    String delete(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal StaffUser me,
            RedirectAttributes flash) {
        if (!confirmed) {
            return "redirect:/admin/articles/" + id + "/delete";
        }
        try {
            articles.delete(id, me);
            flash.addFlashAttribute("notice", "article.notice.deleted");
            flash.addFlashAttribute("undo", "/admin/articles/" + id + "/untrash");
            return "redirect:/admin/articles";
        } catch (IllegalTransitionException ex) {
            flash.addFlashAttribute("error", "article.delete.refused");
            return "redirect:/admin/articles/" + id;
        }
    }

    /** Takes a draft out of the trash: whoever put it there, editors and admins. */
    @PostMapping("/{id:\\d+}/untrash")
    String untrash(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        return move(id, flash, "article.notice.untrashed", () -> articles.untrash(id, me));
    }

    /** An "Undo" on the notice, when the step was taken. */
    private static void undo(RedirectAttributes flash, String path) {
        if (flash.getFlashAttributes().containsKey("notice")) {
            flash.addFlashAttribute("undo", path);
        }
    }

    @PostMapping("/{id:\\d+}/notes")
    String addNote(
            @PathVariable long id,
            @RequestParam(defaultValue = "CORRECTION") NoteKind kind,
            @RequestParam(defaultValue = "") String body,
            @AuthenticationPrincipal StaffUser me,
            RedirectAttributes flash) {
        if (body.isBlank() || body.length() > ArticleLimits.NOTE) {
            flash.addFlashAttribute("error", "article.note.invalid");
            return "redirect:/admin/articles/" + id;
        }
        return move(id, flash, "article.notice.noted", () -> articles.addNote(id, kind, body, me));
    }

    private static String move(long id, RedirectAttributes flash, String notice, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", notice);
        } catch (IllegalTransitionException ex) {
            flash.addFlashAttribute("error", "article.workflow.refused");
        } catch (PublicationRefusedException ex) {
            flash.addFlashAttribute(
                    "error",
                    ex.problem() == PublicationRefusedException.Problem.NO_AUTHOR
                            ? "article.publish.no-author"
                            : "article.publish.image-without-alt");
        }
        return "redirect:/admin/articles/" + id;
    }
}
