package org.masthead.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What counting stores, read from the tables: a day's rows are bounded whatever is sent, and once the day is over
 * nothing that told one reader from another is left (no visitor hash, no salt), and no table ever held an address
 * or a browser's agent. On a day of its own (a frozen clock in 2099, after the day the application's own writes
 * forget, so they leave it alone) and with small limits, so nothing else counted in the shared database is touched.
 */
@IntegrationTest
class ReaderCountsBoundsTests {

    static final String AGENT =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36";

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestContent content;

    @Test
    void aDayHoldsBoundedRowsAndForgetsItsVisitorsWhenItIsOver() {
        LocalDate day = LocalDate.of(2099, 3, 4);
        MutableClock clock = new MutableClock(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
        ReaderCounts counts = new ReaderCounts(
                jdbcTemplate,
                transactions,
                new DailySalt(jdbc),
                CountryLookup.NONE,
                clock,
                ZoneOffset.UTC,
                new ReaderCounts.Limits(3, 5, 10_000),
                Duration.ofSeconds(5));
        Article article = content.published(
                content.section(),
                List.of(content.author()),
                List.of(),
                Instant.now().minus(Duration.ofDays(2)));
        Article never = content.draft(content.section(), List.of(content.author()), List.of());

        for (int i = 0; i < 40; i++) {
            String address = "203.0.113." + i;
            counts.count(new ReaderCounts.View(
                    ReaderPage.ARTICLE, article.getId(), "site" + i + ".example.com", address, AGENT, null));
            counts.count(new ReaderCounts.View(ReaderPage.ARTICLE, never.getId(), "", address, AGENT, null));
            counts.count(new ReaderCounts.View(ReaderPage.ARTICLE, 999_999_999L + i, null, address, AGENT, null));
        }
        counts.flush();

        assertThat(rows("analytics_article_days", day)).isEqualTo(1);
        assertThat(jdbc.sql("select views from analytics_article_days where day = :day and article_id = :id")
                        .param("day", day)
                        .param("id", article.getId())
                        .query(Long.class)
                        .single())
                .isEqualTo(40L);
        // three domains, and '(other)' for the rest; '(direct)' was among the first three in
        assertThat(rows("analytics_referrer_days", day)).isEqualTo(4);
        assertThat(jdbc.sql("select sum(views) from analytics_referrer_days where day = :day")
                        .param("day", day)
                        .query(Long.class)
                        .single())
                .isEqualTo(80L);
        assertThat(rows("analytics_day_visitors", day)).isEqualTo(5);
        assertThat(rows("analytics_device_days", day)).isEqualTo(1);
        assertThat(rows("analytics_day_salts", day)).isEqualTo(1);

        // No table holds an address or an agent, in any column
        for (String table : analyticsTables()) {
            assertThat(jdbc.sql("select count(*) from " + table + " t where t::text like '%203.0.113.%'"
                                    + " or t::text like '%Mozilla%'")
                            .query(Long.class)
                            .single())
                    .as(table)
                    .isZero();
        }

        // The next day: the hashes and the salt of the day before are gone; the aggregates stay
        clock.advance(Duration.ofDays(1));
        counts.flush();
        assertThat(rows("analytics_day_visitors", day)).isZero();
        assertThat(rows("analytics_day_salts", day)).isZero();
        assertThat(rows("analytics_day_budgets", day)).isZero();
        assertThat(rows("analytics_article_days", day)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from analytics_day_visitors where day < :today")
                        .param("today", day.plusDays(1))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyTheseTablesExistAndOnlyTheSameDayOnesHoldHashes() {
        assertThat(analyticsTables())
                .containsExactlyInAnyOrder(
                        "analytics_article_days",
                        "analytics_page_days",
                        "analytics_referrer_days",
                        "analytics_device_days",
                        "analytics_country_days",
                        "analytics_day_salts",
                        "analytics_day_visitors",
                        "analytics_day_budgets",
                        "analytics_keys");
        assertThat(jdbc.sql("select table_name from information_schema.columns where table_name like 'analytics%'"
                                + " and data_type = 'bytea'")
                        .query(String.class)
                        .list())
                // and the key that signs newsletter links, which is about no reader
                .containsExactlyInAnyOrder("analytics_day_salts", "analytics_day_visitors", "analytics_keys");
    }

    private List<String> analyticsTables() {
        return jdbc.sql("select table_name from information_schema.tables where table_name like 'analytics%'")
                .query(String.class)
                .list();
    }

    private long rows(String table, LocalDate day) {
        return jdbc.sql("select count(*) from " + table + " where day = :day")
                .param("day", day)
                .query(Long.class)
                .single();
    }
}
