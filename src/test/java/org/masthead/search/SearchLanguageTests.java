package org.masthead.search;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.article.Article;
import org.masthead.article.ArticleService;
import org.masthead.testing.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Changing masthead.search.language rebuilds every document with the new configuration on start. */
@IntegrationTest
class SearchLanguageTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ArticleService articles;

    private void start(String language) {
        new SearchLanguage(jdbc, new SearchProperties(language, 200, 10), transaction).run();
    }

    private boolean matches(Article article, String config, String word) {
        return jdbc.sql(
                        "select search_document @@ to_tsquery(cast(:config as regconfig), :word) from articles where id = :id")
                .param("config", config)
                .param("word", word)
                .param("id", article.getId())
                .query(Boolean.class)
                .single();
    }

    @Test
    void aNewLanguageRebuildsTheDocuments() {
        Article article = fixtures.published(
                fixtures.section("Language Desk"),
                List.of(fixtures.author("Lena Lang")),
                "Negotiating treaties",
                "The negotiators were negotiating.",
                Duration.ofDays(1));
        assertThat(matches(article, "english", "negotiate")).isTrue();
        try {
            start("simple");
            assertThat(jdbc.sql("select language::text from search_settings")
                            .query(String.class)
                            .single())
                    .isEqualTo("simple");
            assertThat(matches(article, "simple", "negotiating")).isTrue();
            assertThat(matches(article, "simple", "negoti")).isFalse();
        } finally {
            start("english");
        }
        assertThat(matches(article, "english", "negotiate")).isTrue();
        assertThatThrownBy(() -> start("klingon"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("masthead.search.language=klingon");
    }
}
