package org.masthead.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.IntegrationTest;
import org.masthead.archive.ArchiveImport.Format;
import org.masthead.archive.ArchiveImport.Options;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posts are written several to a transaction; one that the database refuses rolls back the others of its
 * transaction, which are then written one by one: they are imported, it alone is reported and skipped, and nothing
 * the rolled back transaction made (its author) is left twice or missing.
 */
@IntegrationTest
class ImportBatchTests {

    @Autowired
    ArchiveImport imports;

    @Autowired
    JdbcTemplate jdbc;

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    static String post(String id, String title, String slug) {
        return """
                {"id": "%s", "uuid": "%s", "title": "%s", "slug": "%s", "html": "<p>Text of %s.</p>",
                 "status": "published", "visibility": "public", "published_at": "2024-05-20T08:00:00.000Z",
                 "type": "post"}""".formatted(id, id, title, slug, slug);
    }

    static String byline(String id) {
        return """
                {"id": "pa-%s", "post_id": "%s", "author_id": "batch-writer", "sort_order": 0}""".formatted(id, id);
    }

    @Test
    void aPostTheDatabaseRefusesIsSkippedAndTheOthersOfItsTransactionAreImported(@TempDir Path dir) throws IOException {
        String json = """
                {"db": [{"meta": {"exported_on": 1717000000000, "version": "5.80.0"}, "data": {
                  "posts": [%s, %s, %s],
                  "users": [{"id": "batch-writer", "name": "Batch Writer", "slug": "batch-writer",
                             "email": "batch-writer@example.org"}],
                  "posts_authors": [%s, %s, %s]}}]}""".formatted(
                        post("batch-1", "Batch one", "batch-one"),
                        // PostgreSQL refuses a NUL character in text: the insert fails inside the transaction
                        post("batch-2", "Broken\\u0000title", "batch-two"),
                        post("batch-3", "Batch three", "batch-three"),
                        byline("batch-1"),
                        byline("batch-2"),
                        byline("batch-3"));
        Path file = Files.writeString(dir.resolve("batch.json"), json, StandardCharsets.UTF_8);
        Options options = new Options(null, null, Map.of());

        ImportReport report = imports.run(file, Format.GHOST, options, ArchiveImport.Progress.NONE);

        assertThat(report.createdCount("articles")).isEqualTo(2);
        assertThat(report.skippedCount("articles")).isEqualTo(1);
        assertThat(report.createdCount("authors")).isEqualTo(1);
        // the refused post's own lines are only its failure: what its rolled back attempt noted is forgotten
        assertThat(report.problems())
                .extracting(p -> p.item().substring(0, 5) + " " + p.messageKey())
                .containsExactly(
                        "Batch import.problem.no-section",
                        "Broke import.problem.failed",
                        "Batch import.problem.no-section");
        assertThat(count("select count(*) from articles where slug in ('batch-one', 'batch-three')"))
                .isEqualTo(2);
        assertThat(count("select count(*) from articles where slug = 'batch-two'"))
                .isZero();
        assertThat(count("select count(*) from authors where name = 'Batch Writer'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from article_authors aa join authors au on au.id = aa.author_id"
                        + " join articles a on a.id = aa.article_id"
                        + " where au.name = 'Batch Writer' and a.slug in ('batch-one', 'batch-three')"))
                .isEqualTo(2);

        // the refused post is tried again by a later run; the others are known
        ImportReport again = imports.run(file, Format.GHOST, options, ArchiveImport.Progress.NONE);
        assertThat(again.unchangedCount("articles")).isEqualTo(2);
        assertThat(again.createdCount("articles")).isZero();
        assertThat(again.skippedCount("articles")).isEqualTo(1);
    }
}
