package org.masthead.consistency;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.article.Article;
import org.masthead.consistency.DerivedData.Drift;
import org.masthead.section.Section;
import org.masthead.testing.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Each value the triggers keep, drifted on purpose behind the triggers' back: found, repaired, then clean. */
@IntegrationTest
class DerivedDataTests {

    @Autowired
    DerivedData derivedData;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationContext context;

    @Test
    void everyDriftIsFoundRepairedAndThenGone() {
        Section first = data.aSection().create();
        Section second = data.aSection().create();
        Article article = data.anArticle()
                .inSection(first)
                .by(data.anAuthor().create())
                .withTopics(TestData.unique("Topic"))
                .published();
        data.anArticle().inSection(second).by(data.anAuthor().create()).published();
        derivedData.repair(); // whatever earlier tests left, so that each count below is this test's own
        assertThat(derivedData.check()).allMatch(Drift::clean);

        long id = article.getId();
        behindTheTriggers(
                "update articles set search_document = ''::tsvector where id = " + id,
                "update article_authors set published = false where article_id = " + id,
                "update article_topics set published_at = published_at - interval '1 day' where article_id = " + id,
                "update section_public_counts set published = published + 5 where section_id = " + first.getId(),
                "delete from section_public_counts where section_id = " + second.getId(),
                // the foreign key is a trigger too: a count for a section that does not exist
                "insert into section_public_counts (section_id, published) values (-" + id + ", 3)",
                "update article_revisions r set published = false from articles a"
                        + " where a.id = r.article_id and r.number = a.revision and a.id = " + id);

        Map<String, Drift> found = byName(derivedData.check());
        assertThat(found.get("articles.search_head, search_document"))
                .extracting(Drift::wrong, Drift::missing, Drift::extra)
                .containsExactly(1L, 0L, 0L);
        assertThat(found.get("article_authors.published_at, changed_at, published"))
                .extracting(Drift::wrong)
                .isEqualTo(1L);
        assertThat(found.get("article_topics.published_at, changed_at, published"))
                .extracting(Drift::wrong)
                .isEqualTo(1L);
        assertThat(found.get("section_public_counts.published"))
                .extracting(Drift::wrong, Drift::missing, Drift::extra)
                .containsExactly(1L, 1L, 1L);
        assertThat(found.get("article_revisions.published"))
                .extracting(Drift::wrong)
                .isEqualTo(1L);
        assertThat(found.values()).noneMatch(Drift::clean).hasSize(DerivedValue.ALL.size());

        // the command reports the same and leaves the drift without --repair
        Console check = new Console();
        assertThat(CheckCommand.run(context, new String[] {"check"}, check.out)).isEqualTo(1);
        assertThat(check.text())
                .contains("section_public_counts.published")
                .containsPattern("section_public_counts\\.published\\s+1\\s+1\\s+1")
                .contains("5 of 5 derived values have drifted");
        assertThat(byName(derivedData.check()).values()).noneMatch(Drift::clean);

        Console repair = new Console();
        assertThat(CheckCommand.run(context, new String[] {"check", "--repair"}, repair.out))
                .isEqualTo(0);
        assertThat(repair.text()).contains("Repaired 5 of 5 derived values");
        assertThat(derivedData.check()).allMatch(Drift::clean);

        // repaired to what the triggers keep, not merely to something the check accepts
        assertThat(jdbc.sql("select published from section_public_counts where section_id = ?")
                        .param(second.getId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        String repaired = searchDocument(id);
        jdbc.sql("update articles set title = title where id = ?").param(id).update(); // the trigger rebuilds it
        assertThat(repaired).isNotEmpty().isEqualTo(searchDocument(id));

        Console clean = new Console();
        assertThat(CheckCommand.run(context, new String[] {"check"}, clean.out)).isEqualTo(0);
        assertThat(clean.text()).contains("Every derived value is in step with the articles.");
    }

    @Test
    void wrongArgumentsPrintTheUsage() {
        Console console = new Console();
        assertThat(CheckCommand.run(context, new String[] {"check", "--fix"}, console.out))
                .isEqualTo(2);
        assertThat(console.text()).contains(CheckCommand.USAGE).contains("--fix");
    }

    private String searchDocument(long id) {
        return jdbc.sql("select search_document::text from articles where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    /** Runs the statements with the triggers (foreign keys included) off, as a bulk load or a manual edit would. */
    private void behindTheTriggers(String... statements) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            for (String sql : statements) {
                assertThat(jdbc.sql(sql).update()).as(sql).isEqualTo(1);
            }
        });
    }

    private static Map<String, Drift> byName(List<Drift> drifts) {
        return drifts.stream().collect(Collectors.toMap(drift -> drift.value().name(), Function.identity()));
    }

    private static final class Console {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
