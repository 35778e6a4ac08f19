package org.masthead.search;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The search's SQL, built without a database: parameters only, filters by id, nothing left unfilled. */
class SearchSqlTests {

    private static final Map<String, Object> SHARED = Map.of("q", "x'); drop table articles; --", "candidates", 100);

    @Test
    void theReadersWordsAndFiltersAreParametersNeverText() {
        SearchQuery query =
                new SearchQuery("ignored", "econ'omy", "an-author", "a-topic", LocalDate.of(2026, 1, 1), null);
        SearchSql sql = SearchSql.of(query, SHARED, ZoneId.of("Europe/London"));
        SearchSql.Statement narrow = sql.narrow(20_000);
        assertThat(narrow.sql())
                .doesNotContain("econ'omy", "drop table", "{")
                .contains(":section", ":author", ":topic", ":from", ":matchLimit")
                .doesNotContain(":to ");
        assertThat(narrow.params())
                .containsEntry("section", "econ'omy")
                .containsEntry("matchLimit", 20_000)
                .containsKeys("q", "from");
        assertThat(sql.candidates()).isEqualTo(100);
    }

    @Test
    void eachStatementGetsItsOwnParametersAndTheBuilderStaysAsItWas() {
        SearchSql sql = SearchSql.of(SearchQuery.of("word"), SHARED, ZoneId.of("UTC"));
        SearchSql.Statement broad = sql.broad(5_000, true);
        assertThat(broad.params()).containsEntry("window", 5_000).doesNotContainKey("matchLimit");
        assertThat(broad.sql()).contains("ts_match_vq(a.search_document").doesNotContain("{");
        assertThat(sql.broad(1_000, false).sql()).doesNotContain("where ts_match_vq(a.");
        assertThat(sql.narrow(10).params()).doesNotContainKey("window");
        assertThat(sql.estimateFiltered().sql()).startsWith("explain select 1").endsWith("where true");
    }

    @Test
    void fillReplacesEveryNamedPart() {
        assertThat(SearchSql.fill("a {x} b {y} {x}", Map.of("x", "1", "y", "2")))
                .isEqualTo("a 1 b 2 1");
    }
}
