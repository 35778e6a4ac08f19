package org.masthead.archive;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.HttpPage;
import org.masthead.IntegrationTest;
import org.masthead.StaffHttp;
import org.masthead.archive.ArchiveImport.Format;
import org.masthead.archive.ArchiveImport.Options;
import org.masthead.archive.source.ImportFileException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.masthead.archive.WordPressImportTests.resource;

/**
 * Exports as WordPress 6 and Ghost 5 write them ({@code src/test/resources/archive/real/}): a WXR whose namespace
 * is spelt with https, one in ISO-8859-1, a Ghost 5 export from SQLite (its dates as {@code 2024-03-05 09:30:00}, a
 * scheduled post, a members-only post, SEO texts in posts_meta); and what must be refused with nothing written: an
 * RSS feed, a Ghost 0.x export, another JSON, a file of the other format.
 */
@IntegrationTest
class RealExportsTests {

    @Autowired
    ArchiveImport imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageSource messages;

    @LocalServerPort
    int port;

    static final Options OPTIONS = new Options(null, null, Map.of());

    String column(String sql, Object... args) {
        return jdbc.queryForObject(sql, String.class, args);
    }

    Instant instant(String sql, Object... args) {
        return jdbc.queryForObject(sql, java.sql.Timestamp.class, args).toInstant();
    }

    String text(ImportReport report) {
        return report.summary((key, arguments) -> messages.getMessage(key, arguments, key, java.util.Locale.ENGLISH));
    }

    @Test
    void aWordPress6ExportWithTheHttpsNamespaceComesInWithItsDates() {
        Path wxr = resource("/archive/real/wordpress6.xml");
        ImportReport dry = imports.dryRun(wxr, Format.WORDPRESS, OPTIONS);
        assertThat(dry.writtenBy()).isEqualTo("WordPress 6.5.2, WXR 1.2");
        assertThat(dry.total()).isEqualTo(2);
        assertThat(dry.createdCount("articles")).isEqualTo(2);
        assertThat(dry.createdCount("sections") + dry.unchangedCount("sections"))
                .isEqualTo(1);
        assertThat(dry.createdCount("topics") + dry.unchangedCount("topics")).isEqualTo(1);
        assertThat(text(dry))
                .contains("written by: WordPress 6.5.2, WXR 1.2")
                .containsPattern("articles +created +2 +unchanged +0 +skipped +0")
                .doesNotContain("warning");

        ImportReport report = imports.run(wxr, Format.WORDPRESS, OPTIONS, ArchiveImport.Progress.NONE);
        assertThat(report.createdCount("articles")).isEqualTo(2);
        assertThat(column("select status from articles where slug = 'cranes-at-dawn'"))
                .isEqualTo("PUBLISHED");
        assertThat(instant("select published_at from articles where slug = 'cranes-at-dawn'"))
                .isEqualTo(Instant.parse("2024-03-05T09:30:00Z"));
        assertThat(column("select dek from articles where slug = 'cranes-at-dawn'"))
                .isEqualTo("Dawn on the container quay");
        assertThat(column("""
                        select s.name from sections s join articles a on a.section_id = s.id
                        where a.slug = 'cranes-at-dawn'""")).isEqualTo("Docks");
        assertThat(column("select status from articles where slug = 'night-shift'"))
                .isEqualTo("SCHEDULED");
        assertThat(instant("select scheduled_at from articles where slug = 'night-shift'"))
                .isEqualTo(Instant.parse("2032-01-01T06:00:00Z"));
        HttpResponse<String> old = HttpPage.get(port, "/2024/03/05/cranes-at-dawn/");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location").orElse("")).endsWith("/articles/cranes-at-dawn");
        assertThat(HttpPage.get(port, "/articles/night-shift").statusCode())
                .as("scheduled, not public")
                .isEqualTo(404);

        ImportReport again = imports.run(wxr, Format.WORDPRESS, OPTIONS, ArchiveImport.Progress.NONE);
        assertThat(again.createdCount("articles")).isZero();
        assertThat(again.unchangedCount("articles")).isEqualTo(2);
    }

