package org.masthead.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.masthead.HttpPage;
import org.masthead.HttpTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleFixtures;
import org.masthead.author.Author;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.section.Section;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Input that used to answer 500: a NUL character in a text field, page numbers whose offset overflows, list
 * indexes past any form's rows, a schedule date in the year 999999999. Each gets a message where it came from,
 * and the text typed in a form is shown again.
 */
@HttpTest
class BadInputTests {

    static final String TYPED = "Before\u0000after";
    static final String NUL_MESSAGE = "NUL character";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    ImageService images;

    @Autowired
    MutableClock clock;

    @Autowired
    org.springframework.context.MessageSource messages;

    @Test
    void aNulInAnArticleFieldIsRefusedOnTheFieldWithTheTextKept() throws Exception {
        Section section = content.section();
        for (String field : List.of("title", "dek", "topics", "bodyMarkdown", "seoTitle", "seoDescription")) {
            Map<String, String> values = new java.util.HashMap<>(Map.of(
                    "title", "A title",
                    "dek", "",
                    "sectionId", "" + section.getId(),
                    "topics", "",
                    "bodyMarkdown", "Some text.",
                    "seoTitle", "",
                    "seoDescription", ""));
            values.put(field, TYPED);
            MockHttpServletRequestBuilder request =
                    post("/admin/articles").with(csrf()).with(user(ArticleFixtures.CONTRIBUTOR));
            values.forEach(request::param);
            assertRefusedOnField(request, field);
        }
    }

    @Test
    void aNulInSectionAuthorImageAndAccountFieldsIsRefusedOnTheField() throws Exception {
        StaffUser admin = ArticleFixtures.ADMIN;
        for (String field : List.of("name", "description", "disclaimer", "newsletterCta")) {
            Map<String, String> values = new java.util.HashMap<>(Map.of("name", "A section", "position", "0"));
            values.put(field, TYPED);
            MockHttpServletRequestBuilder request =
                    post("/admin/sections").with(csrf()).with(user(admin));
            values.forEach(request::param);
            assertRefusedOnField(request, field);
        }
        for (String field : List.of("name", "titleLine", "bioMarkdown", "links[0].label", "links[0].url")) {
            Map<String, String> values = new java.util.HashMap<>(Map.of("name", "An author"));
            values.put(field, TYPED);
            MockHttpServletRequestBuilder request =
                    post("/admin/authors").with(csrf()).with(user(admin));
            values.forEach(request::param);
            assertRefusedOnField(request, field);
        }
        long imageId = images.upload(Actor.importing("test"), TestImages.jpeg(40, 30), "nul.jpg", "Alt", "", "")
                .getId();
        for (String field : List.of("altText", "caption", "credit")) {
            Map<String, String> values = new java.util.HashMap<>(Map.of("altText", "Alt text", "version", "0"));
            values.put(field, TYPED);
            MockHttpServletRequestBuilder request =
                    post("/admin/media/" + imageId).with(csrf()).with(user(admin));
            values.forEach(request::param);
            assertRefusedOnField(request, field);
        }
        long accountId = content.account(Role.CONTRIBUTOR);
        assertRefusedOnField(
                post("/admin/accounts/" + accountId + "/details")
                        .with(csrf())
                        .with(user(admin))
                        .param("email", "someone-" + accountId + "@example.org")
                        .param("displayName", TYPED),
                "displayName");
    }

