package org.masthead.archive;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
            // the block gallery's two images (by their sized addresses), the bridge of a gallery without ids and the
            // pier of a post
            assertThat(dry.createdCount("images")).isEqualTo(4);
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

        // every old address of the site answers
        String section =
                column("select s.slug from articles a join sections s on s.id = a.section_id where a.slug = ?", trade);
        String author = column(
                "select au.slug from article_authors aa join authors au on au.id = aa.author_id"
                        + " join articles a on a.id = aa.article_id where a.slug = ?",
                trade);
        String market = column("select target from legacy_paths where path = '/wp-content/uploads/2024/05/market.jpg'");
        assertThat(market).matches("/media/\\d+/market\\.jpg");
        Map<String, String> moved = new LinkedHashMap<>();
        moved.put("/2024/05/trade-security/", "/articles/" + trade);
        moved.put("/category/gq-trade/", "/sections/" + section);
        // a category and a tag whose section and topic have no public article: the home page
        moved.put("/category/gq-dormant/", "/");
        moved.put("/tag/gq-unused/", "/");
        // feeds
        moved.put("/feed/", "/feed.xml");
        moved.put("/feed/atom/", "/feed.xml");
        moved.put("/category/gq-trade/feed/", "/sections/" + section + "/feed.xml");
        moved.put("/author/dora/feed/", "/authors/" + author + "/feed.xml");
        // paged archives
        moved.put("/category/gq-trade/page/2/", "/sections/" + section);
        moved.put("/page/3/", "/");
        // date archives
        moved.put("/2024/05/", "/search?from=2024-05-01&to=2024-05-31");
        moved.put("/2024/05/04/", "/search?from=2024-05-04&to=2024-05-04");
        // the uploads folder, in the uploaded size and another
        moved.put("/wp-content/uploads/2024/05/market.jpg", market);
        moved.put("/wp-content/uploads/2024/05/market-1024x768.jpg", market);
        // attachment pages: the article that shows the image
        moved.put("/2024/05/trade-security/market/", "/articles/" + trade);
        moved.put("/?attachment_id=202", "/articles/" + classic);
        // old pages whose addresses begin like Masthead's own
        moved.put("/administration-reform/", "/articles/" + article(SOURCE, "23"));
        moved.put("/errors-of-judgement/", "/articles/" + article(SOURCE, "24"));
        moved.put("/login-days/", "/articles/" + article(SOURCE, "25"));
        for (Map.Entry<String, String> link : moved.entrySet()) {
            HttpResponse<String> response = HttpPage.get(port, link.getKey());
            assertThat(response.statusCode()).as(link.getKey()).isEqualTo(301);
            assertThat(response.headers().firstValue("Location").orElse(""))
                    .as(link.getKey())
                    .endsWith(link.getValue());
            assertThat(response.headers().firstValue("Set-Cookie"))
                    .as(link.getKey())
                    .isEmpty();
        }
        // an attachment whose post is a draft: its image, which a public article shows
        String pier = column("select target from legacy_paths where path = '/wp-content/uploads/2024/05/pier.png'");
        HttpResponse<String> pierPage = HttpPage.get(port, "/?attachment_id=206");
        assertThat(pierPage.statusCode()).isEqualTo(301);
        assertThat(pierPage.headers().firstValue("Location").orElse("")).endsWith(pier);
        // an attachment whose image was never imported and whose post is none: gone
        assertThat(HttpPage.get(port, "/?attachment_id=204").statusCode()).isEqualTo(410);
        // Masthead's own pages are never shadowed, and what was never there is still not found
        assertThat(HttpPage.get(port, "/login").statusCode()).isEqualTo(200);
        assertThat(HttpPage.get(port, "/sections/" + section).statusCode()).isEqualTo(200);
        assertThat(HttpPage.get(port, "/administration-never-was/").statusCode())
                .isEqualTo(404);
        assertThat(HttpPage.get(port, "/2024/13/").statusCode()).isEqualTo(404);

        // a date archive's search lists that period's articles, newest first
        HttpResponse<String> day = HttpPage.get(port, "/search?from=2024-05-04&to=2024-05-05");
        assertThat(day.statusCode()).isEqualTo(200);
        String found = Jsoup.parse(day.body()).select("main").text();
        assertThat(found).contains("Trade & Security").contains("Classic harbours");
        assertThat(found.indexOf("Classic harbours")).isLessThan(found.indexOf("Trade & Security"));
        assertThat(found).doesNotContain("Administration reform");

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
