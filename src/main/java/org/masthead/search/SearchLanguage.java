package org.masthead.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the database's text-search language in line with {@code masthead.search.language} on start: the
 * triggers that build the search documents read it from {@code search_settings}; when it changed, every
 * document is rebuilt at once (before the demo content loads).
 */
@Component
class SearchLanguage implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SearchLanguage.class);

    private final JdbcClient jdbc;
    private final SearchProperties properties;
    private final TransactionTemplate transaction;

    SearchLanguage(JdbcClient jdbc, SearchProperties properties, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.transaction = transaction;
    }

    /** Runs once every bean is ready and before the web server takes requests, so no reader sees the site half-ready. */
    @Override
    public void afterSingletonsInstantiated() {
        run();
    }

    void run() {
        String wanted = canonical(properties.language());
        transaction.executeWithoutResult(status -> {
            String stored = jdbc.sql("select language::text from search_settings where id = 1 for update")
                    .query(String.class)
                    .single();
            if (!stored.equals(wanted)) {
                jdbc.sql("update search_settings set language = cast(:language as regconfig) where id = 1")
                        .param("language", wanted)
                        .update();
                // Native SQL on the article feature's table: every article's search document is rebuilt.
                jdbc.sql("select refresh_article_search(array(select id from articles))")
                        .query()
                        .singleRow();
                log.info(
                        "Search language changed from {} to {}: every article's search document was rebuilt",
                        stored,
                        wanted);
            }
        });
    }

    /** The configuration's name as PostgreSQL spells it; an unknown one stops the start with a clear message. */
    private String canonical(String language) {
        try {
            return jdbc.sql("select cast(:language as regconfig)::text")
                    .param("language", language)
                    .query(String.class)
                    .single();
        } catch (DataAccessException ex) {
            throw new IllegalStateException(
                    "masthead.search.language=" + language + " is not a PostgreSQL text-search "
                            + "configuration (see: select cfgname from pg_ts_config)",
                    ex);
        }
    }
}
