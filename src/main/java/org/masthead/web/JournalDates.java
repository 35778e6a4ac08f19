package org.masthead.web;

import java.time.Instant;
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
