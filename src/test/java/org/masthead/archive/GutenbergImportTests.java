package org.masthead.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.HttpPage;
import org.masthead.HttpTest;
import org.masthead.archive.ArchiveImport.Format;
import org.masthead.archive.ArchiveImport.Options;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A block-editor (Gutenberg) export as WordPress 6 writes it: footnotes kept in the post's meta, galleries with and
 * without ids, tables with a head, a foot and row headers, superscripts, quotes one after another, nested lists,
 * an entity in a title, embeds, audio and video, comments, a sticky post and a post format. What the dry run lists
 * as not carried over, what lands, and how every kind of the old site's address answers.
 */
@HttpTest
class GutenbergImportTests {

    private static final String SOURCE = "wordpress:https://gutenberg.example.org";

    @Autowired
    ArchiveImport imports;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    Options options() {
        return new Options(WordPressImportTests.resource("/archive/uploads"), null, Map.of());
    }

    String column(String sql, Object... args) {
        return jdbc.queryForObject(sql, String.class, args);
    }

    /** The slug of the article a post of this file became. */
    String article(String source, String postId) {
        return column(
                "select a.slug from import_sources i join articles a on a.id = i.entity_id"
                        + " where i.source = ? and i.kind = 'post' and i.source_id = ?",
                source,
                postId);
    }

