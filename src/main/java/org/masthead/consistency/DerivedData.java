package org.masthead.consistency;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consistency check: every value the triggers keep ({@link DerivedValue#ALL}) recomputed from the articles and
 * compared with what is stored, and on request brought back in step.
 */
@Service
public class DerivedData {

    /** What a repair locks: the tables the triggers read and write, against writers only (readers go on). */
    private static final String LOCK =
            "lock table articles, article_authors, article_topics, article_revisions, section_public_counts,"
                    + " sections, authors, topics in share row exclusive mode";

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate writing;

    DerivedData(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.writing = new TransactionTemplate(transactions);
    }

    /** How far one kept value has drifted from the articles: rows wrong, rows missing, rows that should not be. */
    public record Drift(DerivedValue value, long wrong, long missing, long extra) {

        public boolean clean() {
            return wrong == 0 && missing == 0 && extra == 0;
        }
    }

    /** Every kept value's drift, all read from one snapshot; nothing is written. */
    public List<Drift> check() {
        return readOnly.execute(status -> measure());
    }

    /**
     * Brings every kept value back in step, in one transaction that holds off writers meanwhile; answers the drift
     * found before the repair.
     */
    public List<Drift> repair() {
        return writing.execute(status -> {
            jdbc.sql(LOCK).update();
            List<Drift> found = measure();
            for (Drift drift : found) {
                if (!drift.clean()) {
                    drift.value().repair().forEach(sql -> jdbc.sql(sql).update());
                }
            }
            return found;
        });
    }

    private List<Drift> measure() {
        return DerivedValue.ALL.stream()
                .map(value -> jdbc.sql(value.drift())
                        .query((row, n) -> new Drift(value, row.getLong(1), row.getLong(2), row.getLong(3)))
                        .single())
                .toList();
    }
}
