package org.masthead.article.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/**
 * When to publish: the schedule fields ({@code date}, {@code time}) of the schedule form and of the edit form's
 * Schedule button, bound and converted by Spring (ISO date, {@code HH:mm} time, as the browser's date and time
 * inputs send them). A missing or malformed field is a binding error, shown as {@code article.schedule.invalid}.
 */
class ScheduleForm {

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
    private LocalTime time;

    /** Beyond any plan, and (for years such as +999999999) beyond what the database can store. */
    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    /**
     * What is wrong with the posted schedule, as a message key, or null when it names a time the database can
     * keep. Whether that time is still to come is the article's own rule ({@code ScheduleInPastException}).
     */
    String problem(BindingResult errors, ZoneId zone) {
        if (errors.hasErrors() || date == null || time == null) {
            return "article.schedule.invalid";
        }
        return at(zone).isAfter(LATEST) ? "article.schedule.too-far" : null;
    }

    /** The moment the date and time name in the site's time zone. */
    Instant at(ZoneId zone) {
        return date.atTime(time).atZone(zone).toInstant();
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public LocalTime getTime() {
        return time;
    }

    public void setTime(LocalTime time) {
        this.time = time;
    }
}
