package org.masthead.author.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.HttpPage;
import org.masthead.HttpTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleService;
import org.masthead.article.PreviewLinks;
import org.masthead.author.Author;
import org.masthead.author.AuthorChanges;
import org.masthead.author.AuthorService;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.security.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authors follow the visibility rule of topics: their page, feed, name in the search form, photo and bio images are
 * public only while they have a public article.
 */
@HttpTest
class AuthorVisibilityHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Autowired
    AuthorService authors;

    @Autowired
    ImageService images;

    @Autowired
    ArticleService articles;

    @Autowired
    PreviewLinks previews;

    @Autowired
    MutableClock clock;

    @Test
    void anAuthorWithoutAPublicArticleIsNotFoundNorTheirImagesUntilTheirFirstArticleIsPublished() {
        Image photo = upload();
        Image inBio = upload();
        String slug = TestContent.unique("new-contributor");
        String name = "Newcomer " + slug;
        Author author = authors.create(
                TestContent.EDITOR,
                new AuthorChanges(
                        name,
                        slug,
                        "Analyst",
                        "Fieldwork.\n\n![Alt](" + inBio.getUrl() + ")",
                        photo.getId(),
                        null,
                        List.of()));
        Article draft = content.draft(content.section(), List.of(author), List.of());

        assertThat(HttpPage.get(port, "/authors/" + slug).statusCode()).isEqualTo(404);
        assertThat(HttpPage.get(port, "/authors/" + slug + "/feed.xml", "application/atom+xml")
                        .statusCode())
                .isEqualTo(404);
        assertThat(HttpPage.get(port, "/search").body()).doesNotContain(name);
        assertThat(HttpPage.get(port, photo.getUrl()).statusCode()).isEqualTo(404);
        assertThat(HttpPage.get(port, inBio.getUrl()).statusCode())
                .as("a bio of an author without a public article makes nothing public")
                .isEqualTo(404);
        String token = previews.create(draft.getId(), TestContent.EDITOR);
        assertThat(HttpPage.get(port, photo.getUrl() + "?preview=" + token).statusCode())
                .as("a preview link opens only its own article's images")
                .isEqualTo(404);

        articles.publishBackdated(draft.getId(), clock.instant().minus(Duration.ofMinutes(1)), Actor.importing("test"));

        assertThat(HttpPage.get(port, "/authors/" + slug).statusCode()).isEqualTo(200);
        assertThat(HttpPage.get(port, "/authors/" + slug + "/feed.xml", "application/atom+xml")
                        .statusCode())
                .isEqualTo(200);
        assertThat(HttpPage.get(port, "/search").body()).contains(name);
        assertThat(HttpPage.get(port, photo.getUrl()).statusCode()).isEqualTo(200);
        assertThat(HttpPage.get(port, inBio.getUrl()).statusCode()).isEqualTo(200);
    }

    @Test
    void anOldSlugOfAnUnpublishedAuthorDoesNotRedirect() {
        String slug = TestContent.unique("renamed");
        Author author = authors.create(TestContent.EDITOR, slug, "Renamed " + slug, "", "");
        content.draft(content.section(), List.of(author), List.of());
        authors.update(
                TestContent.EDITOR,
                author.getId(),
                author.getVersion(),
                new AuthorChanges(author.getName(), slug + "-new", "", "", null, null, List.of()));

        assertThat(HttpPage.get(port, "/authors/" + slug).statusCode()).isEqualTo(404);
        assertThat(HttpPage.get(port, "/authors/" + slug + "/feed.xml", "application/atom+xml")
                        .statusCode())
                .isEqualTo(404);
    }

    private Image upload() {
        return images.upload(
                Actor.importing("test"), TestImages.jpeg(400, 300), TestContent.unique("face") + ".jpg", "Alt", "", "");
    }
}
