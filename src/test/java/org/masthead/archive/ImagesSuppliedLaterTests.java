package org.masthead.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.IntegrationTest;
import org.masthead.archive.ArchiveImport.Format;
import org.masthead.archive.ArchiveImport.Options;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WordPress site's images are often handed over after its export: the first import reports them missing and
 * links to their old addresses; a re-import with {@code --update} once the uploads folder holds them stores them and
 * puts them into the articles, as the first import would have, without the source having changed.
 */
@IntegrationTest
class ImagesSuppliedLaterTests {

    @Autowired
    ArchiveImport imports;

    @Autowired
    JdbcTemplate jdbc;

    String column(String sql) {
        return jdbc.queryForObject(sql, String.class);
    }

    long images() {
        return jdbc.queryForObject("select count(*) from images", Long.class);
    }

    @Test
    void aReImportWithUpdateBringsInTheImagesSuppliedSince(@TempDir Path dir) throws IOException {
        String wxr = Files.readString(WordPressImportTests.resource("/archive/wordpress.xml"), StandardCharsets.UTF_8)
                // its own site and slugs: the build's other tests import the same file into the same database
                .replace("old.example.org", "later.example.org/later")
                .replace("<wp:post_name><![CDATA[", "<wp:post_name><![CDATA[later-");
        Path file = Files.writeString(dir.resolve("later.xml"), wxr, StandardCharsets.UTF_8);
        Path uploads = Files.createDirectories(dir.resolve("uploads"));
        Options options = new Options(uploads, null, Map.of());
        Options update = new Options(uploads, null, Map.of(), true);

        ImportReport first = imports.run(file, Format.WORDPRESS, options, ArchiveImport.Progress.NONE);
        assertThat(first.createdCount("articles")).isPositive();
        assertThat(first.createdCount("images")).isZero();
        assertThat(first.problems())
                .extracting(p -> p.item() + " " + p.messageKey())
                .contains("Harbour security after the storm import.problem.image-missing");
        String article = "from articles where slug = 'later-harbour-security'";
        assertThat(column("select body_md " + article))
                .contains("(https://later.example.org/later/wp-content/uploads/2024/05/harbour-300x200.jpg)")
                .doesNotContain("/media/");
        assertThat(column("select cast(featured_image_id as text) " + article)).isNull();
        String revision = column("select cast(revision as text) " + article);

        // nothing supplied yet: --update finds nothing to do
        assertThat(imports.run(file, Format.WORDPRESS, update, ArchiveImport.Progress.NONE)
                        .updatedCount("articles"))
                .isZero();

        copy(WordPressImportTests.resource("/archive/uploads"), uploads);
        long before = images();

        // without --update an import leaves what it imported as it is
        ImportReport plain = imports.run(file, Format.WORDPRESS, options, ArchiveImport.Progress.NONE);
        assertThat(plain.updatedCount("articles")).isZero();
        assertThat(plain.createdCount("images")).isZero();
        assertThat(images()).isEqualTo(before);

        // the two posts that show images of the uploads folder: the harbour (and its gallery), the border's bridge
        ImportReport dry = imports.dryRun(file, Format.WORDPRESS, update);
        assertThat(dry.updatedCount("articles")).isEqualTo(2);
        assertThat(images()).as("a dry run stores nothing").isEqualTo(before);

        ImportReport updated = imports.run(file, Format.WORDPRESS, update, ArchiveImport.Progress.NONE);
        assertThat(updated.updatedCount("articles")).isEqualTo(2);
        long stored = images() - before;
        assertThat(stored).isPositive().isEqualTo(updated.createdCount("images"));
        assertThat(column("select body_md from articles where slug like 'later-%grenzen'"))
                .contains("](/media/");
        String body = column("select body_md " + article);
        assertThat(body).contains("](/media/").doesNotContain("harbour-300x200.jpg)");
        // the image never supplied is still reported, and still links to where it was
        assertThat(body).contains("(https://later.example.org/later/wp-content/uploads/2023/01/gone.jpg)");
        assertThat(column("select cast(featured_image_id as text) " + article)).isNotNull();
        assertThat(column("select cast(revision as text) " + article)).isNotEqualTo(revision);
        assertThat(column("select status " + article)).isEqualTo("PUBLISHED");

        // once brought in, nothing more to do
        ImportReport again = imports.run(file, Format.WORDPRESS, update, ArchiveImport.Progress.NONE);
        assertThat(again.updatedCount("articles")).isZero();
        assertThat(again.createdCount("images")).isZero();
        assertThat(images()).isEqualTo(before + stored);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