    @Test
    void aNulInANewPasswordIsRefused() throws Exception {
        MvcResult result = mvc.perform(post("/admin/password")
                        .with(csrf())
                        .with(user(ArticleFixtures.EDITOR))
                        .param("currentPassword", "whatever it is")
                        .param("newPassword", "a long pass\u0000phrase here")
                        .param("confirmPassword", "a long pass\u0000phrase here"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isLessThan(500);
        assertThat(result.getResponse().getContentAsString()).contains(NUL_MESSAGE);
    }

    @Test
    void aNulInANoteGetsAMessageNotAFailure() throws Exception {
        Article draft = content.draft(content.section(), List.of(content.author()), List.of());
        MvcResult result = mvc.perform(post("/admin/articles/" + draft.getId() + "/notes")
                        .with(csrf())
                        .with(user(ArticleFixtures.EDITOR))
                        .param("kind", "CORRECTION")
                        .param("body", TYPED))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains(NUL_MESSAGE);
    }

    @Test
    void aNulInASearchOrListFilterIsReadAsASpace() throws Exception {
        assertThat(mvc.perform(get("/search").param("q", "\u0000nul"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/admin/articles").param("q", "a\u0000b").with(user(ArticleFixtures.EDITOR)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void pageNumbersPastAnyOffsetAreNotFound() {
        Section section = content.section();
        Author author = content.author();
        String topic = TestContent.unique("Overflow");
        content.published(
                section, List.of(author), List.of(topic), clock.instant().minus(Duration.ofHours(1)));
        for (String path : List.of(
                "/sections/" + section.getSlug(),
                "/authors/" + author.getSlug(),
                "/topics/" + org.masthead.slug.Slugs.slugify(topic))) {
            for (String page : List.of("2147483647", "214748365", "1000000000")) {
                int status = HttpPage.get(port, path + "?page=" + page).statusCode();
                assertThat(status).as(path + "?page=" + page).isEqualTo(404);
            }
        }
    }

    @Test
    void adminListPagesPastAnyOffsetAreNotFound() throws Exception {
        for (String path : List.of("/admin/articles", "/admin/audit", "/admin/subscribers")) {
            int status = mvc.perform(get(path).param("page", "2147483647").with(user(ArticleFixtures.ADMIN)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(path).isEqualTo(404);
        }
    }

    @Test
    void anIndexPastAnyFormsRowsGetsA400WithAMessage() throws Exception {
        Section section = content.section();
        MvcResult article = mvc.perform(post("/admin/articles")
                        .with(csrf())
                        .with(user(ArticleFixtures.CONTRIBUTOR))
                        .param("title", "Rows")
                        .param("sectionId", "" + section.getId())
                        .param("bodyMarkdown", "Text.")
                        .param("authorIds[300]", "1"))
                .andReturn();
        assertThat(article.getResponse().getStatus()).isEqualTo(400);
        assertThat(article.getResponse().getContentAsString()).contains("more rows than it can have");
        MvcResult author = mvc.perform(post("/admin/authors")
                        .with(csrf())
                        .with(user(ArticleFixtures.ADMIN))
                        .param("name", "Rows")
                        .param("links[500].url", "https://example.org"))
                .andReturn();
        assertThat(author.getResponse().getStatus()).isEqualTo(400);
        assertThat(author.getResponse().getContentAsString()).contains("more rows than it can have");
    }

    @Test
    void aScheduleDateBeyondTheYear9999GetsAMessage() throws Exception {
        Article draft = content.draft(content.section(), List.of(content.author()), List.of());
        MvcResult result = mvc.perform(post("/admin/articles/" + draft.getId() + "/schedule")
                        .with(csrf())
                        .with(user(ArticleFixtures.EDITOR))
                        .param("date", "+999999999-12-31")
                        .param("time", "09:00"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getFlashMap().get("error")).isEqualTo("article.schedule.too-far");
        assertThat(messages.getMessage("article.schedule.too-far", null, java.util.Locale.ENGLISH))
                .contains("before the year 10000");
    }

    private void assertRefusedOnField(MockHttpServletRequestBuilder request, String field) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString();
        assertThat(status).as(field).isBetween(200, 499).isNotEqualTo(302);
        Document page = Jsoup.parse(body);
        Element input = page.getElementById(field);
        if (input == null) {
            input = page.selectFirst("[name=\"" + field + "\"]");
        }
        assertThat(input).as("the field %s on the page", field).isNotNull();
        String value = input.tagName().equals("textarea") ? input.text() : input.attr("value");
        assertThat(value).as("%s kept", field).startsWith("Before").endsWith("after");
        assertThat(body).as("message for %s", field).contains(NUL_MESSAGE);
    }
}
