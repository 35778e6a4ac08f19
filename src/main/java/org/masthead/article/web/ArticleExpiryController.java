package org.masthead.article.web;

import java.time.Instant;

import org.masthead.article.ArticleService;
import org.masthead.article.ExpiryNotAfterPublicationException;
import org.masthead.article.IllegalTransitionException;
import org.masthead.article.ScheduleInPastException;
import org.masthead.security.StaffUser;
import org.masthead.web.JournalDates;
import org.masthead.web.SiteProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The edit page's expiry form: when a published (or scheduled) article comes down by itself, as a date and a time in
 * the journal's time zone, or cleared. Editors and admins; the service checks.
 */
@Controller
@RequestMapping("/admin/articles")
class ArticleExpiryController {

    private final ArticleService articles;
    private final SiteProperties site;

    ArticleExpiryController(ArticleService articles, SiteProperties site) {
        this.articles = articles;
        this.site = site;
    }

    @PostMapping("/{id:\\d+}/expiry")
    String expiry(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String expiresDate,
            @RequestParam(defaultValue = "") String expiresTime,
            @RequestParam(defaultValue = "false") boolean clear,
            @AuthenticationPrincipal StaffUser me,
            RedirectAttributes flash) {
        String back = "redirect:/admin/articles/" + id;
        Instant at = null;
        if (!clear) {
            try {
                at = JournalDates.parseDay(expiresDate.strip())
                        .atTime(java.time.LocalTime.parse(expiresTime.strip()))
                        .atZone(site.timeZone())
                        .toInstant();
            } catch (IllegalArgumentException | java.time.DateTimeException ex) {
                flash.addFlashAttribute("error", "article.expiry.invalid");
                return back;
            }
            if (at.isAfter(ScheduleForm.LATEST)) {
                flash.addFlashAttribute("error", "article.schedule.too-far");
                return back;
            }
        }
        try {
            articles.expireAt(id, at, me);
            flash.addFlashAttribute("notice", clear ? "article.notice.expiry-cleared" : "article.notice.expiry-set");
        } catch (ScheduleInPastException ex) {
            flash.addFlashAttribute("error", "article.expiry.past");
        } catch (ExpiryNotAfterPublicationException ex) {
            flash.addFlashAttribute("error", "article.expiry.before-publication");
        } catch (IllegalTransitionException ex) {
            flash.addFlashAttribute("error", "article.workflow.refused");
        }
        return back;
    }
}
