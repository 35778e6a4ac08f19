package org.masthead.article.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.HttpPage;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.StaffHttp;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleImages;
import org.masthead.article.ArticleService;
import org.masthead.article.FrontPage;
import org.masthead.author.Author;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.section.Section;
import org.masthead.security.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Front-page curation over real HTTP: editors pick the lead story and featured articles among published ones; a
 * contributor is refused; a draft cannot be picked; unpublishing a picked article takes it off the front page;
 * the home page, cached, shows each change at once.
 */
@IntegrationTest
class FrontPageHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Autowired
    ArticleService articles;

    @Autowired
    FrontPage frontPage;

    @Autowired
    ImageService images;

    @Autowired
    ArticleImages articleImages;

    @Autowired
    MutableClock clock;

    @AfterEach
    void newestAgain() {
        frontPage.choose(null, List.of(), TestContent.EDITOR);
    }

    private Article published(Section section, Author author, Duration ago) {
        return content.published(
                section, List.of(author), List.of(), clock.instant().minus(ago));
    }

    /** The home page's lead story section (up to the next section). */
    private String leadOf(String home) {
        int start = home.indexOf("class=\"lead\"");
        assertThat(start).as("the home page has a lead story").isPositive();
        int end = home.indexOf("</section>", start);
        return home.substring(start, end);
    }

    @Test
    void anEditorPinsTheLeadAndFeaturedArticlesAndTheCachedHomePageShowsThem() {
        Section section = content.section();
        Author author = content.author();
        Article older = published(section, author, Duration.ofDays(30));
        Article featured = published(section, author, Duration.ofDays(20));
        // published now, so newer than whatever other test classes published into the shared database before
        Article newest = published(section, author, Duration.ZERO);

        // The home page is read (and cached) before: a month-old article does not lead it.
        assertThat(leadOf(HttpPage.get(port, "/").body())).doesNotContain(older.getTitle());
        assertThat(leadOf(HttpPage.get(port, "/").body())).doesNotContain(older.getTitle());

        StaffHttp editor = StaffHttp.demo(port, "editor");
        assertThat(editor.get("/admin").body()).contains("id=\"nav-front-page\"");
        HttpResponse<String> saved = editor.submit(
                "/admin/front-page",
                "/admin/front-page",
                Map.of(
                        "lead",
                        older.getId().toString(),
                        "featured[0]",
                        featured.getId().toString()));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(editor.get("/admin/front-page").body())
                .contains("The front page is saved.")
                .contains(older.getTitle());

        String home = HttpPage.get(port, "/").body();
        assertThat(leadOf(home)).contains(older.getTitle()).doesNotContain(newest.getTitle());
        // The featured article comes first among the cards, marked; the newest follows.
        int featuredCard = home.indexOf(featured.getTitle());
        assertThat(featuredCard).isPositive();
        assertThat(home.lastIndexOf("data-featured=\"true\"", featuredCard)).isPositive();
        assertThat(home.indexOf(newest.getTitle())).isGreaterThan(featuredCard);
        assertThat(frontPage.choice().leadId()).isEqualTo(older.getId());
    }

    @Test
    void aContributorIsRefusedAndChangesNothing() {
        Section section = content.section();
        Article article = published(section, content.author(), Duration.ofDays(2));
        StaffHttp contributor = StaffHttp.demo(port, "contributor");
        assertThat(contributor.get("/admin/front-page").statusCode()).isEqualTo(403);
        assertThat(contributor.get("/admin").body()).doesNotContain("id=\"nav-front-page\"");
        HttpResponse<String> refused = contributor.submit(
                "/admin/articles",
                "/admin/front-page",
                Map.of("lead", article.getId().toString()));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(frontPage.choice().leadId()).isNull();
    }

    @Test
    void aDraftCannotBePinned() {
        Section section = content.section();
        Author author = content.author();
        Article draft = content.draft(section, List.of(author), List.of());
        StaffHttp editor = StaffHttp.demo(port, "editor");
        assertThat(editor.get("/admin/front-page").body()).doesNotContain("value=\"" + draft.getId() + "\"");
        HttpResponse<String> refused = editor.submit(
                "/admin/front-page",
                "/admin/front-page",
                Map.of("lead", draft.getId().toString()));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Only published articles can go on the front page.");
        assertThat(frontPage.choice().leadId()).isNull();
        assertThat(HttpPage.get(port, "/").body()).doesNotContain(draft.getTitle());

        // Nor the same article twice.
        Article published = published(section, author, Duration.ofDays(3));
        HttpResponse<String> twice = editor.submit(
                "/admin/front-page",
                "/admin/front-page",
                Map.of(
                        "lead",
                        published.getId().toString(),
                        "featured[1]",
                        published.getId().toString()));
        assertThat(twice.statusCode()).isEqualTo(200);
        assertThat(twice.body()).contains("An article can take only one place on the front page");
        assertThat(frontPage.choice().leadId()).isNull();
    }

    @Test
    void unpublishingAPickedArticleTakesItOffTheFrontPage() {
        Section section = content.section();
        Author author = content.author();
        Article pinned = published(section, author, Duration.ofDays(40));
        Article featured = published(section, author, Duration.ofDays(41));
        published(section, author, Duration.ofMinutes(2));
        frontPage.choose(pinned.getId(), List.of(featured.getId()), TestContent.EDITOR);
        assertThat(leadOf(HttpPage.get(port, "/").body())).contains(pinned.getTitle());

        articles.unpublish(pinned.getId(), TestContent.EDITOR);
        articles.archive(featured.getId(), TestContent.EDITOR);

        assertThat(frontPage.choice().leadId()).isNull();
        assertThat(frontPage.choice().featuredIds()).isEmpty();
        String home = HttpPage.get(port, "/").body();
        assertThat(home).doesNotContain(pinned.getTitle()).doesNotContain(featured.getTitle());

        // Published again, it does not come back as the lead by itself.
        articles.publish(pinned.getId(), TestContent.EDITOR);
        assertThat(frontPage.choice().leadId()).isNull();
    }

    @Test
    void cardsShowTheFeaturedImageWithItsSizes() {
        Section section = content.section();
        Author author = content.author();
        Article illustrated = published(section, author, Duration.ofMinutes(3));
        Image picture = images.upload(
                Actor.importing("test"), TestImages.jpeg(1200, 800), "card.jpg", "A card picture", "", "");
        articleImages.setFeaturedImage(illustrated.getId(), picture.getId(), null, null, Actor.importing("test"));
        Article lead = published(section, author, Duration.ofMinutes(1));
        frontPage.choose(lead.getId(), List.of(illustrated.getId()), TestContent.EDITOR);

        for (String page : List.of("/", "/sections/" + section.getSlug())) {
            String html = HttpPage.get(port, page).body();
            int card = html.indexOf("<img", html.indexOf("class=\"card__image\""));
            assertThat(card).as(page).isPositive();
            String img = html.substring(card, html.indexOf('>', card));
            assertThat(img)
                    .as(page)
                    .contains(picture.getUrl())
                    .contains("srcset=")
                    .contains("sizes=")
                    .contains("width=\"1200\"")
                    .contains("height=\"800\"");
        }
    }
}
