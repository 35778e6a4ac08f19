package org.masthead.feed;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.article.Article;
import org.masthead.article.PublicArticles;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.masthead.testing.Fixtures;
import org.masthead.web.SiteProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class FeedAndSitemapTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PublicArticles publicArticles;

    @Autowired
    SiteProperties site;

    @Autowired
    Fixtures fixtures;

    Section section;
    Author first;
    Author second;
    Article published;
    String topic;

    @BeforeEach
    void setUp() {
        section = fixtures.section("Feed Desk");
        first = fixtures.author("Fay Feeder");
        second = fixtures.author("Sam Syndicate");
        topic = "Feeds " + Fixtures.word();
        published = fixtures.published(
                section,
                List.of(first, second),
                List.of(topic),
                "Feeds & <things>",
                "A dek for the feed",
                "A paragraph with [a relative link](/sections/" + section.getSlug() + ").\n\nAnother paragraph.",
                java.time.Instant.now().minus(Duration.ofSeconds(1))); // the newest, so the site feed lists it
    }

    private SyndFeed feed(String path) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/atom+xml");
        return new SyndFeedInput().build(new StringReader(response.getContentAsString()));
    }

    private static SyndEntry entry(SyndFeed feed, Article article) {
        return feed.getEntries().stream()
                .filter(e -> e.getLink().endsWith("/articles/" + article.getSlug()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry for " + article.getSlug()));
    }

    @Test
    void theSiteFeedHasTheNewestPublicArticlesWithAuthorsAndAbsoluteLinks() throws Exception {
        Article draft = fixtures.draft(section, List.of(first), List.of(), "Draft", "", "Body");
        SyndFeed feed = feed("/feed.xml");

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo(site.siteName());
        SyndEntry entry = entry(feed, published);
        assertThat(entry.getTitle()).isEqualTo("Feeds & <things>");
        assertThat(entry.getUri()).startsWith("tag:localhost,").endsWith(":article:" + published.getId());
        assertThat(entry.getLink()).isEqualTo(site.absolute("/articles/" + published.getSlug()));
        assertThat(entry.getAuthors()).extracting(SyndPerson::getName).containsExactly("Fay Feeder", "Sam Syndicate");
        assertThat(entry.getAuthors())
                .extracting(SyndPerson::getUri)
                .containsExactly(
                        site.absolute("/authors/" + first.getSlug()), site.absolute("/authors/" + second.getSlug()));
        assertThat(entry.getDescription().getValue()).isEqualTo("A dek for the feed");
        assertThat(entry.getContents().get(0).getValue())
                .contains("href=\"" + site.absolute("/sections/" + section.getSlug()) + "\"")
                .contains("Another paragraph");
        assertThat(entry.getUpdatedDate()).isNotNull();
        assertThat(entry.getPublishedDate()).isNotNull();
        assertThat(feed.getEntries()).noneMatch(e -> e.getLink().endsWith("/articles/" + draft.getSlug()));
        assertThat(feed.getLinks()).allMatch(l -> l.getHref().startsWith("http://localhost:8080/"));
    }

    @Test
    void sectionAndAuthorFeeds() throws Exception {
        SyndFeed sectionFeed = feed("/sections/" + section.getSlug() + "/feed.xml");
        assertThat(sectionFeed.getEntries()).hasSize(1);
        assertThat(entry(sectionFeed, published).getTitle()).isEqualTo("Feeds & <things>");

        SyndFeed authorFeed = feed("/authors/" + second.getSlug() + "/feed.xml");
        assertThat(authorFeed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Feeds & <things>");

        mvc.perform(get("/sections/no-such-section/feed.xml")).andExpect(status().isNotFound());
        mvc.perform(get("/authors/no-such-author/feed.xml")).andExpect(status().isNotFound());
    }

    @Test
    void conditionalGetAnswers304UntilTheFeedChanges() throws Exception {
        String path = "/sections/" + section.getSlug() + "/feed.xml";
        MockHttpServletResponse response =
                mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
        String etag = response.getHeader("ETag");
        String lastModified = response.getHeader("Last-Modified");
        assertThat(etag).isNotBlank();
        assertThat(lastModified).isNotBlank();

        mvc.perform(get(path).header("If-None-Match", etag)).andExpect(status().isNotModified());
        mvc.perform(get(path).header("If-Modified-Since", lastModified)).andExpect(status().isNotModified());

        fixtures.published(section, List.of(first), "A newer piece", "Body.", Duration.ofMinutes(1));
        mvc.perform(get(path).header("If-None-Match", etag)).andExpect(status().isOk());
    }

    private List<String> locs(String xml, String element) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo(element);
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        NodeList nodes = doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        List<String> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add(nodes.item(i).getTextContent());
        }
        return result;
    }

    @Test
    void theSitemapListsExactlyThePublicSet() throws Exception {
        Author onlyDrafts = fixtures.author("Dee Draft");
        Article draft = fixtures.draft(section, List.of(onlyDrafts), List.of(), "Draft", "", "Body");
        Article scheduled = fixtures.scheduled(section, List.of(onlyDrafts), "Scheduled", "Body");
        Article archived = fixtures.archived(section, List.of(onlyDrafts), "Archived", "Body");

        String xml = mvc.perform(get("/sitemap.xml"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> locs = locs(xml, "urlset");
        assertThat(locs)
                .contains(
                        site.absolute("/"),
                        site.absolute("/articles/" + published.getSlug()),
                        site.absolute("/sections/" + section.getSlug()),
                        site.absolute("/authors/" + first.getSlug()),
                        site.absolute("/topics/" + org.masthead.slug.Slugs.slugify(topic)));
        assertThat(locs)
                .doesNotContain(
                        site.absolute("/articles/" + draft.getSlug()),
                        site.absolute("/articles/" + scheduled.getSlug()),
                        site.absolute("/articles/" + archived.getSlug()),
                        site.absolute("/authors/" + onlyDrafts.getSlug()));
        List<String> articleLocs =
                locs.stream().filter(l -> l.contains("/articles/")).toList();
        assertThat(articleLocs).hasSize((int) publicArticles.count());
        assertThat(xml).contains("<lastmod>");
    }

    @Test
    void pastTheLimitTheSitemapBecomesAnIndex(@Autowired SectionService sections) throws Exception {
        SitemapController small = new SitemapController(publicArticles, sections, site, new SitemapProperties(5));
        int total = small.urls().size();
        int files = (total + 4) / 5;
        assertThat(files).isGreaterThan(1);

        List<String> children = locs(body(small, null), "sitemapindex");
        assertThat(children).hasSize(files);
        assertThat(children.get(0)).isEqualTo(site.absolute("/sitemap.xml?page=1"));
        List<String> all = new ArrayList<>();
        for (int n = 1; n <= files; n++) {
            List<String> part = locs(body(small, String.valueOf(n)), "urlset");
            assertThat(part.size()).isLessThanOrEqualTo(5);
            all.addAll(part);
        }
        assertThat(all)
                .hasSize(total)
                .doesNotHaveDuplicates()
                .contains(site.absolute("/articles/" + published.getSlug()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> body(small, String.valueOf(files + 1)))
                .isInstanceOf(org.masthead.web.PageNotFoundException.class);
        // With the real limit, the same site fits in one file.
        locs(mvc.perform(get("/sitemap.xml")).andReturn().getResponse().getContentAsString(), "urlset");
    }

    private static String body(SitemapController sitemap, String page) throws Exception {
        org.springframework.mock.web.MockHttpServletResponse response =
                new org.springframework.mock.web.MockHttpServletResponse();
        sitemap.sitemap(page, response);
        assertThat(response.getContentType()).startsWith("application/xml");
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void robotsPointsToTheSitemapAndKeepsCrawlersOutOfTheNewsroom() throws Exception {
        String robots = mvc.perform(get("/robots.txt"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(robots)
                .contains(
                        "User-agent: *",
                        "Disallow: /admin",
                        "Disallow: /preview",
                        "Sitemap: " + site.absolute("/sitemap.xml"));
    }
}
