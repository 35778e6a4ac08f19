package org.masthead.edition.web;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.masthead.edition.Edition;
import org.masthead.edition.EditionRefusedException;
import org.masthead.edition.EditionService;
import org.masthead.edition.EditionService.Progress;
import org.masthead.newsletter.Audience;
import org.masthead.section.SectionService;
import org.masthead.security.StaffUser;
import org.masthead.web.JournalDates;
import org.masthead.web.PageNumbers;
import org.masthead.web.SiteProperties;
import org.springframework.data.domain.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Newsletter editions in the newsroom (editors and admins): compose, pick articles, preview, test, send or
 * schedule, and follow the send. Refused actions come back to the page with the reason.
 */
@Controller
@RequestMapping("/admin/editions")
class EditionAdminController {

    /**
     * The preview is the email itself, with its inline styles: served with its own policy, sandboxed (no script,
     * no form, no same-origin access), allowing inline styles and remote images only.
     */
    static final String PREVIEW_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src *";

    private final EditionService editions;
    private final SectionService sections;
    private final SiteProperties site;
    private final JournalDates dates;

    EditionAdminController(EditionService editions, SectionService sections, SiteProperties site, JournalDates dates) {
        this.editions = editions;
        this.sections = sections;
        this.site = site;
        this.dates = dates;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        Page<Edition> list = editions.list(PageNumbers.of(page, 30));
        PageNumbers.existing(list, "editions");
        model.addAttribute("editions", list);
        return "admin/edition/list";
    }

    @GetMapping("/new")
    String newEdition(@RequestParam(required = false) Long article, Model model) {
        model.addAttribute("form", new EditionForm());
        model.addAttribute("startArticle", article);
        return form(null, model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") EditionForm form,
            BindingResult errors,
            @RequestParam(required = false) Long startArticle,
            @AuthenticationPrincipal StaffUser me,
            Model model,
            RedirectAttributes flash) {
        if (errors.hasErrors()) {
            model.addAttribute("startArticle", startArticle);
            return form(null, model);
        }
        try {
            Edition edition = editions.create(me, form.changes(), me.getAccountId(), startArticle);
            flash.addFlashAttribute("notice", "edition.notice.created");
            return "redirect:/admin/editions/" + edition.getId();
        } catch (EditionRefusedException refused) {
            model.addAttribute("startArticle", null);
            model.addAttribute("refused", refused.getMessageKey());
            return form(null, model);
        }
    }

    @GetMapping("/{id:\\d+}")
    String edit(@PathVariable long id, @RequestParam(defaultValue = "") String q, Model model) {
        Edition edition = editions.get(id);
        if (!edition.getState().isEditable()) {
            return "redirect:/admin/editions/" + id + "/progress";
        }
        model.addAttribute("form", EditionForm.of(edition));
        model.addAttribute("q", q);
        model.addAttribute("candidates", editions.candidates(q));
        return form(edition, model);
    }

    @PostMapping("/{id:\\d+}")
    String update(
            @AuthenticationPrincipal StaffUser me,
            @PathVariable long id,
            @Valid @ModelAttribute("form") EditionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        Edition edition = editions.get(id);
        if (errors.hasErrors()) {
            model.addAttribute("q", "");
            model.addAttribute("candidates", editions.candidates(""));
            return form(edition, model);
        }
        try {
            editions.update(me, id, form.getVersion(), form.changes());
        } catch (ObjectOptimisticLockingFailureException conflict) {
            // Another editor saved in between: the form comes back with this editor's text, and the reason.
            model.addAttribute("refused", "edition.error.conflict");
            model.addAttribute("q", "");
            model.addAttribute("candidates", editions.candidates(""));
            return form(edition, model);
        } catch (EditionRefusedException refused) {
            return refused(id, refused, flash);
        }
        flash.addFlashAttribute("notice", "edition.notice.saved");
        return "redirect:/admin/editions/" + id;
    }

    @PostMapping("/{id:\\d+}/articles")
    String addArticle(
            @AuthenticationPrincipal StaffUser me,
            @PathVariable long id,
            @RequestParam long articleId,
            RedirectAttributes flash) {
        return act(id, flash, "edition.notice.article-added", () -> editions.addArticle(me, id, articleId));
    }

    @PostMapping("/{id:\\d+}/articles/{position:\\d+}/up")
    String up(
            @AuthenticationPrincipal StaffUser me,
            @PathVariable long id,
            @PathVariable int position,
            RedirectAttributes flash) {
        return act(id, flash, null, () -> editions.moveArticle(me, id, position, -1));
    }

    @PostMapping("/{id:\\d+}/articles/{position:\\d+}/down")
    String down(
            @AuthenticationPrincipal StaffUser me,
            @PathVariable long id,
            @PathVariable int position,
            RedirectAttributes flash) {
        return act(id, flash, null, () -> editions.moveArticle(me, id, position, 1));
    }

    @PostMapping("/{id:\\d+}/articles/{position:\\d+}/remove")
    String remove(
            @AuthenticationPrincipal StaffUser me,
            @PathVariable long id,
            @PathVariable int position,
            RedirectAttributes flash) {
        return act(id, flash, "edition.notice.article-removed", () -> editions.removeArticle(me, id, position));
    }

    /** The email's HTML, under a sandboxing policy of its own (the newsroom's policy forbids inline styles). */
    @GetMapping("/{id:\\d+}/preview")
    @ResponseBody
    ResponseEntity<String> preview(@PathVariable long id, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", PREVIEW_POLICY);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(editions.preview(id).html());
    }

    @GetMapping("/{id:\\d+}/preview.txt")
    @ResponseBody
    ResponseEntity<String> previewText(@PathVariable long id, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", PREVIEW_POLICY);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(editions.preview(id).text());
    }

    @PostMapping("/{id:\\d+}/test")
    String test(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        try {
            boolean sent = editions.testSend(me, id, me.getEmail());
            flash.addFlashAttribute("notice", sent ? "edition.notice.test-sent" : "edition.notice.test-logged");
            flash.addFlashAttribute("noticeArgs", new Object[] {me.getEmail()});
        } catch (EditionRefusedException refused) {
            return refused(id, refused, flash);
        }
        return "redirect:/admin/editions/" + id;
    }

    @PostMapping("/{id:\\d+}/send")
    String send(@AuthenticationPrincipal StaffUser me, @PathVariable long id, RedirectAttributes flash) {
        try {
            int recipients = editions.sendNow(me, id);
            flash.addFlashAttribute("notice", "edition.notice.sending");
            flash.addFlashAttribute("noticeArgs", new Object[] {recipients});
        } catch (EditionRefusedException refused) {
            return refused(id, refused, flash);
        }
        return "redirect:/admin/editions/" + id + "/progress";
    }

    @PostMapping("/{id:\\d+}/schedule")
    String schedule(
            @AuthenticationPrincipal StaffUser me,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String time,
            RedirectAttributes flash) {
        try {
            LocalTime at;
            LocalDate day;
            try {
                day = JournalDates.parseDay(date);
                at = LocalTime.parse(time);
            } catch (DateTimeException | IllegalArgumentException ex) {
                throw new EditionRefusedException("newsletter.edition.refused.no-time");
            }
            Instant when = editions.schedule(me, id, day.atTime(at));
            flash.addFlashAttribute("notice", "edition.notice.scheduled");
            flash.addFlashAttribute("noticeArgs", new Object[] {dates.dayAndTime(when)});
        } catch (EditionRefusedException refused) {
            return refused(id, refused, flash);
        }
        return "redirect:/admin/editions/" + id;
    }

    @PostMapping("/{id:\\d+}/unschedule")
    String unschedule(@AuthenticationPrincipal StaffUser me, @PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, "edition.notice.unscheduled", () -> editions.unschedule(me, id));
    }

