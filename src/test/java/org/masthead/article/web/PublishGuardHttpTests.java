package org.masthead.article.web;

import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleService;
import org.masthead.article.ArticleStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.article.ArticleFixtures.EDITOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Publish and Schedule are refused, with the form and its text kept and the reason on the field, when the article
 * has no author or a body picture without alt text; a published article with either is only warned.
 */
@IntegrationTest
class PublishGuardHttpTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    ArticleService articles;

    @Autowired
    JdbcTemplate jdbc;

    ArticleStatus stateOf(Article article) {
        return ArticleStatus.valueOf(
                jdbc.queryForObject("select status from articles where id = ?", String.class, article.getId()));
    }

    MockHttpServletRequestBuilder publishForm(Article article, String body, Long authorId) {
        MockHttpServletRequestBuilder request = post("/admin/articles/" + article.getId())
                .with(csrf())
                .with(user(EDITOR))
                .param("title", article.getTitle())
                .param("slug", article.getSlug())
                .param("sectionId", "" + article.getSection().getId())
                .param("bodyMarkdown", body)
                .param("revision", "" + article.getRevision())
                .param("action", "publish");
        return authorId == null ? request : request.param("authorIds[0]", "" + authorId);
    }

    @Test
    void publishWithoutAnAuthorIsRefusedWithTheTextKeptAndTheReasonOnTheField() throws Exception {
        Article draft = content.draft(content.section(), List.of(content.author()), List.of());
        Document page = Jsoup.parse(mvc.perform(publishForm(draft, "My unsaved words.", null))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("#body").text()).isEqualTo("My unsaved words.");
        assertThat(page.select(".field__error").text()).contains("Choose at least one author");
        assertThat(page.select("#error").text()).contains("Not published");
        assertThat(stateOf(draft)).isEqualTo(ArticleStatus.DRAFT);
        assertThat(articles.get(draft.getId()).getBodyMarkdown()).isNotEqualTo("My unsaved words.");

        // The workflow's own Publish button is refused the same way.
        Article bylineless = content.draft(content.section(), List.of(content.author()), List.of());
        articles.update(
                bylineless.getId(),
                bylineless.getRevision(),
                new ArticleChanges(
                        bylineless.getSlug(),
                        new ArticleContent(bylineless.getTitle(), "", "A body.", null, null),
                        bylineless.getSection().getId(),
                        List.of(),
                        List.of()),
                EDITOR);
        mvc.perform(post("/admin/articles/" + bylineless.getId() + "/publish")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(flash().attribute("error", "article.publish.no-author"));
        assertThat(stateOf(bylineless)).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void aBodyPictureWithoutAltTextRefusesPublishAndScheduleButAPublishedArticleIsOnlyWarned() throws Exception {
        long author = content.author().getId();
        Article draft = content.draft(content.section(), List.of(content.author()), List.of());
        Document page = Jsoup.parse(mvc.perform(publishForm(draft, "Text.\n\n![](/media/1/x.jpg)\n", author))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select(".field__error").text()).contains("no alt text");
        assertThat(page.select("#body").text()).contains("![](/media/1/x.jpg)");
        assertThat(stateOf(draft)).isEqualTo(ArticleStatus.DRAFT);

        mvc.perform(post("/admin/articles/" + draft.getId())
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("title", draft.getTitle())
                        .param("slug", draft.getSlug())
                        .param("sectionId", "" + draft.getSection().getId())
                        .param("bodyMarkdown", "Text.\n\n![ ](/media/1/x.jpg)\n")
                        .param("authorIds[0]", "" + author)
                        .param("revision", "" + draft.getRevision())
                        .param("action", "schedule")
                        .param("date", "2099-01-15")
                        .param("time", "09:30"))
                .andExpect(status().isOk());
        assertThat(stateOf(draft)).isEqualTo(ArticleStatus.DRAFT);

        // With alt text it publishes.
        mvc.perform(publishForm(draft, "Text.\n\n![A crane at dusk](/media/1/x.jpg)\n", author))
                .andExpect(status().is3xxRedirection());
        assertThat(stateOf(draft)).isEqualTo(ArticleStatus.PUBLISHED);

        // Already published: a picture without alt text is saved, with a warning on the page.
        Article published = content.published(content.section(), List.of(content.author()), List.of(), Instant.now());
        mvc.perform(post("/admin/articles/" + published.getId())
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("title", published.getTitle())
                        .param("slug", published.getSlug())
                        .param("sectionId", "" + published.getSection().getId())
                        .param("bodyMarkdown", "Text.\n\n![](/media/1/x.jpg)\n")
                        .param("authorIds[0]", "" + author)
                        .param("revision", "" + published.getRevision()))
                .andExpect(status().is3xxRedirection());
        Document warned = Jsoup.parse(
                mvc.perform(get("/admin/articles/" + published.getId()).with(user(EDITOR)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(warned.select("#publish-warning-IMAGE_WITHOUT_ALT").text()).contains("no alt text");
        assertThat(stateOf(published)).isEqualTo(ArticleStatus.PUBLISHED);
    }
}
