package org.masthead.archive;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.HttpPage;
import org.masthead.IntegrationTest;
import org.masthead.archive.ArchiveImport.Format;
import org.masthead.archive.ArchiveImport.Options;
import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleService;
import org.masthead.author.Author;
import org.masthead.security.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.archive.WordPressImportTests.resource;

/**
 * A journal migrated from WordPress moves again: its export carries the old site's addresses and what each import
 * made of each source item, so the journal restored from it (an empty one, in a database of its own) still answers
 * every old address with a 301, a second import of the WordPress file changes nothing, and {@code --update} brings
 * in an edit made at the source but leaves alone an article edited here since its import.
 */
@IntegrationTest
class ExportKeepsImportsTests {

    static final Options OPTIONS = new Options(null, null, Map.of());

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMigratedJournalMovesAgainWithEveryOldLinkAndImportRecord(@TempDir Path dir) throws Exception {
        Path wxr = resource("/archive/real/wordpress6.xml");
        Path zip = dir.resolve("journal.zip");
        try (ConfigurableApplicationContext first = journal("moved_first")) {
            ImportReport imported =
                    first.getBean(ArchiveImport.class).run(wxr, Format.WORDPRESS, OPTIONS, ArchiveImport.Progress.NONE);
            assertThat(imported.createdCount("articles")).isEqualTo(2);
            try (OutputStream out = Files.newOutputStream(zip)) {
                first.getBean(JournalExport.class).writeTo(Actor.importing("test"), out);
            }
        }

        try (ConfigurableApplicationContext second = journal("moved_second")) {
            ArchiveImport imports = second.getBean(ArchiveImport.class);
            ImportReport restored = imports.run(zip, Format.MASTHEAD, OPTIONS, ArchiveImport.Progress.NONE);
            assertThat(restored.createdCount("articles")).isEqualTo(2);
            assertThat(restored.createdCount("redirects")).isPositive();

            int port = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            for (String old :
                    new String[] {"/2024/03/05/cranes-at-dawn/", "/?p=41", "/category/docks/", "/tag/tides/"}) {
                HttpResponse<String> response = HttpPage.get(port, old);
                assertThat(response.statusCode()).as(old).isEqualTo(301);
            }
            assertThat(HttpPage.get(port, "/2024/03/05/cranes-at-dawn/")
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .endsWith("/articles/cranes-at-dawn");

            // the WordPress file again: every item is known, nothing is duplicated
            ImportReport again = imports.run(wxr, Format.WORDPRESS, OPTIONS, ArchiveImport.Progress.NONE);
            assertThat(again.createdCount("articles")).isZero();
            assertThat(again.unchangedCount("articles")).isEqualTo(2);
            assertThat(again.createdCount("sections")).isZero();
            assertThat(again.createdCount("topics")).isZero();
            JdbcTemplate db = second.getBean(JdbcTemplate.class);
            assertThat(db.queryForObject("select count(*) from articles", Long.class))
                    .isEqualTo(2);

            // an editor changes one article here; the source changes both
            ArticleService articles = second.getBean(ArticleService.class);
            long nightShift = db.queryForObject("select id from articles where slug = 'night-shift'", Long.class);
            Article article = articles.forEditing(nightShift, JournalImport.COMMAND_LINE);
            articles.update(
                    nightShift,
                    article.getRevision(),
                    new ArticleChanges(
                            null,
                            new ArticleContent(
                                    "Night shift, edited here", article.getDek(), "Our own text.", null, null),
                            article.getSection().getId(),
                            article.getAuthors().stream().map(Author::getId).toList(),
                            java.util.List.of()),
                    JournalImport.COMMAND_LINE);
            Path edited = dir.resolve("edited.xml");
            Files.writeString(
                    edited,
                    Files.readString(wxr)
                            .replace("Cranes at dawn", "Cranes at dawn, revised")
                            .replace("The first crane moves", "The first crane always moves")
                            .replace("Scheduled for later.", "Scheduled for later, revised at the source.")
                            .replace("2024-03-06 07:00:00", "2024-06-02 07:00:00")
                            .replace("2024-05-01 11:00:00", "2024-06-02 07:00:00"));

            ImportReport withoutUpdate = imports.run(edited, Format.WORDPRESS, OPTIONS, ArchiveImport.Progress.NONE);
            assertThat(withoutUpdate.unchangedCount("articles")).isEqualTo(2);
            assertThat(db.queryForObject("select title from articles where slug = 'cranes-at-dawn'", String.class))
                    .isEqualTo("Cranes at dawn");

            Options update = new Options(null, null, Map.of(), true);
            ImportReport dry = imports.dryRun(edited, Format.WORDPRESS, update);
            assertThat(dry.updatedCount("articles")).isEqualTo(1);
            assertThat(db.queryForObject("select title from articles where slug = 'cranes-at-dawn'", String.class))
                    .as("a dry run writes nothing")
                    .isEqualTo("Cranes at dawn");

            ImportReport updated = imports.run(edited, Format.WORDPRESS, update, ArchiveImport.Progress.NONE);
            assertThat(updated.updatedCount("articles")).isEqualTo(1);
            assertThat(updated.problems())
                    .extracting(p -> p.item() + " " + p.messageKey())
                    .containsExactly("Night shift import.problem.changed-on-both-sides");
            assertThat(db.queryForObject("select title from articles where slug = 'cranes-at-dawn'", String.class))
                    .isEqualTo("Cranes at dawn, revised");
            assertThat(db.queryForObject("select body_md from articles where slug = 'cranes-at-dawn'", String.class))
                    .contains("The first crane always moves");
            assertThat(db.queryForObject("select status from articles where slug = 'cranes-at-dawn'", String.class))
                    .isEqualTo("PUBLISHED");
            assertThat(db.queryForObject("select title from articles where slug = 'night-shift'", String.class))
                    .isEqualTo("Night shift, edited here");
            assertThat(db.queryForObject("select body_md from articles where slug = 'night-shift'", String.class))
                    .isEqualTo("Our own text.");

            // once brought in, the same source edit is not brought in again
            ImportReport once = imports.run(edited, Format.WORDPRESS, update, ArchiveImport.Progress.NONE);
            assertThat(once.updatedCount("articles")).isZero();
        }
    }

    private ConfigurableApplicationContext journal(String prefix) {
        return FreshJournals.start(environment, jdbc, prefix, false);
    }
}
