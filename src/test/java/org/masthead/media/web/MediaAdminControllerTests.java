package org.masthead.media.web;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.SqlStatementCounter;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleImages;
import org.masthead.article.ArticleService;
import org.masthead.author.Author;
import org.masthead.author.AuthorChanges;
import org.masthead.author.AuthorService;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.section.SectionService;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class MediaAdminControllerTests {

    static final StaffUser CONTRIBUTOR =
            new StaffUser(9101, "contrib4@example.org", "Con", Role.CONTRIBUTOR, "{noop}x", true);
    static final StaffUser EDITOR = new StaffUser(9102, "editor4@example.org", "Ed", Role.EDITOR, "{noop}x", true);
    static final StaffUser ADMIN = new StaffUser(9103, "admin4@example.org", "Ad", Role.ADMIN, "{noop}x", true);

    @Autowired
    MockMvc mvc;

    @Autowired
    ImageService images;

    @Autowired
    TestContent content;

    @Autowired
    MutableClock clock;

    @Autowired
    AuthorService authors;

    @Autowired
    ArticleService articles;

    @Autowired
    SectionService sections;

    @Autowired
    ArticleImages articleImages;

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/admin/media")).andExpect(status().is3xxRedirection());
    }

    @Test
    void contributorsMayUploadAndBrowseButNotEditOrDelete() throws Exception {
        mvc.perform(upload("file", "portrait.jpg", TestImages.jpeg(300, 200), "A portrait")
                        .with(user(CONTRIBUTOR)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/media"));
        Image image = images.recent(1).get(0);
        assertThat(image.getAltText()).isEqualTo("A portrait");
        assertThat(image.getUploadedBy()).isEqualTo(CONTRIBUTOR.getEmail());

        mvc.perform(get("/admin/media").with(user(CONTRIBUTOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(image.getMarkdown())));
        mvc.perform(get("/admin/media/new").with(user(CONTRIBUTOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"drop-zone\"")));
        mvc.perform(get("/admin/media/" + image.getId()).with(user(CONTRIBUTOR)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/media/" + image.getId() + "/delete")
                        .with(csrf())
                        .with(user(CONTRIBUTOR)))
                .andExpect(status().isForbidden());
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void uploadsEachAcceptedType() throws Exception {
        record Case(String name, byte[] bytes, String type) {}
        for (Case c : List.of(
                new Case("a.jpg", TestImages.jpeg(500, 300), "image/jpeg"),
                new Case("b.png", TestImages.png(200, 100), "image/jpeg"),
                new Case("c.png", TestImages.transparentPng(200, 100), "image/png"),
                new Case("d.gif", TestImages.gif(200, 100), "image/jpeg"),
                new Case("e.webp", TestImages.webp(), "image/jpeg"))) {
            long id = uploadAsEditor(c.name(), c.bytes());
            Image image = images.get(id);
            assertThat(image.getContentType()).as(c.name()).isEqualTo(c.type());
            mvc.perform(get(image.getUrl()).with(user(EDITOR)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", c.type()));
        }
    }

    @Test
    void refusesSvgRenamedExecutablesAndDamagedFilesWithAClearMessage() throws Exception {
        mvc.perform(upload("file", "logo.svg", TestImages.svg(), "Logo").with(user(EDITOR)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("not an image we accept")));
        mvc.perform(upload("file", "holiday.jpg", TestImages.elf(), "Holiday").with(user(EDITOR)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("not an image we accept")));
        byte[] jpeg = TestImages.jpeg(400, 300);
        mvc.perform(upload("file", "cut.jpg", java.util.Arrays.copyOf(jpeg, jpeg.length / 2), "Cut")
                        .with(user(EDITOR)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("damaged or incomplete")));
        mvc.perform(upload("file", "bomb.png", TestImages.pngClaiming(10_000, 10_000), "Bomb")
                        .with(user(EDITOR)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("10000 × 10000 pixels")));
    }

    @Test
    void requiresAltTextAndAFile() throws Exception {
        mvc.perform(upload("file", "x.jpg", TestImages.jpeg(50, 50), "").with(user(EDITOR)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Describe the image in the alt text.")));
        mvc.perform(upload("file", "", new byte[0], "Something").with(user(EDITOR)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose an image file")));
    }

    @Test
    void servesImagesAndVariantsWithImmutableCachingAndEtags() throws Exception {
        long id = uploadAsEditor("Wide Shot.jpg", TestImages.jpeg(1000, 500));
        Image image = images.get(id);
        assertThat(image.getUrl()).isEqualTo("/media/" + id + "/wide-shot.jpg");
        assertThat(image.getVariantWidths()).containsExactly(480, 960, 1000);
        // Shown on a public page (MediaVisibilityHttpTests covers how an image becomes public).
        jdbc.update("update images set public_since = now() where id = ?", id);

        MvcResult full = mvc.perform(get(image.getUrl()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn();
        String etag = full.getResponse().getHeader("ETag");
        assertThat(etag).isNotBlank();
        assertThat(TestImages.read(full.getResponse().getContentAsByteArray()).getWidth())
                .isEqualTo(1000);

        mvc.perform(get(image.getUrl()).header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", etag));

        MvcResult small = mvc.perform(get("/media/" + id + "/480/wide-shot.jpg"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("immutable")))
                .andReturn();
        BufferedImage decoded = TestImages.read(small.getResponse().getContentAsByteArray());
        assertThat(decoded.getWidth()).isEqualTo(480);
        assertThat(decoded.getHeight()).isEqualTo(240);
        assertThat(small.getResponse().getHeader("ETag")).isNotEqualTo(etag);

        mvc.perform(get("/media/" + id + "/1600/wide-shot.jpg")).andExpect(status().isNotFound());
        mvc.perform(get("/media/" + id + "/other-name.jpg"))
                .andExpect(status().isMovedPermanently())
                .andExpect(redirectedUrl(image.getUrl()));
        mvc.perform(get("/media/99999999/x.jpg")).andExpect(status().isNotFound());
    }

    @Test
    void editorsEditTheTexts() throws Exception {
        long id = uploadAsEditor("x.jpg", TestImages.jpeg(60, 60));
        mvc.perform(post("/admin/media/" + id)
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("altText", "")
                        .param("caption", "")
                        .param("credit", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Describe the image in the alt text.")));
        mvc.perform(post("/admin/media/" + id)
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("altText", "Ships in fog")
                        .param("caption", "Morning")
                        .param("credit", "J. Doe"))
                .andExpect(status().isFound());
        Image image = images.get(id);
        assertThat(image.getAltText()).isEqualTo("Ships in fog");
        assertThat(image.getCaption()).isEqualTo("Morning");
        assertThat(image.getCredit()).isEqualTo("J. Doe");
    }

    @Test
    void showsWhereAnImageIsUsedAndRefusesToDeleteItThen() throws Exception {
        long id = uploadAsEditor("face.jpg", TestImages.jpeg(200, 200));
        String slug = "photo-owner-" + UUID.randomUUID().toString().substring(0, 8);
        Author owner = authors.create(
                Actor.importing("test"), new AuthorChanges("Photo Owner", slug, "", "", id, null, List.of()));

        mvc.perform(get("/admin/media/" + id).with(user(EDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Author photo")))
                .andExpect(content().string(containsString("Photo Owner")))
                .andExpect(content().string(not(containsString("id=\"delete-image-button\""))));
        mvc.perform(post("/admin/media/" + id + "/delete").with(csrf()).with(user(EDITOR)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("cannot be deleted")));
        assertThat(images.find(id)).isPresent();
        // the author's page is public once they have a public article
        content.published(
                content.section(), List.of(owner), List.of(), clock.instant().minusSeconds(60));
        mvc.perform(get("/authors/" + slug))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/media/" + id + "/face.jpg")));
    }

    @Test
    void deletesAnUnusedImage() throws Exception {
        long id = uploadAsEditor("spare.jpg", TestImages.jpeg(100, 100));
        mvc.perform(post("/admin/media/" + id + "/delete").with(csrf()).with(user(EDITOR)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/media"));
        assertThat(images.find(id)).isEmpty();
        mvc.perform(get("/media/" + id + "/spare.jpg")).andExpect(status().isNotFound());
    }

    @Test
    void editorsSetAFeaturedImageThatTheArticlePageShows() throws Exception {
        long id = uploadAsEditor("convoy.jpg", TestImages.jpeg(1200, 600));
        mvc.perform(post("/admin/media/" + id)
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("altText", "A convoy at sea")
                        .param("caption", "Escorts in the strait")
                        .param("credit", "Navy photo"))
                .andExpect(status().isFound());
        Article article = publishedArticle("featured");

        mvc.perform(post("/admin/articles/" + article.getId() + "/featured-image")
                        .with(csrf())
                        .with(user(CONTRIBUTOR))
                        .param("featuredImageId", String.valueOf(id)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/articles/" + article.getId() + "/featured-image")
                        .with(user(EDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"featuredImageId-" + id + "\"")));
        mvc.perform(post("/admin/articles/" + article.getId() + "/featured-image")
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("featuredImageId", String.valueOf(id)))
                .andExpect(status().isFound());

        mvc.perform(get("/articles/" + article.getSlug()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<figure class=\"figure\">")))
                .andExpect(content()
                        .string(containsString("srcset=\"/media/" + id + "/480/convoy.jpg 480w, /media/" + id
                                + "/960/convoy.jpg 960w, /media/" + id + "/convoy.jpg 1200w\"")))
                .andExpect(content().string(containsString("alt=\"A convoy at sea\"")))
                .andExpect(content().string(containsString("Escorts in the strait")))
                .andExpect(content().string(containsString(">Navy photo<")))
                // Shared links and search engines get the image too (1200 wide: the original, as it is under 1600).
                .andExpect(content()
                        .string(containsString("<meta property=\"og:image\" content=\"http://localhost:8080/media/" + id
                                + "/convoy.jpg\">")))
                .andExpect(content()
                        .string(containsString("\"image\":[\"http://localhost:8080/media/" + id + "/convoy.jpg\"]")));

        mvc.perform(get("/admin/media/" + id).with(user(EDITOR)))
                .andExpect(content().string(containsString("Featured image of an article")));
        mvc.perform(post("/admin/media/" + id + "/delete").with(csrf()).with(user(EDITOR)))
                .andExpect(status().isConflict());
    }

    @Test
    void anArticleGivesItsFeaturedImageItsOwnCaptionAndCredit() throws Exception {
        long id = uploadAsEditor("harbour.jpg", TestImages.jpeg(800, 400));
        mvc.perform(post("/admin/media/" + id)
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("altText", "A harbour")
                        .param("caption", "The library caption")
                        .param("credit", "Library credit"))
                .andExpect(status().isFound());
        Article article = publishedArticle("captioned");
        String admin = "/admin/articles/" + article.getId() + "/featured-image";

        mvc.perform(post(admin)
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("featuredImageId", String.valueOf(id))
                        .param("caption", "  Rotterdam, where the cap is enforced ")
                        .param("credit", "Staff photo"))
                .andExpect(status().isFound());
        mvc.perform(get("/articles/" + article.getSlug()))
                .andExpect(content().string(containsString(">Rotterdam, where the cap is enforced<")))
                .andExpect(content().string(containsString(">Staff photo<")))
                .andExpect(content().string(not(containsString("Photo: Staff photo"))))
                .andExpect(content().string(not(containsString("The library caption"))));
        mvc.perform(get(admin).with(user(EDITOR)))
                .andExpect(content().string(containsString(">Rotterdam, where the cap is enforced</textarea>")));

        // Too long: a message on the form, with what was typed, and the saved caption kept.
        String tooLong = "x".repeat(501);
        mvc.perform(post(admin)
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("featuredImageId", String.valueOf(id))
                        .param("caption", tooLong))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("at most 500 characters")))
                .andExpect(content().string(containsString(tooLong)));
        assertThat(articleImages.get(article.getId()).getFeaturedImageCaption())
                .isEqualTo("Rotterdam, where the cap is enforced");

        // Blank: the image's own caption and credit again.
        mvc.perform(post(admin)
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("featuredImageId", String.valueOf(id))
                        .param("caption", " ")
                        .param("credit", ""))
                .andExpect(status().isFound());
        mvc.perform(get("/articles/" + article.getSlug()))
                .andExpect(content().string(containsString("The library caption")))
                .andExpect(content().string(containsString(">Library credit<")));
    }

    @Test
    void aBodyImageIsAFigureWhoseCaptionAndCreditFollowTheLibrary() throws Exception {
        long id = uploadAsEditor("cranes.jpg", TestImages.jpeg(1200, 800));
        describe(id, "Cranes over the harbour", "The harbour at dawn", "Photo: Example Agency");
        Image image = images.get(id);
        Article titled = publishedArticle(
                "figure-titled", "Before.\n\n![Cranes](" + image.getUrl() + " \"Rotterdam, 6 a.m.\")\n\nAfter.");
        Article plain = publishedArticle("figure-plain", "Before.\n\n" + image.getMarkdown() + "\n\nAfter.");

        Document page = Jsoup.parse(mvc.perform(get("/articles/" + plain.getSlug()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        Element figure = page.selectFirst(".article__body figure.figure");
        assertThat(figure).isNotNull();
        assertThat(figure.selectFirst("img").attr("srcset")).contains("/media/" + id + "/480/cranes.jpg 480w");
        assertThat(figure.selectFirst("img").attr("width")).isEqualTo("1200");
        assertThat(figure.selectFirst("img").attr("height")).isEqualTo("800");
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo("The harbour at dawn Photo: Example Agency");
        assertThat(page.text()).doesNotContainIgnoringCase("Photo: Photo:");
        mvc.perform(get("/articles/" + titled.getSlug()))
                .andExpect(content().string(containsString(">Rotterdam, 6 a.m.<")))
                .andExpect(content().string(not(containsString("The harbour at dawn"))));

        // The library's caption and credit change: the articles that show the image follow at once.
        describe(id, "Cranes over the harbour", "Cranes at first light", "Example Agency / Staff");
        mvc.perform(get("/articles/" + plain.getSlug()))
                .andExpect(content().string(containsString(">Cranes at first light<")))
                .andExpect(content().string(containsString(">Example Agency / Staff<")))
                .andExpect(content().string(not(containsString("The harbour at dawn"))));
        mvc.perform(get("/articles/" + titled.getSlug()))
                .andExpect(content().string(containsString(">Rotterdam, 6 a.m.<")))
                .andExpect(content().string(containsString(">Example Agency / Staff<")));
    }

    @Test
    void theLibrarySearchesTextsAndFileNamesAndPages() throws Exception {
        String word = "zeppelin" + System.nanoTime();
        long captioned = uploadAsEditor("airship.jpg", TestImages.jpeg(60, 40));
        describe(captioned, "An airship", "A " + word + " over the city", "");
        long named = uploadAsEditor(word + ".jpg", TestImages.jpeg(60, 40));
        long other = uploadAsEditor("tram.jpg", TestImages.jpeg(60, 40));

        Document found = Jsoup.parse(
                mvc.perform(get("/admin/media").param("q", word.toUpperCase()).with(user(EDITOR)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(found.select(".media-grid > li").eachAttr("id"))
                .containsExactly("image-" + named, "image-" + captioned);
        assertThat(found.selectFirst("#media-q").attr("value")).isEqualTo(word.toUpperCase());
        assertThat(found.select("#image-" + other)).isEmpty();

        mvc.perform(get("/admin/media").param("q", "%_nothing-like-this_%").with(user(CONTRIBUTOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No image matches")));
        mvc.perform(get("/admin/media").param("page", "0").with(user(EDITOR))).andExpect(status().isBadRequest());
        mvc.perform(get("/admin/media").param("q", "x".repeat(201)).with(user(EDITOR)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("at most 200 characters")));

        for (int i = 0; i < 24; i++) {
            uploadAsEditor("filler-" + i + ".jpg", TestImages.jpeg(20, 20));
        }
        Document first = Jsoup.parse(mvc.perform(get("/admin/media").with(user(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(first.select(".media-grid > li")).hasSize(24);
        assertThat(first.selectFirst(".pager__older").attr("href")).isEqualTo("/admin/media?page=2");
        Document second =
                Jsoup.parse(mvc.perform(get("/admin/media").param("page", "2").with(user(EDITOR)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(second.select(".media-grid > li")).isNotEmpty();
        assertThat(second.select("#image-" + other)).hasSize(1);
    }

    @Test
    void theEditorsInsertHelperSearchesTheLibrary() throws Exception {
        String word = "lighthouse" + System.nanoTime();
        long wanted = uploadAsEditor(word + ".jpg", TestImages.jpeg(60, 40));
        long other = uploadAsEditor("quay.jpg", TestImages.jpeg(60, 40));

        Document found = Jsoup.parse(
                mvc.perform(get("/admin/media/insertable").param("q", word).with(user(CONTRIBUTOR)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(found.select("button.media-insert__button").eachAttr("id"))
                .containsExactly("insert-image-" + wanted);
        assertThat(found.selectFirst("code").text())
                .isEqualTo(images.get(wanted).getMarkdown());
        assertThat(found.select("#insert-image-" + other)).isEmpty();
        mvc.perform(get("/admin/media/insertable")
                        .param("q", "no such image anywhere")
                        .with(user(CONTRIBUTOR)))
                .andExpect(content().string(containsString("No image matches")));
        mvc.perform(get("/admin/media/insertable").param("q", word)).andExpect(status().isFound());
    }

    @Test
    void theInsertHelperAndThePickerPageThroughWhatTheyFind() throws Exception {
        String word = "pages" + System.nanoTime();
        List<Long> uploaded = new java.util.ArrayList<>();
        for (int i = 0; i <= MediaPicker.PICKER_SIZE; i++) {
            uploaded.add(images.upload(
                            Actor.importing("test"),
                            TestImages.png(20, 20),
                            word + "-" + i + ".png",
                            "Pane " + i,
                            "",
                            "")
                    .getId());
        }
        long oldest = uploaded.get(0);
        long newest = uploaded.get(uploaded.size() - 1);

        // The insert helper: pages of its size, newest first, with the buttons to the neighbouring pages.
        Document first = fragment(get("/admin/media/insertable").param("q", word));
        assertThat(first.select("button.media-insert__button")).hasSize(MediaPicker.INSERT_SIZE);
        assertThat(first.select("#insert-image-" + newest)).hasSize(1);
        assertThat(first.select(".media-pages__button").eachAttr("data-page")).containsExactly("2");
        int lastInsertPage = (MediaPicker.PICKER_SIZE + 1 + MediaPicker.INSERT_SIZE - 1) / MediaPicker.INSERT_SIZE;
        Document last = fragment(get("/admin/media/insertable").param("q", word).param("page", "" + lastInsertPage));
        assertThat(last.select("#insert-image-" + oldest)).hasSize(1);
        assertThat(last.select(".media-pages__button").eachAttr("data-page"))
                .containsExactly("" + (lastInsertPage - 1));
        assertThat(last.select(".media-pages__number").text()).isEqualTo("Page " + lastInsertPage);

        // The picker: page 2 holds the oldest, and keeps the image chosen on page 1 among its choices.
        Document picked = fragment(get("/admin/media/pickable")
                .param("q", word)
                .param("field", "photoImageId")
                .param("page", "2")
                .param("selected", "" + newest));
        assertThat(picked.select("input[type=radio]").eachAttr("value")).containsExactly("" + newest, "" + oldest);
        assertThat(picked.select("input[value=" + newest + "]").hasAttr("checked"))
                .isTrue();
        assertThat(picked.select(".media-pages__button").eachAttr("data-page")).containsExactly("1");
        assertThat(fragment(get("/admin/media/pickable").param("q", word))
                        .select(".media-pages__button")
                        .eachAttr("data-page"))
                .containsExactly("2");

        // A page number that is none: a clear 400, not an error page.
        mvc.perform(get("/admin/media/pickable").param("page", "0").with(user(CONTRIBUTOR)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/admin/media/insertable").param("page", "x").with(user(CONTRIBUTOR)))
                .andExpect(status().isBadRequest());
    }

    private Document fragment(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return Jsoup.parse(mvc.perform(request.with(user(CONTRIBUTOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private void describe(long id, String altText, String caption, String credit) throws Exception {
        mvc.perform(post("/admin/media/" + id)
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("altText", altText)
                        .param("caption", caption)
                        .param("credit", credit))
                .andExpect(status().isFound());
    }

    @Test
    void insertHelperAndMarkdownKeepLibraryImages() throws Exception {
        long id = uploadAsEditor("inline.jpg", TestImages.jpeg(100, 80));
        Image image = images.get(id);
        Article article = publishedArticle("inline", "Before.\n\n" + image.getMarkdown() + "\n\nAfter.");

        mvc.perform(get("/articles/" + article.getSlug()))
                .andExpect(content().string(containsString("<img src=\"/media/" + id + "/inline.jpg\"")));
        assertThat(images.usesOf(id)).extracting(use -> use.kind()).contains("media.use.article-body");
    }

    @Test
    void photosAndFeaturedImagesCostNoExtraStatements() throws Exception {
        long photoId = uploadAsEditor("byline.jpg", TestImages.jpeg(200, 200));
        long featuredId = uploadAsEditor("lead.jpg", TestImages.jpeg(800, 400));
        List<Long> byline = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String slug = TestContent.unique("pictured");
            byline.add(authors.create(
                            Actor.importing("test"),
                            new AuthorChanges(
                                    "Pictured " + i,
                                    slug,
                                    "",
                                    "Bio.",
                                    photoId,
                                    null,
                                    List.of(new org.masthead.author.AuthorLink("Site", "https://example.org/" + i))))
                    .getId());
        }
        long sectionId = sections.all().get(0).getId();
        String slug = TestContent.unique("pictured-article");
        Article article = articles.create(
                new ArticleChanges(
                        slug, new ArticleContent("Pictured", "", "Body.", null, null), sectionId, byline, List.of()),
                Actor.importing("test"));
        articles.publish(article.getId(), TestContent.EDITOR);
        articleImages.setFeaturedImage(article.getId(), featuredId, Actor.importing("test"));
        String authorSlug = authors.get(byline.get(0)).getSlug();

        for (String page : List.of("/articles/" + slug, "/authors/" + authorSlug, "/")) {
            SqlStatementCounter.reset();
            mvc.perform(get(page)).andExpect(status().isOk());
            assertThat(SqlStatementCounter.count())
                    .as("SQL statements for %s", page)
                    .isLessThanOrEqualTo(4); // the budget of PublicPagesQueryCountTests
        }
        mvc.perform(get("/articles/" + slug))
                .andExpect(content().string(containsString("/media/" + featuredId + "/lead.jpg")))
                .andExpect(content().string(containsString("/media/" + photoId + "/byline.jpg")));
    }

    private Article publishedArticle(String prefix) {
        return publishedArticle(prefix, "Body text.");
    }

    private Article publishedArticle(String prefix, String body) {
        long sectionId = sections.all().get(0).getId();
        long authorId = authors.all().get(0).getId();
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Article article = articles.create(
                new ArticleChanges(
                        slug,
                        new ArticleContent("Title " + slug, "", body, null, null),
                        sectionId,
                        List.of(authorId),
                        List.of()),
                Actor.importing("test"));
        articles.publish(article.getId(), TestContent.EDITOR);
        return article;
    }

    private long uploadAsEditor(String name, byte[] bytes) throws Exception {
        MvcResult result = mvc.perform(
                        upload("file", name, bytes, "Alt for " + name).with(user(EDITOR)))
                .andExpect(status().isFound())
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/admin/media/");
        return Long.parseLong(location.substring("/admin/media/".length()));
    }

    private static org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder upload(
            String field, String filename, byte[] bytes, String alt) {
        return (org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder)
                multipart("/admin/media")
                        .file(new MockMultipartFile(field, filename, "image/jpeg", bytes))
                        .param("altText", alt)
                        .with(csrf());
    }
}
