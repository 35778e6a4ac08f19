package org.masthead.article.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import org.masthead.article.ArticleService;
import org.masthead.article.CalendarEntry;
import org.masthead.article.EditorialCalendar;
import org.masthead.article.ExpiryNotAfterPublicationException;
import org.masthead.article.IllegalTransitionException;
import org.masthead.article.ScheduleInPastException;
import org.masthead.security.StaffUser;
import org.masthead.web.JournalDates;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The editorial calendar ({@code /admin/calendar}): a month grid or a week list of what is scheduled, published and
 * expiring, days counted in the journal's time zone ({@code masthead.time-zone}), weeks from Monday. Server-rendered,
 * with previous and next links; each scheduled piece in the week list has a small form that moves its publication,
 * checked by {@link ArticleService#reschedule} as any schedule is.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarController {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final EditorialCalendar calendar;
    private final ArticleService articles;
    private final SiteProperties site;
    private final Clock clock;

    CalendarController(EditorialCalendar calendar, ArticleService articles, SiteProperties site, Clock clock) {
        this.calendar = calendar;
        this.articles = articles;
        this.site = site;
        this.clock = clock;
    }

    /** A piece on the calendar, with its moment as the journal's time zone gives it (for the form's fields too). */
    record Piece(CalendarEntry entry, LocalDate day, String time) {

        public String href() {
            return entry.editable() ? "/admin/articles/" + entry.id() : "/articles/" + entry.slug();
        }

        public String kind() {
            return entry.kind().name();
        }
    }

    /** One day of the calendar with its pieces. */
    record Day(LocalDate date, String label, boolean inMonth, boolean today, List<Piece> entries) {

        public String iso() {
            return date.toString();
        }

        /** The day's classes: outside the month shown, today. */
        public String cssClass() {
            String css = (inMonth ? "" : "calendar__day--other ") + (today ? "calendar__day--today" : "");
            return css.isBlank() ? null : css.strip();
        }
    }

    @GetMapping
    String calendar(
            @RequestParam(defaultValue = "month") String view,
            @RequestParam(required = false) String date,
            @AuthenticationPrincipal StaffUser me,
            Model model) {
        ZoneId zone = site.timeZone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate day = today;
        if (date != null && !date.isBlank()) {
            try {
                day = JournalDates.parseDay(date.strip());
            } catch (IllegalArgumentException ex) {
                model.addAttribute("error", "calendar.date.invalid");
            }
        }
        boolean week = "week".equals(view);
        LocalDate first;
        LocalDate end;
        LocalDate previous;
        LocalDate next;
        if (week) {
            first = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            end = first.plusWeeks(1);
            previous = first.minusWeeks(1);
            next = end;
            model.addAttribute("heading", DAY.format(first) + " – " + DAY.format(end.minusDays(1)));
        } else {
            LocalDate month = day.withDayOfMonth(1);
            first = month.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            end = month.plusMonths(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            previous = month.minusMonths(1);
            next = month.plusMonths(1);
            model.addAttribute("heading", MONTH.format(month));
        }
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = end.atStartOfDay(zone).toInstant();
        Map<LocalDate, List<Piece>> byDay = new LinkedHashMap<>();
        for (CalendarEntry entry : calendar.between(from, to, me)) {
            var local = entry.at().atZone(zone);
            byDay.computeIfAbsent(local.toLocalDate(), d -> new ArrayList<>())
                    .add(new Piece(entry, local.toLocalDate(), TIME.format(local)));
        }
        List<Day> days = new ArrayList<>();
        for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
            boolean inMonth = week || d.getMonth() == day.getMonth();
            days.add(new Day(d, DAY.format(d), inMonth, d.equals(today), byDay.getOrDefault(d, List.of())));
        }
        List<List<Day>> weeks = new ArrayList<>();
        for (int i = 0; i < days.size(); i += 7) {
            weeks.add(days.subList(i, i + 7));
        }
        model.addAttribute(
                "weekdays",
                days.subList(0, 7).stream()
                        .map(d -> d.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                        .toList());
        model.addAttribute("view", week ? "week" : "month");
        model.addAttribute("date", day.toString());
        model.addAttribute("days", days);
        model.addAttribute("weeks", weeks);
        model.addAttribute("previous", previous.toString());
        model.addAttribute("next", next.toString());
        model.addAttribute("today", today.toString());
        model.addAttribute("timeZone", zone.getId());
        model.addAttribute("empty", byDay.isEmpty());
        return "admin/article/calendar";
    }

    /**
     * Moves a scheduled piece to the date and time posted (in the journal's time zone), then shows the calendar
     * where it was. A contributor is refused (403) by the service, whatever the page showed.
     */
    @PostMapping("/{id:\\d+}/reschedule")
    String reschedule(
            @PathVariable long id,
            @Valid ScheduleForm schedule,
            BindingResult scheduleErrors,
            @RequestParam(defaultValue = "week") String view,
            @RequestParam(required = false) String back,
            @AuthenticationPrincipal StaffUser me,
            RedirectAttributes flash) {
        String problem = schedule.problem(scheduleErrors, site.timeZone());
        String to = where(view, back);
        if (problem != null) {
            flash.addFlashAttribute("error", problem);
            return to;
        }
        try {
            articles.reschedule(id, schedule.at(site.timeZone()), me);
            flash.addFlashAttribute("notice", "calendar.notice.rescheduled");
            return where(view, schedule.getDate().toString());
        } catch (ScheduleInPastException ex) {
            flash.addFlashAttribute("error", "article.schedule.past");
        } catch (ExpiryNotAfterPublicationException ex) {
            flash.addFlashAttribute("error", "article.expiry.before-publication");
        } catch (IllegalTransitionException ex) {
            flash.addFlashAttribute("error", "calendar.reschedule.not-scheduled");
        }
        return to;
    }

    /** Back to the calendar's view and day the form came from; a day that is not one is left out. */
    private static String where(String view, String day) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/admin/calendar")
                .queryParam("view", "month".equals(view) ? "month" : "week");
        if (day != null) {
            try {
                uri.queryParam("date", JournalDates.parseDay(day).toString());
            } catch (IllegalArgumentException ex) {
                // the calendar opens on today
            }
        }
        return "redirect:" + uri.build().toUriString();
    }
}
