package org.masthead.edition;

import java.time.Duration;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The editions' admin in the shared test application, which has no SMTP server configured. */
@IntegrationTest
class EditionAdminTests {

    static final StaffUser EDITOR =
            new StaffUser(9602, "admin-editor@example.org", "Admin Editor", Role.EDITOR, "{noop}x", true);
    static final StaffUser CONTRIBUTOR =
            new StaffUser(9603, "admin-contributor@example.org", "Contributor", Role.CONTRIBUTOR, "{noop}x", true);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    MutableClock clock;

    Article published() {
        Section section = content.section();
        Author author = content.author();
        return content.published(
                section, List.of(author), List.of(), clock.instant().minus(Duration.ofHours(1)));
    }

    long startFrom(Article article) throws Exception {
        String page = mvc.perform(get("/admin/articles/{id}", article.getId()).with(user(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String href = Jsoup.parse(page).select("#send-article-link").attr("href");
        assertThat(href)
                .as("the article's page offers to send it")
                .isEqualTo("/admin/editions/new?article=" + article.getId());
        String form = mvc.perform(get(href).with(user(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(form).select("input[name=startArticle]").val())
                .isEqualTo(article.getId().toString());
        MvcResult created = mvc.perform(post("/admin/editions")
                        .param("subject", "The week in " + article.getTitle())
                        .param("audience", "ALL")
                        .param("startArticle", article.getId().toString())
                        .with(user(EDITOR))
                        .with(csrf()))
                .andReturn();
        return Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
    }

    @Test
    void anArticlesPageStartsAnEditionWhosePreviewIsTheEmailUnderASandboxingPolicy() throws Exception {
        Article article = published();
        long id = startFrom(article);
        MockHttpServletResponse preview = mvc.perform(
                        get("/admin/editions/{id}/preview", id).with(user(EDITOR)))
                .andReturn()
                .getResponse();
        assertThat(preview.getStatus()).isEqualTo(200);
        assertThat(preview.getHeader("Content-Security-Policy"))
                .isEqualTo("sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src *");
        assertThat(preview.getHeader("Cache-Control")).contains("no-store");
        Document email = Jsoup.parse(preview.getContentAsString());
        assertThat(email.select("a[href=http://localhost:8080/articles/" + article.getSlug() + "]"))
                .isNotEmpty();
        assertThat(email.text()).contains(article.getTitle());
        String text = mvc.perform(get("/admin/editions/{id}/preview.txt", id).with(user(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(text).contains(article.getTitle(), "http://localhost:8080/articles/" + article.getSlug());
    }

    @Test
    void withNoSmtpServerSendingIsRefusedWithAMessageAndATestGoesToTheLog() throws Exception {
        long id = startFrom(published());
        MvcResult send = mvc.perform(
                        post("/admin/editions/{id}/send", id).with(user(EDITOR)).with(csrf()))
                .andReturn();
        assertThat(send.getFlashMap().get("error")).isEqualTo("newsletter.edition.refused.no-smtp");
        MvcResult test = mvc.perform(
                        post("/admin/editions/{id}/test", id).with(user(EDITOR)).with(csrf()))
                .andReturn();
        assertThat(test.getFlashMap().get("notice")).isEqualTo("edition.notice.test-logged");
        String page = mvc.perform(get("/admin/editions/{id}", id).with(user(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page).select("#edition-state").attr("data-state"))
                .isEqualTo("DRAFT");
    }

    @Test
    void editionsAreForEditorsAndAdminsOnly() throws Exception {
        long id = startFrom(published());
        assertThat(mvc.perform(get("/admin/editions").with(user(CONTRIBUTOR)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/admin/editions/{id}/preview", id).with(user(CONTRIBUTOR)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/admin/editions/{id}/send", id)
                                .with(user(CONTRIBUTOR))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/admin/editions").with(user(EDITOR)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }
}
