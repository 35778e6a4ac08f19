package org.masthead.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editorial calendar's reading: what is scheduled, published and expiring in a stretch of time. Editors and
 * admins see every piece; a contributor sees their own pieces and what readers can already see (docs/DESIGN.md,
 * "Who may do what"). Rescheduling is {@link ArticleService#reschedule}'s, with its own checks.
 */
@Service
@Transactional(readOnly = true)
public class EditorialCalendar {

    private final ArticleRepository articles;
    private final Clock clock;

    EditorialCalendar(ArticleRepository articles, Clock clock) {
        this.articles = articles;
        this.clock = clock;
    }

    /** The pieces from {@code from} (included) to {@code to} (excluded) this member may see, in time order. */
    public List<CalendarEntry> between(Instant from, Instant to, Actor by) {
        NotAllowedException.require(ArticlePermissions.canCreate(by), by, "see the editorial calendar");
        if (!from.isBefore(to)) {
            return List.of();
        }
        Instant now = clock.instant();
        List<CalendarEntry> entries = new ArrayList<>();
        for (Article article : articles.findForCalendar(from, to)) {
            boolean mine = ArticlePermissions.canView(by, article);
            boolean published = article.getStatus() == ArticleStatus.PUBLISHED;
            if (published
                    && within(article.getPublishedAt(), from, to)
                    && (mine || !article.getPublishedAt().isAfter(now))) {
                entries.add(entry(article, CalendarEntry.Kind.PUBLISHED, article.getPublishedAt(), by, mine));
            }
            if (article.getStatus() == ArticleStatus.SCHEDULED && mine && within(article.getScheduledAt(), from, to)) {
                entries.add(entry(article, CalendarEntry.Kind.SCHEDULED, article.getScheduledAt(), by, mine));
            }
            if (mine && within(article.getExpiresAt(), from, to)) {
                entries.add(entry(article, CalendarEntry.Kind.EXPIRES, article.getExpiresAt(), by, mine));
            }
        }
        entries.sort(Comparator.comparing(CalendarEntry::at).thenComparing(CalendarEntry::id));
        return entries;
    }

    private static CalendarEntry entry(Article article, CalendarEntry.Kind kind, Instant at, Actor by, boolean mine) {
        return new CalendarEntry(
                article.getId(),
                article.getTitle(),
                article.getSlug(),
                article.getSection().getName(),
                kind,
                at,
                article.getExpiresAt(),
                mine,
                kind == CalendarEntry.Kind.SCHEDULED && ArticlePermissions.canReschedule(by, article));
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }
}
