package org.masthead.article.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.article.Article;
import org.masthead.article.ArticleFixtures;
import org.masthead.article.ArticleService;
import org.masthead.author.AuthorService;
import org.masthead.section.SectionService;
import org.masthead.security.StaffUser;
import org.masthead.web.SiteProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.article.ArticleFixtures.CONTRIBUTOR;
import static org.masthead.article.ArticleFixtures.EDITOR;
import static org.masthead.article.ArticleFixtures.OTHER_CONTRIBUTOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The editorial calendar ({@code /admin/calendar}) as the HTML the browser gets: scheduled, published and expiring
 * pieces by day, in month and week; a contributor sees their own pieces and what is published; rescheduling from it
 * by an editor, refused (403) to a contributor; and the edit page's expiry form.
 */
@IntegrationTest
class CalendarHttpTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleService articles;

    @Autowired
    SectionService sections;

    @Autowired
    AuthorService authors;

    @Autowired
    MutableClock clock;

    @Autowired
    SiteProperties site;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    Article draftBy(StaffUser owner) {
        return ArticleFixtures.draftBy(articles, sections, authors, owner, "calendar", "A first paragraph.\n");
    }

    void as(StaffUser user) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    ZonedDateTime local(Instant at) {
        return at.atZone(site.timeZone());
    }

    Document calendar(String view, Instant day, StaffUser by) throws Exception {
        String html = mvc.perform(get("/admin/calendar")
                        .param("view", view)
                        .param("date", local(day).toLocalDate().toString())
                        .with(user(by)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(html);
    }

    Instant scheduledAt(Article article) {
        return jdbc.queryForObject(
                        "select scheduled_at from articles where id = ?", java.sql.Timestamp.class, article.getId())
                .toInstant();
    }

    @Test
    void theCalendarListsScheduledPublishedAndExpiringPiecesInMonthAndWeek() throws Exception {
        Instant now = clock.instant();
        Article published = draftBy(EDITOR);
        Article scheduled = draftBy(EDITOR);
        as(EDITOR);
        articles.publish(published.getId(), EDITOR);
        Instant expiry = now.plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        articles.expireAt(published.getId(), expiry, EDITOR);
        Instant at = now.plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        articles.schedule(scheduled.getId(), at, EDITOR);
        SecurityContextHolder.clearContext();

        for (String view : new String[] {"week", "month"}) {
            Document publishedDay = calendar(view, now, EDITOR);
            assertThat(publishedDay
                            .select("#piece-published-" + published.getId())
                            .attr("href"))
                    .isEqualTo("/admin/articles/" + published.getId());
            assertThat(publishedDay
                            .select("#day-" + local(now).toLocalDate() + " #piece-published-" + published.getId())
                            .text())
                    .isEqualTo(published.getTitle());
            assertThat(calendar(view, at, EDITOR)
                            .select("#day-" + local(at).toLocalDate() + " #piece-scheduled-" + scheduled.getId())
                            .attr("href"))
                    .isEqualTo("/admin/articles/" + scheduled.getId());
            Document expiryDay = calendar(view, expiry, EDITOR);
            assertThat(expiryDay.select("#day-" + local(expiry).toLocalDate() + " #piece-expires-" + published.getId()))
                    .hasSize(1);
            assertThat(expiryDay.select("#day-" + local(expiry).toLocalDate()).text())
                    .contains("Comes down", local(expiry).format(DateTimeFormatter.ofPattern("HH:mm")));
            // An accessible table: a caption and headers for its columns.
            assertThat(expiryDay.select("table caption")).hasSize(1);
            assertThat(expiryDay.select("table thead th[scope=col]")).isNotEmpty();
            assertThat(expiryDay.select("#calendar-previous").attr("href")).startsWith("/admin/calendar?view=" + view);
            assertThat(expiryDay.select("#calendar-next").attr("href")).startsWith("/admin/calendar?view=" + view);
        }
        // Both views carry a form to move the scheduled piece, filled with its time (in the month grid behind a
        // "Move" disclosure, the piece draggable onto another day with JavaScript); a published piece has none.
        Document month = calendar("month", at, EDITOR);
        String day = "#day-" + local(at).toLocalDate();
        assertThat(month.select(day + " li[data-reschedule=reschedule-" + scheduled.getId() + "]"))
                .hasSize(1);
        assertThat(month.select(day + " #move-" + scheduled.getId() + " #reschedule-" + scheduled.getId()
                                + " input[name=view]")
                        .val())
                .isEqualTo("month");
        assertThat(month.select("#reschedule-" + scheduled.getId() + " input[name=time]")
                        .val())
                .isEqualTo(local(at).format(DateTimeFormatter.ofPattern("HH:mm")));
        assertThat(month.select("#reschedule-" + published.getId())).isEmpty();
        assertThat(month.select("li[data-reschedule=reschedule-" + published.getId() + "]"))
                .isEmpty();
        assertThat(month.select("script[src^='/js/calendar']")).hasSize(1);
        Document week = calendar("week", at, EDITOR);
        assertThat(week.select("#reschedule-" + scheduled.getId() + " input[name=date]")
                        .val())
                .isEqualTo(local(at).toLocalDate().toString());
        assertThat(week.select("#reschedule-" + scheduled.getId() + " input[name=time]")
                        .val())
                .isEqualTo(local(at).format(DateTimeFormatter.ofPattern("HH:mm")));
        assertThat(week.select("#reschedule-" + scheduled.getId() + " input[name=_csrf]"))
                .hasSize(1);
        assertThat(week.select("label[for=reschedule-date-" + scheduled.getId() + "]"))
                .hasSize(1);
        assertThat(week.select("#reschedule-" + published.getId())).isEmpty();
        // Pieces elsewhere in time are not on this week.
        Document later = mvc.perform(get("/admin/calendar")
                        .param("view", "week")
                        .param("date", local(now).toLocalDate().plusWeeks(3).toString())
                        .with(user(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .transform(Jsoup::parse);
        assertThat(later.select("#piece-scheduled-" + scheduled.getId())).isEmpty();
    }

    @Test
    void aContributorSeesTheirOwnPiecesAndWhatIsPublishedAndMovesNothing() throws Exception {
        Instant now = clock.instant();
        Instant at = now.plus(Duration.ofHours(5));
        Article own = draftBy(CONTRIBUTOR);
        Article colleagues = draftBy(OTHER_CONTRIBUTOR);
        Article published = draftBy(EDITOR);
        as(EDITOR);
        articles.schedule(own.getId(), at, EDITOR);
        articles.schedule(colleagues.getId(), at, EDITOR);
        articles.publish(published.getId(), EDITOR);
        articles.expireAt(published.getId(), at, EDITOR);
        SecurityContextHolder.clearContext();

        Document mine = calendar("week", at, CONTRIBUTOR);
        assertThat(mine.select("#piece-scheduled-" + own.getId()).attr("href"))
                .isEqualTo("/admin/articles/" + own.getId());
        assertThat(mine.select("#piece-scheduled-" + colleagues.getId())).isEmpty();
        assertThat(mine.text()).doesNotContain(colleagues.getTitle());
        Document today = calendar("week", now, CONTRIBUTOR);
        // What is published, yes, as readers see it: its public page, not its editor; its expiry is the desk's.
        assertThat(today.select("#piece-published-" + published.getId()).attr("href"))
                .isEqualTo("/articles/" + published.getSlug());
        assertThat(mine.select("#piece-expires-" + published.getId())).isEmpty();
        assertThat(mine.select("form[id^=reschedule-]")).isEmpty();

        // The editor sees all of it.
        Document editors = calendar("week", at, EDITOR);
        assertThat(editors.select("#piece-scheduled-" + own.getId())).hasSize(1);
        assertThat(editors.select("#piece-scheduled-" + colleagues.getId())).hasSize(1);
        assertThat(editors.select("#piece-expires-" + published.getId())).hasSize(1);
    }

    @Test
    void anEditorReschedulesFromTheCalendarAndAContributorIsRefused() throws Exception {
        Article article = draftBy(CONTRIBUTOR);
        as(EDITOR);
        Instant at = clock.instant().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        articles.schedule(article.getId(), at, EDITOR);
        SecurityContextHolder.clearContext();
        ZonedDateTime moved = local(at).plusDays(3).withHour(7).withMinute(30);

        // A contributor, even on their own piece, is refused on the server: nothing moves.
        mvc.perform(post("/admin/calendar/" + article.getId() + "/reschedule")
                        .param("date", moved.toLocalDate().toString())
                        .param("time", "07:30")
                        .with(csrf())
                        .with(user(CONTRIBUTOR)))
                .andExpect(status().isForbidden());
        assertThat(scheduledAt(article)).isEqualTo(at);

        // A time gone by, or a day that is not one: the calendar again, with the reason, and nothing moved.
        mvc.perform(post("/admin/calendar/" + article.getId() + "/reschedule")
                        .param(
                                "date",
                                local(clock.instant())
                                        .toLocalDate()
                                        .minusDays(2)
                                        .toString())
                        .param("time", "07:30")
                        .param("back", local(at).toLocalDate().toString())
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(redirectedUrl(
                        "/admin/calendar?view=week&date=" + local(at).toLocalDate()))
                .andExpect(flash().attribute("error", "article.schedule.past"));
        mvc.perform(post("/admin/calendar/" + article.getId() + "/reschedule")
                        .param("date", "2026-13-45")
                        .param("time", "07:30")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(flash().attribute("error", "article.schedule.invalid"));
        assertThat(scheduledAt(article)).isEqualTo(at);

        mvc.perform(post("/admin/calendar/" + article.getId() + "/reschedule")
                        .param("date", moved.toLocalDate().toString())
                        .param("time", "07:30")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(redirectedUrl("/admin/calendar?view=week&date=" + moved.toLocalDate()))
                .andExpect(flash().attribute("notice", "calendar.notice.rescheduled"));
        assertThat(scheduledAt(article)).isEqualTo(moved.toInstant());

        // From the month grid: back to the month of the new day; a time gone by is refused there too, and said.
        ZonedDateTime again = moved.plusDays(40);
        mvc.perform(post("/admin/calendar/" + article.getId() + "/reschedule")
                        .param("view", "month")
                        .param("back", moved.toLocalDate().toString())
                        .param("date", again.toLocalDate().toString())
                        .param("time", "07:30")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(redirectedUrl("/admin/calendar?view=month&date=" + again.toLocalDate()));
        assertThat(scheduledAt(article)).isEqualTo(again.toInstant());
        mvc.perform(post("/admin/calendar/" + article.getId() + "/reschedule")
                        .param("view", "month")
                        .param("back", again.toLocalDate().toString())
                        .param(
                                "date",
                                local(clock.instant())
                                        .toLocalDate()
                                        .minusDays(1)
                                        .toString())
                        .param("time", "07:30")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(redirectedUrl("/admin/calendar?view=month&date=" + again.toLocalDate()))
                .andExpect(flash().attribute("error", "article.schedule.past"));
        assertThat(scheduledAt(article)).isEqualTo(again.toInstant());
        mvc.perform(post("/admin/calendar/" + article.getId() + "/reschedule")
                        .param("view", "month")
                        .param("date", moved.toLocalDate().toString())
                        .param("time", "07:30")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(redirectedUrl("/admin/calendar?view=month&date=" + moved.toLocalDate()));
        assertThat(scheduledAt(article)).isEqualTo(moved.toInstant());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_events where action = 'article.reschedule' and subject like ?",
                        Integer.class,
                        "article #" + article.getId() + " %"))
                .isEqualTo(3);
        Document week = calendar("week", moved.toInstant(), EDITOR);
        assertThat(week.select("#day-" + moved.toLocalDate() + " #piece-scheduled-" + article.getId()))
                .hasSize(1);

        // A bad day in the address is said, and the calendar shows today.
        Document bad = Jsoup.parse(
                mvc.perform(get("/admin/calendar").param("date", "yesterday").with(user(EDITOR)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(bad.select("#error").text()).contains("not a day");
    }

    @Test
    void theEditPageSetsAndClearsAnExpiryForEditorsOnly() throws Exception {
        Article article = draftBy(CONTRIBUTOR);
        as(EDITOR);
        articles.publish(article.getId(), EDITOR);
        SecurityContextHolder.clearContext();
        String path = "/admin/articles/" + article.getId();
        Document editors = Jsoup.parse(mvc.perform(get(path).with(user(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(editors.select("#expiry-form input[name=expiresDate]")).hasSize(1);
        assertThat(editors.select("label[for=expiry-time]")).hasSize(1);
        Document contributors = Jsoup.parse(mvc.perform(get(path).with(user(CONTRIBUTOR)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(contributors.select("#expiry-form")).isEmpty();

        ZonedDateTime when = local(clock.instant())
                .plusDays(10)
                .withHour(18)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        mvc.perform(post(path + "/expiry")
                        .param("expiresDate", when.toLocalDate().toString())
                        .param("expiresTime", "18:00")
                        .with(csrf())
                        .with(user(CONTRIBUTOR)))
                .andExpect(status().isForbidden());
        mvc.perform(post(path + "/expiry")
                        .param("expiresDate", "")
                        .param("expiresTime", "18:00")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(redirectedUrl(path))
                .andExpect(flash().attribute("error", "article.expiry.invalid"));
        mvc.perform(post(path + "/expiry")
                        .param(
                                "expiresDate",
                                local(clock.instant())
                                        .toLocalDate()
                                        .minusDays(1)
                                        .toString())
                        .param("expiresTime", "18:00")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(flash().attribute("error", "article.expiry.past"));
        assertThat(articles.get(article.getId()).getExpiresAt()).isNull();

        mvc.perform(post(path + "/expiry")
                        .param("expiresDate", when.toLocalDate().toString())
                        .param("expiresTime", "18:00")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(redirectedUrl(path))
                .andExpect(flash().attribute("notice", "article.notice.expiry-set"));
        assertThat(articles.get(article.getId()).getExpiresAt()).isEqualTo(when.toInstant());
        Document after = Jsoup.parse(mvc.perform(get(path).with(user(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(after.select("#expiry-current").text()).contains("Comes down");
        assertThat(after.select("#expiry-clear-form")).hasSize(1);

        mvc.perform(post(path + "/expiry").param("clear", "true").with(csrf()).with(user(EDITOR)))
                .andExpect(flash().attribute("notice", "article.notice.expiry-cleared"));
        assertThat(articles.get(article.getId()).getExpiresAt()).isNull();
    }
}
