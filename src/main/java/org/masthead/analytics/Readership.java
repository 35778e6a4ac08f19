package org.masthead.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.masthead.article.ArticleReadership;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.masthead.web.SiteProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's readership figures, read from the daily aggregates: top articles of a period, views per day, an
 * article's views since it was published, referring domains and devices. Editors and admins see the whole journal;
 * a contributor sees their own articles only (those they created or that carry their byline), and none of the
 * figures of the whole site.
 */
@Service
@Transactional(readOnly = true)
public class Readership implements ArticleReadership {

    /** Articles a contributor may see figures of: their own, or under their byline. */
    private static final String VISIBLE = """
            (:all or a.created_by = :me or exists (
                select 1 from article_authors aa join authors au on au.id = aa.author_id
                where aa.article_id = a.id and au.account_id = :me))
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    Readership(JdbcClient jdbc, Clock clock, SiteProperties site) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = site.timeZone();
    }

    public record ArticleFigures(long id, String title, long views, long visitors) {}

    public record DayFigures(LocalDate day, long views, long visitors) {}

    public record Share(String name, long views) {}

    public record ArticleHistory(long id, String title, String slug, LocalDate since, List<DayFigures> days) {
        public long views() {
            return days.stream().mapToLong(DayFigures::views).sum();
        }
    }

    /** A period of whole days, the last of them today. */
    public record Period(LocalDate from, LocalDate to) {}

    /** The journal's today, the last day counted. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The {@code days} days up to today. */
    public Period lastDays(int days) {
        LocalDate today = today();
        return new Period(today.minusDays(days - 1L), today);
    }

    /** Whether this member sees the figures of the whole site (editors and admins). */
    public static boolean seesWholeSite(StaffUser viewer) {
        return viewer.hasAtLeast(Role.EDITOR);
    }

    /** The most read articles of the period that the viewer may see, most views first. */
    public List<ArticleFigures> topArticles(StaffUser viewer, Period period, int limit) {
        return jdbc.sql("""
                        select a.id, a.title, sum(d.views) as views, sum(d.visitors) as visitors
                        from analytics_article_days d join articles a on a.id = d.article_id
                        where d.day between :from and :to and
                        """ + VISIBLE + """
                        group by a.id, a.title
                        order by views desc, a.id desc
                        limit :limit
                        """)
                .param("from", period.from())
                .param("to", period.to())
                .param("all", seesWholeSite(viewer))
                .param("me", viewer.getAccountId())
                .param("limit", limit)
                .query((rs, row) -> new ArticleFigures(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Article views per day of the period, every day listed (0 for none), of the articles the viewer may see. */
    public List<DayFigures> days(StaffUser viewer, Period period) {
        return jdbc.sql("""
                        select g.day::date, coalesce(sum(d.views), 0), coalesce(sum(d.visitors), 0)
                        from generate_series(cast(:from as date), cast(:to as date), interval '1 day') as g(day)
                        left join (analytics_article_days d join articles a on a.id = d.article_id and
                        """ + VISIBLE + """
                        ) on d.day = g.day::date
                        group by g.day order by g.day
                        """)
                .param("from", period.from())
                .param("to", period.to())
                .param("all", seesWholeSite(viewer))
                .param("me", viewer.getAccountId())
                .query((rs, row) -> new DayFigures(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /**
     * An article's views per day since its publication (at most the last {@code maxDays}), when the viewer may see
     * its figures and it has been published.
     */
    public Optional<ArticleHistory> article(StaffUser viewer, long id, int maxDays) {
        record Head(long id, String title, String slug, LocalDate published) {}
        Optional<Head> head = jdbc.sql("select a.id, a.title, a.slug, (a.published_at at time zone :zone)::date"
                        + " from articles a where a.id = :id and a.published_at is not null and " + VISIBLE)
                .param("id", id)
                .param("zone", zone.getId())
                .param("all", seesWholeSite(viewer))
                .param("me", viewer.getAccountId())
                .query((rs, row) ->
                        new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
                .optional();
        return head.map(found -> {
            LocalDate today = today();
            LocalDate since = found.published().isAfter(today) ? today : found.published();
            if (since.isBefore(today.minusDays(maxDays - 1L))) {
                since = today.minusDays(maxDays - 1L);
            }
            List<DayFigures> days = jdbc.sql("""
                            select g.day::date, coalesce(d.views, 0), coalesce(d.visitors, 0)
                            from generate_series(cast(:from as date), cast(:to as date), interval '1 day') as g(day)
                            left join analytics_article_days d on d.day = g.day::date and d.article_id = :id
                            order by g.day
                            """)
                    .param("from", since)
                    .param("to", today)
                    .param("id", found.id())
                    .query((rs, row) -> new DayFigures(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3)))
                    .list();
            return new ArticleHistory(found.id(), found.title(), found.slug(), since, days);
        });
    }

    /** The referring domains of the period, most views first ({@code (direct)}: no referrer). Whole site only. */
    public List<Share> referrers(Period period, int limit) {
        return shares("analytics_referrer_days", "domain", period, limit);
    }

    /** Views by class of device over the period. Whole site only. */
    public List<Share> devices(Period period) {
        return shares("analytics_device_days", "device", period, 10);
    }

    /** Views by country over the period (none unless a GeoIP database is configured). Whole site only. */
    public List<Share> countries(Period period, int limit) {
        return shares("analytics_country_days", "country", period, limit);
    }

    /** Views of the reader's other pages (home, sections, authors, topics, search) over the period. */
    public List<Share> pages(Period period) {
        return shares("analytics_page_days", "page", period, 10);
    }

    private List<Share> shares(String table, String column, Period period, int limit) {
        return jdbc.sql("select " + column + ", sum(views) as views from " + table
                        + " where day between :from and :to group by " + column
                        + " order by views desc, " + column + " limit :limit")
                .param("from", period.from())
                .param("to", period.to())
                .param("limit", limit)
                .query((rs, row) -> new Share(rs.getString(1), rs.getLong(2)))
                .list();
    }

    /** One newsletter edition's figures: its outbox's outcome, the clicks on its links, the unsubscribes after it. */
    public record EditionFigures(
            long id,
            String subject,
            java.time.Instant startedAt,
            long recipients,
            long delivered,
            long failed,
            long unknown,
            long bounces,
            long complaints,
            long clicks,
            long unsubscribes,
            long opens) {}

    /** A link of an edition and its clicks. */
    public record LinkClicks(long editionId, String subject, String url, long clicks) {}

    /**
     * The editions whose send started in the period, newest first: delivered (handed to the SMTP server), failed
     * (refused for good), unknown (a node stopped mid-hand-off), bounces and complaints reported after the send by
     * the mail provider's webhook, clicks on their links, and recipients who
     * unsubscribed within 7 days of the send. Whole site only.
     */
    public List<EditionFigures> editions(Period period, int limit) {
        return jdbc.sql("""
                        select e.id, e.subject, e.started_at, e.recipients,
                               count(d.id) filter (where d.state = 'SENT'),
                               count(d.id) filter (where d.state = 'FAILED'),
                               count(d.id) filter (where d.state = 'UNKNOWN'),
                               e.bounces, e.complaints,
                               (select coalesce(sum(c.clicks), 0) from edition_link_clicks c where c.edition_id = e.id),
                               count(d.id) filter (where s.unsubscribed_at >= e.started_at
                                                     and s.unsubscribed_at < e.started_at + interval '7 days'),
                               (select coalesce(sum(o.opens), 0) from edition_opens o where o.edition_id = e.id)
                        from editions e
                        left join edition_deliveries d on d.edition_id = e.id
                        left join subscribers s on s.id = d.subscriber_id
                        where e.started_at is not null
                          and (e.started_at at time zone :zone)::date between :from and :to
                        group by e.id
                        order by e.started_at desc, e.id desc
                        limit :limit
                        """)
                .param("zone", zone.getId())
                .param("from", period.from())
                .param("to", period.to())
                .param("limit", limit)
                .query((rs, row) -> new EditionFigures(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getLong(11),
                        rs.getLong(12)))
                .list();
    }

    /** The most clicked links of the editions sent in the period. Whole site only. */
    public List<LinkClicks> links(Period period, int limit) {
        return jdbc.sql("""
                        select e.id, e.subject, c.url, c.clicks
                        from edition_link_clicks c join editions e on e.id = c.edition_id
                        where (e.started_at at time zone :zone)::date between :from and :to
                        order by c.clicks desc, e.id desc, c.url
                        limit :limit
                        """)
                .param("zone", zone.getId())
                .param("from", period.from())
                .param("to", period.to())
                .param("limit", limit)
                .query((rs, row) -> new LinkClicks(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    @Override
    public Map<Long, Long> recentViews(StaffUser viewer, Collection<Long> ids, int days) {
        Map<Long, Long> views = new HashMap<>();
        if (ids.isEmpty()) {
            return views;
        }
        jdbc.sql("select a.id, sum(d.views) from analytics_article_days d join articles a on a.id = d.article_id"
                        + " where a.id in (:ids) and d.day > :since and d.day <= :today and " + VISIBLE
                        + " group by a.id")
                .param("ids", ids)
                .param("since", today().minusDays(days))
                .param("today", today())
                .param("all", seesWholeSite(viewer))
                .param("me", viewer.getAccountId())
                .query((rs, row) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .forEach(entry -> views.put(entry.getKey(), entry.getValue()));
        return views;
    }
}
