package org.masthead.archive;

import java.nio.file.Path;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.masthead.HttpPage;
import org.masthead.HttpTest;
import org.masthead.archive.ArchiveImport.Format;
import org.masthead.archive.ArchiveImport.Options;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Ghost 5 post with its primary tag, a gallery card, an embed card and a bookmark card: the primary tag is the
 * section, the gallery keeps every image, the embed and the bookmark are link cards.
 */
@HttpTest
class GhostCardsImportTests {

    @Autowired
    ArchiveImport imports;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void aGhostPostKeepsItsPrimaryTagAsSectionItsWholeGalleryAndItsEmbedsAsCards() throws Exception {
        Path file = WordPressImportTests.resource("/archive/ghost-cards.json");
        Options options = new Options(WordPressImportTests.resource("/archive/ghost-images"), null, Map.of());

        ImportReport dry = imports.dryRun(file, Format.GHOST, options);
        assertThat(dry.notCarriedCount("embed"))
                .as("the embed and the bookmark")
                .isEqualTo(2);
        assertThat(dry.notCarriedCount("image-missing")).isZero();

        imports.run(file, Format.GHOST, options, ArchiveImport.Progress.NONE);
        String slug = jdbc.queryForObject(
                "select a.slug from import_sources i join articles a on a.id = i.entity_id"
                        + " where i.kind = 'post' and i.source_id = '66a0c0ffee0000000000c001'",
                String.class);
        // the first tag by sort_order is the section; both stay topics
        assertThat(jdbc.queryForObject(
                        "select s.name from articles a join sections s on s.id = a.section_id where a.slug = ?",
                        String.class,
                        slug))
                .isEqualTo("Quays & Harbours");
        assertThat(jdbc.queryForList(
                        "select t.name from article_topics at join topics t on t.id = at.topic_id"
                                + " join articles a on a.id = at.article_id where a.slug = ? order by t.name",
                        String.class,
                        slug))
                .containsExactly("Pilots", "Quays & Harbours");

        String markdown = jdbc.queryForObject("select body_md from articles where slug = ?", String.class, slug);
        assertThat(markdown)
                .containsPattern("!\\[The quay at dawn]\\(/media/\\d+/")
                .containsPattern("!\\[The quay at noon]\\(/media/\\d+/")
                .containsPattern("!\\[The quay at dusk]\\(/media/\\d+/")
                .contains("A day on the quay");

        Element body =
                Jsoup.parse(HttpPage.get(port, "/articles/" + slug).body()).selectFirst(".article__body");
        assertThat(body.select("iframe")).isEmpty();
        assertThat(body.select("p.link-card a").eachAttr("href"))
                .containsExactly("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://example.org/report");
        assertThat(body.select("p.link-card").get(0).text()).isEqualTo("Pilots at work YouTube");
        assertThat(body.select("p.link-card").get(1).text()).isEqualTo("The ports report Ports Institute");
    }
}