    @Test
    void aGutenbergExportComesInWithItsNotesTablesGalleriesAndEmbedsAndReportsWhatItLeaves() throws IOException {
        Path wxr = WordPressImportTests.resource("/archive/gutenberg.xml");
        boolean firstTime =
                jdbc.queryForObject("select count(*) from import_sources where source = ?", Long.class, SOURCE) == 0;

        ImportReport dry = imports.dryRun(wxr, Format.WORDPRESS, options());
        if (firstTime) {
            assertThat(dry.createdCount("articles")).isEqualTo(6);
            // the block gallery's two images (by their sized addresses) and the bridge of a gallery without ids
            assertThat(dry.createdCount("images")).isEqualTo(3);
        }
        assertThat(dry.notCarried())
                .extracting(ImportReport.NotCarried::kind)
                .contains("comments", "sticky", "post-format", "embed", "image-missing", "image-caption");
        assertThat(dry.notCarriedCount("comments")).isEqualTo(2);
        assertThat(dry.notCarriedCount("sticky")).isEqualTo(1);
        assertThat(dry.notCarriedCount("post-format")).isEqualTo(1);
        assertThat(dry.notCarriedCount("embed"))
                .as("YouTube, two audio, a video and Vimeo")
                .isEqualTo(5);
        assertThat(dry.notCarriedCount("image-caption")).isEqualTo(1);
        ImportReport.NotCarried comments = dry.notCarried().stream()
                .filter(lost -> lost.kind().equals("comments"))
                .findFirst()
                .orElseThrow();
        assertThat(comments.examples()).containsExactly("Trade & Security");
        ImportReport.NotCarried captions = dry.notCarried().stream()
                .filter(lost -> lost.kind().equals("image-caption"))
                .findFirst()
                .orElseThrow();
        assertThat(captions.examples()).containsExactly("Classic harbours (“The chart of lost cargo”)");
        assertThat(dry.summary())
                .contains("not carried over:")
                .containsPattern("comments\\s+2   e\\.g\\. Trade & Security")
                .containsPattern("embed\\s+5");
        assertThat(dry.problems())
                .extracting(ImportReport.Problem::messageKey)
                .doesNotContain("import.problem.unknown-block", "import.problem.failed");

        imports.run(wxr, Format.WORDPRESS, options(), ArchiveImport.Progress.NONE);
        String trade = article(SOURCE, "20");
        String classic = article(SOURCE, "21");

        // an entity in a title and in a category's name, decoded once
        assertThat(column("select title from articles where slug = ?", trade)).isEqualTo("Trade & Security");
        assertThat(column(
                        "select s.name from articles a join sections s on s.id = a.section_id where a.slug = ?", trade))
                .isEqualTo("Trade & Shipping");

        String markdown = column("select body_md from articles where slug = ?", trade);
        Document page = Jsoup.parse(HttpPage.get(port, "/articles/" + trade).body());
        Element body = page.selectFirst(".article__body, article");
        assertThat(body).isNotNull();

        // footnotes: each reference leads to its own text
        assertThat(markdown).contains("Shipping costs rose[^1] as insurers priced in the risk[^2].");
        assertThat(markdown).contains("[^1]: Lloyd's List, *Freight rates*, March 2024.");
        List<Element> references = body.select("sup a[href^=#]");
        assertThat(references).hasSize(2);
        Element first = page.getElementById(references.get(0).attr("href").substring(1));
        Element second = page.getElementById(references.get(1).attr("href").substring(1));
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(first.text()).contains("Freight rates");
        assertThat(second.text()).contains("own figures").doesNotContain("Freight");

        // superscript and subscript
        assertThat(body.html()).contains("mc<sup>2</sup>").contains("H<sub>2</sub>O");

        // a table's head and foot, and a table of row headers
        Element cargo = body.select("table").get(0);
        assertThat(cargo.select("thead th").eachText()).containsExactly("Port", "Tonnes");
        assertThat(cargo.select("tbody tr").last().text()).isEqualTo("Total 730");
        Element facts = body.select("table").get(1);
        assertThat(facts.select("tbody tr")).hasSize(2);
        assertThat(facts.select("tbody tr td strong").eachText()).containsExactly("Population", "Coastline");

        // two quotations stay two
        assertThat(body.select("blockquote")).hasSize(2);
        assertThat(body.select("blockquote").get(1).text()).isEqualTo("The second quotation.");

        // a nested list, without a stray backslash
        assertThat(markdown)
                .contains("- Ports\n  - North Sea\n  - Baltic\n- Routes")
                .doesNotContain("Ports\\");

        // embeds, audio and video: link cards, nothing loaded from elsewhere
        assertThat(body.select("iframe, audio, video, script")).isEmpty();
        List<Element> cards = body.select("p.link-card");
        assertThat(cards).hasSize(3);
        Element youtube = cards.get(0).selectFirst("a.link-card__link");
        assertThat(youtube.attr("href")).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(youtube.attr("rel")).contains("noopener");
        assertThat(youtube.selectFirst(".link-card__title").text()).isEqualTo("The harbour master explains");
        assertThat(youtube.selectFirst(".link-card__provider").text()).isEqualTo("YouTube");
        assertThat(cards.get(1).text()).contains("Interview with a pilot").contains("Audio");
        assertThat(cards.get(2).text()).contains("quay.mp4").contains("Video");

        // a block gallery keeps both its images, with the image's own caption; a gallery without ids shows the
        // images attached to its post
        assertThat(markdown)
                .containsPattern("!\\[Fish stalls under awnings]\\(/media/\\d+/[^ )]+ \"Market morning\"\\)");
        assertThat(markdown).containsPattern("!\\[Boats]\\(/media/\\d+/");
        assertThat(markdown).contains("Two harbours");
        String classicMarkdown = column("select body_md from articles where slug = ?", classic);
        assertThat(classicMarkdown.split("!\\[", -1))
                .as("two images in the gallery")
                .hasSize(3);
        assertThat(classicMarkdown).contains("\"card: Vimeo\")").contains("foghorn.mp3");

        // the same ids from another site are other posts: imported, not skipped
        Path other = temp.resolve("other-site.xml");
        Files.writeString(other, Files.readString(wxr).replace("gutenberg.example.org", "other-gutenberg.example.org"));
        ImportReport otherSite = imports.run(other, Format.WORDPRESS, options(), ArchiveImport.Progress.NONE);
        if (firstTime) {
            assertThat(otherSite.createdCount("articles")).isEqualTo(6);
        }
        assertThat(article("wordpress:https://other-gutenberg.example.org", "20"))
                .isNotEqualTo(trade);
    }
}
