package org.masthead.archive;

import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.masthead.HttpPage;
import org.masthead.IntegrationTest;
import org.masthead.archive.ArchiveImport.Format;
import org.masthead.archive.ArchiveImport.Options;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class WordPressImportTests {

    static final List<String> TABLES = List.of(
            "articles",
            "article_authors",
            "article_topics",
            "article_revisions",
            "authors",
            "sections",
            "topics",
            "images",
            "import_sources",
            "legacy_paths",
            "slug_redirects");

    @Autowired
    ArchiveImport imports;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    static Path resource(String name) {
        try {
            return Path.of(WordPressImportTests.class.getResource(name).toURI());
        } catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    Options options() {
        return new Options(resource("/archive/uploads"), null, Map.of());
    }

    /** The slug of the author of this name on the imported "harbour-security" (other tests import authors too). */
    String bylineSlug(String name) {
        return column("""
                select au.slug from article_authors aa join authors au on au.id = aa.author_id
                join articles a on a.id = aa.article_id where a.slug = 'harbour-security' and au.name = ?""", name);
    }

    String column(String sql, Object... args) {
        return jdbc.queryForObject(sql, String.class, args);
    }

    @Test
    void aWordPressArchiveComesInWithItsImagesStatusesAndOldLinks() {
        Path wxr = resource("/archive/wordpress.xml");
        Map<String, Long> before = counts();

        ImportReport dry = imports.dryRun(wxr, Format.WORDPRESS, options());
        assertThat(counts()).as("a dry run writes nothing").isEqualTo(before);
        boolean firstTime = jdbc.queryForObject(
                        "select count(*) from import_sources where source = 'wordpress:https://old.example.org'",
                        Long.class)
                == 0;
        if (firstTime) {
            assertThat(dry.createdCount("articles")).isEqualTo(8);
            assertThat(dry.createdCount("images")).isEqualTo(3);
        }
        assertThat(dry.skippedCount("pages")).isEqualTo(1);
        assertThat(dry.problems())
                .extracting(ImportReport.Problem::messageKey)
                .contains(
                        "import.problem.page-skipped",
                        "import.problem.private",
                        "import.problem.password",
                        "import.problem.unknown-block",
                        "import.problem.unknown-shortcode",
                        "import.problem.image-missing");

        ImportReport report = imports.run(wxr, Format.WORDPRESS, options(), ArchiveImport.Progress.NONE);
        assertThat(report.problems())
                .extracting(p -> p.item() + " " + p.messageKey() + " " + p.arguments())
                .contains(
                        "Private notes import.problem.private []",
                        "Members only briefing import.problem.password []",
                        "Über die Grenzen: Energie im Norden import.problem.unknown-block [acme/poll]",
                        "Harbour security after the storm import.problem.unknown-shortcode [contact-form-7]",
                        "Harbour security after the storm import.problem.image-missing"
                                + " [https://old.example.org/wp-content/uploads/2023/01/gone.jpg]",
                        "About us import.problem.page-skipped []")
                .noneMatch(p -> p.contains("import.problem.failed"));

        // statuses, dates, authors in byline order, sections from categories, topics from tags
        assertThat(column("select status from articles where slug = 'harbour-security'"))
                .isEqualTo("PUBLISHED");
        assertThat(jdbc.queryForObject(
                                "select published_at from articles where slug = 'harbour-security'",
                                java.sql.Timestamp.class)
                        .toInstant())
                .isEqualTo(Instant.parse("2024-05-02T10:30:00Z"));
        assertThat(column("select dek from articles where slug = 'harbour-security'"))
                .isEqualTo("What the storm taught the port.");
        assertThat(jdbc.queryForList("""
                        select au.name from article_authors aa join authors au on au.id = aa.author_id
                        join articles a on a.id = aa.article_id where a.slug = 'harbour-security'
                        order by aa.position""", String.class)).containsExactly("Alice Archer", "Bob Brennan", "carol");
        assertThat(column("""
                        select au.bio_md from article_authors aa join authors au on au.id = aa.author_id
                        join articles a on a.id = aa.article_id
                        where a.slug = 'harbour-security' and au.name = 'Alice Archer'""")).isEqualTo("Alice writes on maritime security.");
        assertThat(column("select s.slug from articles a join sections s on s.id = a.section_id"
                        + " where a.slug = 'harbour-security'"))
                .isEqualTo("europe");
        assertThat(jdbc.queryForList("""
                        select t.name from article_topics at join topics t on t.id = at.topic_id
                        join articles a on a.id = at.article_id where a.slug = 'uber-die-grenzen'
                        order by t.name""", String.class)).containsExactly("Energy", "Übersee");
        assertThat(column("select status from articles where slug = 'ports-report'"))
                .isEqualTo("SCHEDULED");
        assertThat(column("select status from articles where slug = 'draft-on-fisheries'"))
                .isEqualTo("DRAFT");
        assertThat(column("select status from articles where slug = 'awaiting-review'"))
                .isEqualTo("IN_REVIEW");
        assertThat(column("select status from articles where slug = 'private-notes'"))
                .isEqualTo("DRAFT");
        assertThat(column("select status from articles where slug = 'members-briefing'"))
                .isEqualTo("DRAFT");
        assertThat(column("select status from articles where slug = 'post-18'")).isEqualTo("PUBLISHED");
        assertThat(column("select title from articles where slug = 'post-18'")).isEqualTo("Энергия и безопасность");

        // classic content: paragraphs, a captioned image, a list, a quote, a gallery; block content: a figure, a table
        String classic = column("select body_md from articles where slug = 'harbour-security'");
        assertThat(classic)
                .contains("The storm closed the port for **three days**.")
                .containsPattern(
                        "!\\[Boats in a grey harbour]\\(/media/\\d+/[^ )]+ \"The harbour, the morning after\"\\)")
                .contains("- Patrols doubled")
                .contains("> We were not ready.")
                .containsPattern("!\\[The fish market]\\(/media/\\d+/[^ )]+ \"The fish market\"\\)")
                .contains("contact-form-7 id=\"5\" title=\"Contact\"")
                .contains("[Gone](https://old.example.org/wp-content/uploads/2023/01/gone.jpg)")
                .doesNotContain("wp-content/uploads/2024");
        assertThat(column("select coalesce(featured_image_id::text, '') from articles where slug = 'harbour-security'"))
                .isNotEmpty();
        String blocks = column("select body_md from articles where slug = 'uber-die-grenzen'");
        assertThat(blocks)
                .contains("## The routes")
                .containsPattern("!\\[A steel bridge]\\(/media/\\d+/[^ )]+ \"The bridge at the border\"\\)")
                .containsPattern("!\\[Fish market]\\(/media/\\d+/")
                .contains("| Route |")
                .contains("Which route matters most?")
                .doesNotContain("wp:");
        assertThat(column("select body_html from articles where slug = 'harbour-security'"))
                .contains("<figcaption")
                .contains("The harbour, the morning after");

        // every public page of the result renders; drafts, private and password posts stay unseen
        for (String path : List.of(
                "/articles/harbour-security",
                "/articles/uber-die-grenzen",
                "/articles/post-18",
                "/sections/europe",
                "/sections/analysis",
                "/topics/nato",
                "/topics/ubersee",
                "/authors/" + bylineSlug("Alice Archer"),
                "/authors/" + bylineSlug("carol"))) {
            assertThat(HttpPage.get(port, path).statusCode()).as(path).isEqualTo(200);
        }
        for (String path : List.of(
                "/articles/private-notes",
                "/articles/members-briefing",
                "/articles/ports-report",
                "/articles/draft-on-fisheries")) {
            assertThat(HttpPage.get(port, path).statusCode()).as(path).isEqualTo(404);
        }

        // old links answer 301 to the new pages
        Map<String, String> moved = new LinkedHashMap<>();
        moved.put("/2024/05/harbour-security/", "/articles/harbour-security");
        moved.put("/2024/05/harbour-security", "/articles/harbour-security");
        moved.put("/?p=10", "/articles/harbour-security");
        moved.put("/?p=11", "/articles/uber-die-grenzen");
        moved.put("/2024/06/%C3%BCber-die-grenzen/", "/articles/uber-die-grenzen");
        moved.put("/2024/07/%d1%8d%d0%bd%d0%b5%d1%80%d0%b3%d0%b8%d1%8f/", "/articles/post-18");
        moved.put("/category/analysis/", "/sections/analysis");
        moved.put("/category/analysis/europe/", "/sections/europe");
        moved.put("/?cat=6", "/sections/europe");
        moved.put("/tag/nato/", "/topics/nato");
        moved.put("/author/alice/", "/authors/" + bylineSlug("Alice Archer"));
        moved.put("/?author=3", "/authors/" + bylineSlug("Bob Brennan"));
        for (Map.Entry<String, String> link : moved.entrySet()) {
            HttpResponse<String> response = HttpPage.get(port, link.getKey());
            assertThat(response.statusCode()).as(link.getKey()).isEqualTo(301);
            assertThat(response.headers().firstValue("Location").orElse(""))
                    .as(link.getKey())
                    .endsWith(link.getValue());
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        }
        // a draft's old link reveals nothing; real pages are never shadowed; other paths still 404
        assertThat(HttpPage.get(port, "/2024/05/private-notes/").statusCode()).isEqualTo(404);
        assertThat(HttpPage.get(port, "/").statusCode()).isEqualTo(200);
        assertThat(HttpPage.get(port, "/2024/05/never-was/").statusCode()).isEqualTo(404);

        // a second import of the same file changes nothing
        Map<String, Long> after = counts();
        ImportReport again = imports.run(wxr, Format.WORDPRESS, options(), ArchiveImport.Progress.NONE);
        assertThat(counts()).isEqualTo(after);
        assertThat(again.createdCount("articles")).isZero();
        assertThat(again.unchangedCount("articles")).isEqualTo(8);
        assertThat(again.createdCount("images")).isZero();
    }
}
