package org.masthead.analytics.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.masthead.testing.TestData;
import org.masthead.web.SiteProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The newsroom's readership page and its CSV: an editor sees the whole journal's figures; a contributor only their
 * own articles', with no site-wide table and no other article's history; a wrong period is a 400 with its message;
 * the article list shows each article's views of the last 7 days.
 */
@IntegrationTest
class ReadershipAdminTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    SiteProperties site;

    Article own;
    Article other;
    StaffUser contributor;
    String domain;

    @BeforeEach
    void figures() {
        long account = content.account(Role.CONTRIBUTOR);
        contributor = new StaffUser(account, "c" + account + "@example.org", "C", Role.CONTRIBUTOR, "{noop}x", true);
        own = content.published(
                content.section(),
                List.of(content.author()),
                List.of(),
                Instant.now().minus(Duration.ofDays(3)));
        other = content.published(
                content.section(),
                List.of(content.author()),
                List.of(),
                Instant.now().minus(Duration.ofDays(3)));
        jdbc.sql("update articles set created_by = :account where id = :id")
                .param("account", account)
                .param("id", own.getId())
                .update();
        LocalDate today = LocalDate.ofInstant(clock.instant(), site.timeZone());
        for (Article article : List.of(own, other)) {
            for (int i = 0; i < 3; i++) {
                jdbc.sql("insert into analytics_article_days (day, article_id, views, visitors)"
                                + " values (:day, :id, :views, 1)")
                        .param("day", today.minusDays(i))
                        .param("id", article.getId())
                        .param("views", 1000 + i)
                        .update();
            }
        }
        domain = TestContent.unique("from").toLowerCase() + ".example.org";
        jdbc.sql("insert into analytics_referrer_days (day, domain, views) values (:day, :domain, 7)")
                .param("day", today)
                .param("domain", domain)
                .update();
    }

    @Test
    void anEditorSeesTheWholeJournal() throws Exception {
        String page = mvc.perform(get("/admin/analytics").param("period", "7").with(user(TestData.EDITOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(own.getTitle(), other.getTitle(), domain, "id=\"referrers-table\"");

        String history = mvc.perform(get("/admin/analytics")
                        .param("article", own.getId().toString())
                        .with(user(TestData.EDITOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(history).contains("id=\"history-table\"", "data-views=\"1002\"");

        mvc.perform(get("/admin/analytics.csv")
                        .param("table", "article")
                        .param("article", own.getId().toString())
                        .with(user(TestData.EDITOR)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(content().string(org.hamcrest.Matchers.startsWith("day,views,visitors\r\n")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(",1002,1\r\n")));
        mvc.perform(get("/admin/analytics.csv")
                        .param("table", "referrers")
                        .param("period", "7")
                        .with(user(TestData.EDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(domain + ",7")));

        String list = mvc.perform(
                        get("/admin/articles").param("q", own.getTitle()).with(user(TestData.EDITOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).containsPattern("id=\"article-views-" + own.getId() + "\"[^>]*>3,003<");
    }

    @Test
    void aContributorSeesTheirOwnArticlesOnly() throws Exception {
        String page = mvc.perform(get("/admin/analytics").param("period", "7").with(user(contributor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(own.getTitle()).doesNotContain(other.getTitle(), domain, "referrers-table");
        mvc.perform(get("/admin/analytics")
                        .param("article", other.getId().toString())
                        .with(user(contributor)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/analytics.csv").param("table", "referrers").with(user(contributor)))
                .andExpect(status().isNotFound());
        String csv = mvc.perform(
                        get("/admin/analytics.csv").param("period", "7").with(user(contributor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).contains(own.getTitle()).doesNotContain(other.getTitle());
    }

    @Test
    void aWrongPeriodOrArticleIsRefusedWithItsReason() throws Exception {
        String refused = mvc.perform(
                        get("/admin/analytics").param("period", "12").with(user(TestData.EDITOR)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("Choose one of the periods offered");
        mvc.perform(get("/admin/analytics").param("article", "x1").with(user(TestData.EDITOR)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/admin/analytics.csv").param("table", "nope").with(user(TestData.EDITOR)))
                .andExpect(status().isBadRequest());
    }
}
