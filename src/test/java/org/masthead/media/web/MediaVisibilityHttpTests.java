package org.masthead.media.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.HttpPage;
import org.masthead.HttpTest;
import org.masthead.MutableClock;
import org.masthead.StaffHttp;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleImages;
import org.masthead.article.ArticleService;
import org.masthead.article.PreviewLinks;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.security.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An image answers only when a public page shows it (or has shown it), to staff, or with a live preview token of an
 * article that shows it; otherwise {@code /media/{id}/…} is a 404, a wrong name included, so uploads cannot be
 * listed by id.
 */
@HttpTest
class MediaVisibilityHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Autowired
    ImageService images;

    @Autowired
    ArticleImages illustrations;

    @Autowired
    ArticleService articles;

    @Autowired
    PreviewLinks previews;

    @Autowired
    MutableClock clock;

    @Test
    void anImageOnlyADraftUsesIsNotFoundByReaders() {
        Image image = upload(2000, 1000);
        Article draft = content.draft(content.section(), List.of(content.author()), List.of());
        illustrations.setFeaturedImage(draft.getId(), image.getId(), Actor.importing("test"));

        assertThat(HttpPage.get(port, image.getUrl()).statusCode()).isEqualTo(404);
        assertThat(HttpPage.get(port, image.urlAt(480)).statusCode()).isEqualTo(404);
        assertThat(HttpPage.get(port, "/media/" + image.getId() + "/anything.jpg")
                        .statusCode())
                .as("no redirect to the real name")
                .isEqualTo(404);
    }

    @Test
    void anUnusedUploadIsNotFoundByReadersButStaffSeeIt() {
        Image image = upload(300, 200);
        assertThat(HttpPage.get(port, image.getUrl()).statusCode()).isEqualTo(404);

        HttpResponse<String> staff = StaffHttp.demo(port, "contributor").get(image.getUrl());
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(staff.headers().firstValue("Cache-Control").orElse(""))
                .contains("no-store")
                .doesNotContain("public");
    }

    @Test
    void aPreviewLinkOpensItsArticlesImages() {
        Image image = upload(2000, 1000);
        Image inline = upload(600, 400);
        Article draft = content.draft(content.section(), List.of(content.author()), List.of());
        illustrations.setFeaturedImage(draft.getId(), image.getId(), Actor.importing("test"));
        String token = previews.create(draft.getId(), TestContent.EDITOR);

        String page = HttpPage.get(port, "/preview/" + token).body();
        String query = "?preview=" + token;
        assertThat(page).contains(image.getUrl() + query).contains(image.urlAt(480) + query);
        assertThat(HttpPage.get(port, image.getUrl() + query).statusCode()).isEqualTo(200);
        assertThat(HttpPage.get(port, image.urlAt(960) + query).statusCode()).isEqualTo(200);
        assertThat(HttpPage.get(port, image.getUrl() + query)
                        .headers()
                        .firstValue("Cache-Control")
                        .orElse(""))
                .contains("no-store");
        assertThat(HttpPage.get(port, inline.getUrl() + query).statusCode())
                .as("an image the previewed article does not show")
                .isEqualTo(404);
        assertThat(HttpPage.get(port, image.getUrl() + "?preview=not-a-live-token-at-all-123456")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anImageBecomesPublicWithItsArticleAndStaysPublic() {
        Image image = upload(800, 600);
        Article draft = content.draft(content.section(), List.of(content.author()), List.of());
        illustrations.setFeaturedImage(draft.getId(), image.getId(), Actor.importing("test"));
        assertThat(HttpPage.get(port, image.getUrl()).statusCode()).isEqualTo(404);

        articles.publishBackdated(draft.getId(), clock.instant().minus(Duration.ofMinutes(1)), Actor.importing("test"));
        HttpResponse<String> open = HttpPage.get(port, image.getUrl());
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.headers().firstValue("Cache-Control").orElse(""))
                .contains("public")
                .contains("immutable");
        assertThat(HttpPage.get(port, "/media/" + image.getId() + "/other-name.jpg")
                        .statusCode())
                .isEqualTo(301);

        articles.unpublish(draft.getId(), TestContent.EDITOR);
        assertThat(HttpPage.get(port, image.getUrl()).statusCode())
                .as("a URL once public stays answerable (it is cached for a year anyway)")
                .isEqualTo(200);
    }

    private Image upload(int width, int height) {
        return images.upload(
                Actor.importing("test"),
                TestImages.jpeg(width, height),
                TestContent.unique("pic") + ".jpg",
                "Alt",
                "",
                "");
    }
}