    @Test
    void anExportInAnotherEncodingIsReadAsItsPrologSays(@TempDir Path dir) throws IOException {
        String wxr = Files.readString(resource("/archive/real/wordpress6.xml"))
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
                .replace("harbour.example", "latin1.example")
                .replace("Cranes at dawn", "Café crème on the quay")
                .replace("cranes-at-dawn", "cafe-creme")
                .replace("night-shift", "night-shift-latin");
        Path file = dir.resolve("latin1.xml");
        Files.write(file, wxr.getBytes(StandardCharsets.ISO_8859_1));

        imports.run(file, Format.WORDPRESS, OPTIONS, ArchiveImport.Progress.NONE);
        assertThat(column("select title from articles where slug = 'cafe-creme'"))
                .isEqualTo("Café crème on the quay");
    }

    @Test
    void aGhost5ExportFromSqliteKeepsItsDatesSchedulesAndMembersOnlyPosts() {
        Path json = resource("/archive/real/ghost5-sqlite.json");
        ImportReport dry = imports.dryRun(json, Format.GHOST, OPTIONS);
        assertThat(dry.writtenBy()).isEqualTo("Ghost 5.82.3");
        assertThat(dry.total()).isEqualTo(4);
        assertThat(text(dry)).contains("written by: Ghost 5.82.3");
        assertThat(dry.problems())
                .extracting(p -> p.item() + " " + p.messageKey())
                .contains("Members' pilotage notes import.problem.members-only")
                .noneMatch(p -> p.endsWith("import.problem.password"));

        imports.run(json, Format.GHOST, OPTIONS, ArchiveImport.Progress.NONE);
        assertThat(column("select status from articles where slug = 'tide-tables'"))
                .isEqualTo("PUBLISHED");
        assertThat(instant("select published_at from articles where slug = 'tide-tables'"))
                .isEqualTo(Instant.parse("2024-03-05T09:30:00Z"));
        assertThat(column("select seo_title from articles where slug = 'tide-tables'"))
                .isEqualTo("Tide tables for the estuary");
        assertThat(column("select seo_description from articles where slug = 'tide-tables'"))
                .isEqualTo("When high water comes in spring");
        assertThat(column("select body_md from articles where slug = 'tide-tables'"))
                .contains("High water at six.");

        assertThat(column("select status from articles where slug = 'spring-equinox'"))
                .isEqualTo("SCHEDULED");
        assertThat(instant("select scheduled_at from articles where slug = 'spring-equinox'"))
                .isEqualTo(Instant.parse("2031-03-20T07:15:00Z"));
        assertThat(HttpPage.get(port, "/articles/spring-equinox").statusCode()).isEqualTo(404);

        assertThat(column("select status from articles where slug = 'pilotage-notes'"))
                .isEqualTo("DRAFT");
        assertThat(HttpPage.get(port, "/articles/pilotage-notes").statusCode()).isEqualTo(404);
        assertThat(column("select body_md from articles where slug = 'lexical-body-only'"))
                .as("the Lexical document where html is empty")
                .contains("Rendered from Lexical.");
    }

    @Test
    void whatIsNoExportIsRefusedWithNothingWritten(@TempDir Path dir) throws IOException {
        long articles = jdbc.queryForObject("select count(*) from articles", Long.class);
        long sources = jdbc.queryForObject("select count(*) from import_sources", Long.class);

        assertRefused(resource("/archive/real/rss2.xml"), Format.WORDPRESS, "import.file.not-an-export")
                .contains("This is not a WordPress or Ghost export: it is an RSS feed.");
        assertRefused(resource("/archive/real/ghost0.json"), Format.GHOST, "import.file.ghost-too-old")
                .contains("Ghost 004");
        Path otherJson = dir.resolve("other.json");
        Files.writeString(otherJson, "{\"posts\": [{\"title\": \"x\"}]}");
        assertRefused(otherJson, Format.GHOST, "import.file.not-an-export").contains("another kind of JSON");
        assertRefused(resource("/archive/real/ghost5-sqlite.json"), Format.WORDPRESS, "import.file.wrong-format")
                .contains("choose Ghost");
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "just some notes");
        assertRefused(text, Format.WORDPRESS, "import.file.not-an-export");

