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

/** An import stopped part way (a background job's slice, a crash) completes when run again, and only then. */
@IntegrationTest
class ImportResumeTests {

    @Autowired
    ArchiveImport imports;

    @Autowired
    JdbcTemplate jdbc;

    long imported() {
        return jdbc.queryForObject(
                "select count(*) from import_sources where source = 'wordpress:https://resume.example.org/resume'"
                        + " and kind = 'post'",
                Long.class);
    }

    @Test
    void aPausedImportGoesOnWhereItStopped(@TempDir Path dir) throws IOException {
        String wxr = Files.readString(WordPressImportTests.resource("/archive/wordpress.xml"), StandardCharsets.UTF_8)
                // its own site, old addresses and slugs: the build's other tests import the same file into the same
                // database, and an old address already taken keeps its first target
                .replace("old.example.org", "resume.example.org/resume")
                .replace("<wp:post_name><![CDATA[", "<wp:post_name><![CDATA[resume-");
        Path file = Files.writeString(dir.resolve("resume.xml"), wxr, StandardCharsets.UTF_8);
        Options options = new Options(null, null, Map.of());

        ImportReport first = imports.run(file, Format.WORDPRESS, options, new ArchiveImport.Progress() {
            int seen;

            @Override
            public boolean pause() {
                return seen++ >= 3;
            }
        });
        assertThat(first.isPaused()).isTrue();
        assertThat(imported()).isEqualTo(3);

        ImportReport second = imports.run(file, Format.WORDPRESS, options, ArchiveImport.Progress.NONE);
        assertThat(second.isPaused()).isFalse();
        assertThat(second.unchangedCount("articles")).isEqualTo(3);
        assertThat(second.createdCount("articles")).isEqualTo(5);
        assertThat(imported()).isEqualTo(8);

        long articles = jdbc.queryForObject("select count(*) from articles", Long.class);
        imports.run(file, Format.WORDPRESS, options, ArchiveImport.Progress.NONE);
        assertThat(jdbc.queryForObject("select count(*) from articles", Long.class))
                .isEqualTo(articles);
    }
}
