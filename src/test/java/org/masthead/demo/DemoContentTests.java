package org.masthead.demo;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo journal is loaded through the render-on-write pipeline, and only into an empty database. */
@IntegrationTest
class DemoContentTests {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DemoContent demo;

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    @Test
    void theDemoJournalHasWhatTheFoundationPromises() {
        assertThat(
                        count(
                                "select count(*) from sections where slug in ('security-affairs', 'economic-statecraft', 'global-governance')"))
                .isEqualTo(3);
        assertThat(count("select count(*) from authors where bio_html like '<p>%'"))
                .isGreaterThanOrEqualTo(4);
        assertThat(count("select count(*) from articles where status = 'PUBLISHED' and slug not like 'article-%'"))
                .isGreaterThanOrEqualTo(10);
        assertThat(count("""
                select count(*) from (select article_id from article_authors group by article_id having count(*) > 1) co""")).isGreaterThanOrEqualTo(5);
        assertThat(count("select count(*) from articles where body_html like '%<table>%'"))
                .isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from articles where body_html like '%id=\"fn-1\"%'"))
                .isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from article_notes where kind = 'CORRECTION'"))
                .isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from topics")).isGreaterThanOrEqualTo(8);
        assertThat(count("select count(*) from articles where status in ('DRAFT', 'IN_REVIEW')"))
                .isGreaterThanOrEqualTo(2);
        // Rendered on write: typographic quotes in the stored HTML, never a Markdown marker.
        assertThat(count("select count(*) from articles where body_html like '%’%'"))
                .isGreaterThanOrEqualTo(5);
        assertThat(count("select count(*) from articles where body_html like '%](http%' or body_html like '%## %'"))
                .isZero();
    }

    @Test
    void itIsNeverLoadedTwice() throws Exception {
        List<Integer> before = List.of(count("select count(*) from sections"), count("select count(*) from articles"));
        demo.run();
        assertThat(List.of(count("select count(*) from sections"), count("select count(*) from articles")))
                .isEqualTo(before);
    }
}