    @GetMapping("/{id:\\d+}/progress")
    String progress(@PathVariable long id, Model model) {
        Edition edition = editions.get(id);
        model.addAttribute("edition", edition);
        model.addAttribute("report", editions.report(id));
        return "admin/edition/progress";
    }

    /** The progress as JSON, polled by the progress page's script. */
    @GetMapping(value = "/{id:\\d+}/progress.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Progress> progressJson(@PathVariable long id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(editions.progress(id));
    }

    @PostMapping("/{id:\\d+}/pause")
    String pause(@AuthenticationPrincipal StaffUser me, @PathVariable long id, RedirectAttributes flash) {
        return progressAction(id, flash, "edition.notice.paused", () -> editions.pause(me, id));
    }

    @PostMapping("/{id:\\d+}/resume")
    String resume(@AuthenticationPrincipal StaffUser me, @PathVariable long id, RedirectAttributes flash) {
        return progressAction(id, flash, "edition.notice.resumed", () -> editions.resume(me, id));
    }

    @PostMapping("/{id:\\d+}/resend-unknown")
    String resendUnknown(@AuthenticationPrincipal StaffUser me, @PathVariable long id, RedirectAttributes flash) {
        return progressAction(id, flash, "edition.notice.resent-unknown", () -> editions.resendUnknown(me, id));
    }

    @PostMapping("/{id:\\d+}/cancel")
    String cancel(@AuthenticationPrincipal StaffUser me, @PathVariable long id, RedirectAttributes flash) {
        return progressAction(id, flash, "edition.notice.cancelled", () -> editions.cancel(me, id));
    }

    private String form(Edition edition, Model model) {
        model.addAttribute("edition", edition);
        model.addAttribute("audiences", Arrays.asList(Audience.values()));
        model.addAttribute("sections", sections.all());
        model.addAttribute("timeZone", site.timeZone().getId());
        model.addAttribute("postalAddressMissing", editions.postalAddressMissing());
        if (edition != null) {
            model.addAttribute("articles", editions.articles(edition.getId()));
        } else {
            model.addAttribute("articles", List.of());
        }
        return "admin/edition/edit";
    }

    private String act(long id, RedirectAttributes flash, String notice, Runnable action) {
        try {
            action.run();
            if (notice != null) {
                flash.addFlashAttribute("notice", notice);
            }
        } catch (EditionRefusedException refused) {
            return refused(id, refused, flash);
        }
        return "redirect:/admin/editions/" + id;
    }

    private String progressAction(long id, RedirectAttributes flash, String notice, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", notice);
        } catch (EditionRefusedException refused) {
            flash.addFlashAttribute("error", refused.getMessageKey());
            flash.addFlashAttribute("errorArgs", refused.getArgs());
        }
        return "redirect:/admin/editions/" + id + "/progress";
    }

    private static String refused(long id, EditionRefusedException refused, RedirectAttributes flash) {
        flash.addFlashAttribute("error", refused.getMessageKey());
        flash.addFlashAttribute("errorArgs", refused.getArgs());
        return "redirect:/admin/editions/" + id;
    }
}
