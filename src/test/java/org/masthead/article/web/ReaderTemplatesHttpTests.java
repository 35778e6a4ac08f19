package org.masthead.article.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.masthead.HttpPage;
import org.masthead.HttpTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleService;
import org.masthead.author.Author;
import org.masthead.author.AuthorService;
import org.masthead.section.Section;
import org.masthead.slug.Slugs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reader template rendered over real HTTP with everything it can show present (an author photo, a featured
 * image, footnotes, a table, notes), each body read to its end. A template that fails half-way (a lazy association
 * read after the transaction, open-in-view being off) sends a 200 and then cuts the connection: reading the whole
 * body, and finding the end of the page in it, is what catches that.
 */
@HttpTest
class ReaderTemplatesHttpTests {

    /** Near the very end of every reader page: the footer's journal name, after the main content. */
    private static final String PAGE_END_MARKER = "site-footer__name";

    @LocalServerPort
    private int port;

    @Autowired
    private TestContent content;

    @Autowired
    private AuthorService authors;

    @Autowired
    private ArticleService articles;

    @Autowired
    private MutableClock clock;

    @Autowired
    private IllustratedArticles illustrated;

    @Test
    void everyReaderTemplateRendersToItsEndWithPhotosImagesFootnotesTablesAndNotes() {
        Section section = content.section();
        Author author = illustrated.authorWithPhoto();
        String topic = TestContent.unique("Topic");
        Article published =
                illustrated.published(section, author, topic, clock.instant().minus(Duration.ofSeconds(1)));
        Article draft =
                illustrated.unpublished(section, author, topic, clock.instant().minus(Duration.ofDays(2)));

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/", "/articles/" + published.getSlug());
        pages.put("/articles/" + published.getSlug(), published.getTitle());
        pages.put(illustrated.previewPath(draft), draft.getTitle());
        pages.put("/sections/" + section.getSlug(), "/articles/" + published.getSlug());
        pages.put("/authors/" + author.getSlug(), "/articles/" + published.getSlug());
        pages.put("/topics/" + Slugs.slugify(topic), "/articles/" + published.getSlug());

        for (Map.Entry<String, String> page : pages.entrySet()) {
            String body = wholePage(page.getKey());
            assertThat(body).as(page.getKey()).contains(page.getValue());
        }

        for (String path :
                List.of("/articles/" + published.getSlug(), pages.keySet().toArray(String[]::new)[2])) {
            Document article = Jsoup.parse(wholePage(path));
            assertThat(article.select(".article__figure figure img[srcset]"))
                    .as(path + ": the featured image")
                    .hasSize(1);
            assertThat(article.select(".article__figure figcaption").text()).contains("The harbour", "Photo Agency");
            assertThat(article.select(".bios .bio__photo img[srcset]"))
                    .as(path + ": the author's photo")
                    .hasSize(1);
            assertThat(article.select(".article__body table td")).as(path).isNotEmpty();
            assertThat(article.select(".article__body section.footnotes li"))
                    .as(path)
                    .hasSize(1);
            assertThat(article.select(".article__body").text()).as(path).contains(IllustratedArticles.BODY_END);
            assertThat(article.select(".notes .note--correction").text())
                    .as(path)
                    .contains("misdated the treaty");
        }

        Document authorPage = Jsoup.parse(wholePage("/authors/" + author.getSlug()));
        assertThat(authorPage.select(".profile__photo img[srcset]")).hasSize(1);
    }

    @Test
    void aPreviewWhoseOnlyPictureIsTheFeaturedImageIsSentWhole() {
        // The featured image is read half-way down the page, after the response has started: the failure this
        // guards against was a 200 whose connection was then cut, not an error status.
        Article draft = illustrated.draft(content.section(), content.author(), TestContent.unique("Topic"));
        Document page = Jsoup.parse(wholePage(illustrated.previewPath(draft)));
        assertThat(page.select("#preview-banner")).hasSize(1);
        assertThat(page.select(".article__figure img[srcset]")).hasSize(1);
        assertThat(page.select(".article__body").text()).contains(IllustratedArticles.BODY_END);
    }

    /** The page's whole body, asserted to be a 200 that ends as every page of the site ends. */
    private String wholePage(String path) {
        // HttpPage reads the body to its end: a connection cut mid-page fails here with an I/O error.
        HttpResponse<String> response = HttpPage.get(port, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        String body = response.body();
        assertThat(body.strip()).as(path + " ends with </html>").endsWith("</html>");
        assertThat(body).as(path + " reaches its footer").contains(PAGE_END_MARKER);
        assertThat(body.indexOf(PAGE_END_MARKER)).as(path).isGreaterThan(body.indexOf("</main>"));
        return body;
    }
}