        assertThat(jdbc.queryForObject("select count(*) from articles", Long.class))
                .isEqualTo(articles);
        assertThat(jdbc.queryForObject("select count(*) from import_sources", Long.class))
                .isEqualTo(sources);
    }

    @Test
    void anExportWithNoPostsIsAWarningNotASuccess(@TempDir Path dir) throws IOException {
        String wxr = Files.readString(resource("/archive/real/wordpress6.xml"));
        String empty = wxr.substring(0, wxr.indexOf("<item>")).replace("harbour.example", "empty.example")
                + "</channel>\n</rss>\n";
        Path file = dir.resolve("empty.xml");
        Files.writeString(file, empty);
        ImportReport dry = imports.dryRun(file, Format.WORDPRESS, OPTIONS);
        assertThat(dry.isEmpty()).isTrue();
        assertThat(text(dry)).contains("warning: the file holds no posts or pages");

        // the admin's page says so too, never "succeeded"
        StaffHttp admin = StaffHttp.demo(port, "admin");
        HttpResponse<String> checked =
                ImportAdminTests.upload(admin, Files.readAllBytes(file), "name=empty.xml&format=wordpress");
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        String location = checked.body().replaceAll(".*\"location\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(admin.get(location).body())
                .contains("data-state=\"CHECKED\"")
                .contains("Nothing to import")
                .contains("The file holds no posts or pages")
                .doesNotContain("succeeded");
    }

    @Test
    void whatExceedsTheEditorsLimitsIsCutOrRefusedAndReported(@TempDir Path dir) throws IOException {
        String longTitle = "A very long headline ".repeat(20);
        String wxr = Files.readString(resource("/archive/real/wordpress6.xml"))
                .replace("harbour.example", "limits.example")
                .replace("cranes-at-dawn", "long-title")
                .replace("Cranes at dawn", longTitle)
                .replace("night-shift", "huge-body")
                .replace("Scheduled for later.", "x".repeat(250_000));
        Path file = dir.resolve("limits.xml");
        Files.writeString(file, wxr);

        ImportReport report = imports.run(file, Format.WORDPRESS, OPTIONS, ArchiveImport.Progress.NONE);
        assertThat(report.createdCount("articles")).isEqualTo(1);
        assertThat(report.skippedCount("articles")).isEqualTo(1);
        assertThat(report.problems())
                .extracting(ImportReport.Problem::messageKey)
                .contains("import.problem.cut", "import.problem.body-too-long");
        assertThat(column("select title from articles where slug = 'long-title'"))
                .hasSizeLessThanOrEqualTo(org.masthead.article.ArticleLimits.TITLE)
                .startsWith("A very long headline");
        assertThat(jdbc.queryForObject("select count(*) from articles where slug = 'huge-body'", Long.class))
                .isZero();
    }

    @Test
    void theFormReadsUploadsFoldersUnderItsRootOnly(@TempDir Path dir) {
        StaffHttp admin = StaffHttp.demo(port, "admin");
        HttpResponse<String> refused = ImportAdminTests.upload(
                admin,
                "<rss/>".getBytes(StandardCharsets.UTF_8),
                "format=wordpress&uploadsFolder=" + StaffHttp.encode(dir.toString()));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("is not under the import folder this server allows");
    }

    private org.assertj.core.api.AbstractStringAssert<?> assertRefused(Path file, Format format, String key) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> imports.dryRun(file, format, OPTIONS));
        assertThat(thrown).isInstanceOf(ImportFileException.class);
        ImportFileException refused = (ImportFileException) thrown;
        assertThat(refused.getMessageKey()).isEqualTo(key);
        assertThatThrownBy(() -> imports.run(file, format, OPTIONS, ArchiveImport.Progress.NONE))
                .isInstanceOf(ImportFileException.class);
        return assertThat(messages.getMessage(key, refused.getArguments(), java.util.Locale.ENGLISH));
    }
}
