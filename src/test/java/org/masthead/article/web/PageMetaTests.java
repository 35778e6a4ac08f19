package org.masthead.article.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.testing.Fixtures;
import org.masthead.web.SiteProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PageMetaTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    SiteProperties site;

    @Autowired
    Fixtures fixtures;

    Section section;
    Author first;
    Author second;

    @BeforeEach
    void setUp() {
        section = fixtures.section("Meta Desk");
        first = fixtures.author("Mia </script> Meta");
        second = fixtures.author("Otto & Graph");
    }

    private Document page(String path) throws Exception {
        String html = mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(html);
    }

    @Test
    void anArticleCarriesCanonicalOpenGraphTwitterAndNewsArticleJsonLd() throws Exception {
        Article article = fixtures.published(
                section,
                List.of(first, second),
                List.of("Meta " + Fixtures.word()),
                "Why </script><script>alert(1)</script> & <b>bold</b> claims fail",
                "A dek.",
                "Body text.",
                Instant.now().minus(Duration.ofDays(2)));
        Document doc = page("/articles/" + article.getSlug());
        String url = site.absolute("/articles/" + article.getSlug());

        assertThat(doc.select("link[rel=canonical]").attr("href")).isEqualTo(url);
        assertThat(doc.select("meta[property=og:url]").attr("content")).isEqualTo(url);
        assertThat(doc.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(doc.select("meta[property=og:title]").attr("content")).isEqualTo(article.getTitle());
        assertThat(doc.select("meta[property=og:description]").attr("content")).isEqualTo("A dek.");
        assertThat(doc.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
        assertThat(doc.select("meta[name=description]").attr("content")).isEqualTo("A dek.");

        // one data block inline; the only code is a file (the readership counter)
        assertThat(doc.select("script[src]"))
                .allSatisfy(file -> assertThat(file.data()).isEmpty());
        List<Element> scripts = doc.select("script:not([src])");
        assertThat(scripts).hasSize(1);
        Element script = scripts.get(0);
        assertThat(script.attr("type")).isEqualTo("application/ld+json");
        String json = script.data();
        assertThat(json)
                .doesNotContain("<")
                .doesNotContain(">")
                .doesNotContain("&")
                .contains("\\u003c");

        JsonNode ld = JsonMapper.builder().build().readTree(json);
        assertThat(ld.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asString()).isEqualTo(article.getTitle());
        assertThat(ld.get("author")).hasSize(2);
        assertThat(ld.get("author").get(0).get("@type").asString()).isEqualTo("Person");
        assertThat(ld.get("author").get(0).get("name").asString()).isEqualTo("Mia </script> Meta");
        assertThat(ld.get("author").get(0).get("url").asString())
                .isEqualTo(site.absolute("/authors/" + first.getSlug()));
        assertThat(ld.get("author").get(1).get("name").asString()).isEqualTo("Otto & Graph");
        assertThat(ld.get("datePublished").asString()).isNotBlank();
        assertThat(ld.get("dateModified").asString()).isNotBlank();
        assertThat(ld.get("articleSection").asString()).isEqualTo("Meta Desk");
        assertThat(ld.get("publisher").get("@type").asString()).isEqualTo("Organization");
        // the same bytes on every node and after every restart (the page's ETag is their hash)
        assertThat(json).contains("\"mainEntityOfPage\":{\"@type\":\"WebPage\",\"@id\":");
        assertThat(ld.get("publisher").get("name").asString()).isEqualTo(site.siteName());
    }

    @Test
    void listPagesCarryCanonicalAndOpenGraph() throws Exception {
        fixtures.published(section, List.of(first), "Listed", "Body.", Duration.ofDays(1));
        for (String path : List.of("/", "/sections/" + section.getSlug(), "/authors/" + first.getSlug())) {
            Document doc = page(path);
            assertThat(doc.select("link[rel=canonical]").attr("href")).isEqualTo(site.absolute(path));
            assertThat(doc.select("meta[property=og:title]").attr("content")).isNotBlank();
            assertThat(doc.select("meta[name=twitter:card]")).hasSize(1);
            assertThat(doc.select("meta[name=robots]")).isEmpty();
            assertThat(doc.select("#search-box[name=q]")).hasSize(1);
            assertThat(doc.select("#search-button")).hasSize(1);
        }
    }

    @Test
    void relatedReadingPrefersSharedTopicsThenSectionNeverItselfNorDrafts() throws Exception {
        Section elsewhere = fixtures.section("Elsewhere");
        String topicA = "Rel " + Fixtures.word();
        String topicB = "Rel " + Fixtures.word();
        Instant now = Instant.now();
        Article article = fixtures.published(
                section,
                List.of(first),
                List.of(topicA, topicB),
                "The article",
                "",
                "Body.",
                now.minus(Duration.ofDays(1)));
        Article twoTopics = fixtures.published(
                elsewhere,
                List.of(first),
                List.of(topicA, topicB),
                "Shares both topics",
                "",
                "Body.",
                now.minus(Duration.ofDays(30)));
        Article oneTopic = fixtures.published(
                elsewhere,
                List.of(first),
                List.of(topicA),
                "Shares one topic",
                "",
                "Body.",
                now.minus(Duration.ofDays(20)));
        Article sameSection = fixtures.published(
                section, List.of(first), List.of(), "Same section only", "", "Body.", now.minus(Duration.ofDays(2)));
        fixtures.published(
                section, List.of(first), List.of(), "Older same section", "", "Body.", now.minus(Duration.ofDays(90)));
        Article draft =
                fixtures.draft(section, List.of(first), List.of(topicA, topicB), "Draft sharing topics", "", "Body.");

        Document doc = page("/articles/" + article.getSlug());
        List<String> related = doc.select("#related li > a").eachAttr("href");
        assertThat(related)
                .containsExactly(
                        "/articles/" + twoTopics.getSlug(),
                        "/articles/" + oneTopic.getSlug(),
                        "/articles/" + sameSection.getSlug());
        assertThat(related).doesNotContain("/articles/" + article.getSlug(), "/articles/" + draft.getSlug());
    }
}
