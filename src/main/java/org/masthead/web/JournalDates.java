package org.masthead.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Formats instants in the journal's time zone; templates call it as {@code @dates}. */
@Component("dates")
public class JournalDates {

    private final DateTimeFormatter day;
    private final DateTimeFormatter dayAndTime;

    JournalDates(SiteProperties site) {
        this.day = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(site.timeZone());
        this.dayAndTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.ENGLISH)
                .withZone(site.timeZone());
    }

    /**
     * A day typed as {@code 2026-10-31}, in the years 1 to 9999 (those a date field offers, and every conversion to
     * an instant and the database can hold); anything else is refused with {@link IllegalArgumentException}.
     */
    public static LocalDate parseDay(String text) {
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeException ex) {
            throw new IllegalArgumentException("not a day: " + text, ex);
        }
        if (day.getYear() < 1 || day.getYear() > 9999) {
            throw new IllegalArgumentException("a day outside the years 1 to 9999: " + text);
        }
        return day;
    }

    /** "14 October 2026". */
    public String day(Instant instant) {
        return instant == null ? "" : day.format(instant);
    }

    /** "14 Oct 2026, 10:00". */
    public String dayAndTime(Instant instant) {
        return instant == null ? "" : dayAndTime.format(instant);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
