package org.masthead.article.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.article.Article;
import org.masthead.article.ArticleAutosaves;
import org.masthead.article.ArticleFixtures;
import org.masthead.article.ArticleService;
import org.masthead.author.AuthorService;
import org.masthead.section.SectionService;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.article.ArticleFixtures.ADMIN;
import static org.masthead.article.ArticleFixtures.CONTRIBUTOR;
import static org.masthead.article.ArticleFixtures.EDITOR;
import static org.masthead.article.ArticleFixtures.OTHER_CONTRIBUTOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Autosave on the real database: the working copy is kept per staff member and article, one row each, never a
 * revision, bounded, with the permission to edit; the editor offers it back, and a save clears it.
 */
@IntegrationTest
class ArticleAutosaveTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleService articles;

    @Autowired
    SectionService sections;

    @Autowired
    AuthorService authors;

    @Autowired
    JdbcTemplate jdbc;

    Article draftBy(StaffUser owner) {
        String slug = ArticleFixtures.uniqueSlug("auto");
        Article article = articles.create(
                ArticleFixtures.changes(sections, authors, slug, "Auto " + slug, "The saved paragraph.\n"), owner);
        return articles.forEditing(article.getId(), EDITOR);
    }

    MockHttpServletRequestBuilder autosave(Article article, String body) {
        return post("/admin/articles/" + article.getId() + "/autosave")
                .with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("title", article.getTitle())
                .param("slug", article.getSlug())
                .param("dek", article.getDek())
                .param("sectionId", "" + article.getSection().getId())
                .param("authorIds[0]", "" + article.getAuthors().get(0).getId())
                .param("topics", "Test topic")
                .param("bodyMarkdown", body)
                .param("revision", "" + article.getRevision());
    }

    int rows(long accountId, Long articleId) {
        return articleId == null
                ? jdbc.queryForObject(
                        "select count(*) from article_autosaves where account_id = ? and article_id is null",
                        Integer.class,
                        accountId)
                : jdbc.queryForObject(
                        "select count(*) from article_autosaves where account_id = ? and article_id = ?",
                        Integer.class,
                        accountId,
                        articleId);
    }

    int revisions(Article article) {
        return jdbc.queryForObject(
                "select count(*) from article_revisions where article_id = ?", Integer.class, article.getId());
    }

    static Document html(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    @Test
    void theWorkingCopyIsKeptOnceAndNeverMakesARevision() throws Exception {
        Article article = draftBy(EDITOR);
        mvc.perform(autosave(article, "Typed, first version.").with(user(EDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.savedAt").isNotEmpty());
        mvc.perform(autosave(article, "Typed, second version.").with(user(EDITOR)))
                .andExpect(status().isOk());
        assertThat(rows(EDITOR.getAccountId(), article.getId())).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select fields from article_autosaves where account_id = ? and article_id = ?",
                        String.class,
                        EDITOR.getAccountId(),
                        article.getId()))
                .contains("Typed, second version.")
                .doesNotContain("revision");
        // Each member has their own.
        mvc.perform(autosave(article, "The admin's take.").with(user(ADMIN))).andExpect(status().isOk());
        assertThat(rows(ADMIN.getAccountId(), article.getId())).isEqualTo(1);
        Article unchanged = articles.get(article.getId());
        assertThat(unchanged.getBodyMarkdown()).isEqualTo("The saved paragraph.\n");
        assertThat(unchanged.getRevision()).isEqualTo(1);
        assertThat(revisions(article)).isEqualTo(1);
    }

    @Test
    void theEditorOffersTheNewerTextAndRestoresOrDiscardsIt() throws Exception {
        Article article = draftBy(EDITOR);
        String path = "/admin/articles/" + article.getId();
        mvc.perform(autosave(article, "A paragraph never saved.").with(user(EDITOR)))
                .andExpect(status().isOk());

        Document page = html(mvc.perform(get(path).with(user(EDITOR))).andReturn());
        assertThat(page.getElementById("autosave-offer")).isNotNull();
        assertThat(page.getElementById("autosave-restore").attr("href")).isEqualTo(path + "/autosave");
        assertThat(page.getElementById("autosave-outdated")).isNull();
        assertThat(page.select("#autosave-diff .diff__inserted").text()).isEqualTo("+ A paragraph never saved.");
        assertThat(page.select("#autosave-diff .diff__deleted").text()).contains("− The saved paragraph.");
        assertThat(page.getElementById("article-form").attr("data-autosave-paused"))
                .isEqualTo("true");
        assertThat(page.getElementById("body").text()).isEqualTo("The saved paragraph.");
        // Nobody else is offered it.
        assertThat(html(mvc.perform(get(path).with(user(ADMIN))).andReturn()).getElementById("autosave-offer"))
                .isNull();

        Document restored = html(mvc.perform(get(path + "/autosave").with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(restored.getElementById("body").text()).isEqualTo("A paragraph never saved.");
        assertThat(restored.select("input[name=revision]").val()).isEqualTo("1");
        assertThat(restored.getElementById("autosave-offer")).isNull();
        assertThat(restored.getElementById("article-form").attr("data-unsaved")).isEqualTo("true");
        assertThat(articles.get(article.getId()).getRevision()).isEqualTo(1);

        mvc.perform(post(path + "/autosave/discard").with(csrf()).with(user(EDITOR)))
                .andExpect(redirectedUrl(path))
                .andExpect(flash().attribute("notice", "article.autosave.discarded"));
        assertThat(rows(EDITOR.getAccountId(), article.getId())).isZero();
        assertThat(html(mvc.perform(get(path).with(user(EDITOR))).andReturn()).getElementById("autosave-offer"))
                .isNull();
        Document gone = html(mvc.perform(get(path + "/autosave").with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(gone.getElementById("error").text()).contains("no autosaved text");
        assertThat(gone.getElementById("body").text()).isEqualTo("The saved paragraph.");
    }

    @Test
    void aWorkingCopyThatMatchesTheSavedTextIsNotOffered() throws Exception {
        Article article = draftBy(EDITOR);
        mvc.perform(autosave(article, "The saved paragraph.\r\n").with(user(EDITOR)))
                .andExpect(status().isOk());
        Document page =
                html(mvc.perform(get("/admin/articles/" + article.getId()).with(user(EDITOR)))
                        .andReturn());
        assertThat(page.getElementById("autosave-offer")).isNull();
    }

    @Test
    void savingClearsMyWorkingCopyOnly() throws Exception {
        Article article = draftBy(EDITOR);
        mvc.perform(autosave(article, "Mine, typed.").with(user(EDITOR))).andExpect(status().isOk());
        mvc.perform(autosave(article, "The admin's, typed.").with(user(ADMIN))).andExpect(status().isOk());
        mvc.perform(post("/admin/articles/" + article.getId())
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("title", article.getTitle())
                        .param("sectionId", "" + article.getSection().getId())
                        .param("bodyMarkdown", "Mine, typed.")
                        .param("revision", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(articles.get(article.getId()).getBodyMarkdown()).isEqualTo("Mine, typed.");
        assertThat(rows(EDITOR.getAccountId(), article.getId())).isZero();
        assertThat(rows(ADMIN.getAccountId(), article.getId())).isEqualTo(1);
        // The admin's copy was typed over revision 1; the article is at 2 now: the offer says so.
        Document page =
                html(mvc.perform(get("/admin/articles/" + article.getId()).with(user(ADMIN)))
                        .andReturn());
        assertThat(page.getElementById("autosave-outdated")).isNotNull();
        // Restoring it keeps revision 1, so saving it meets the editor's change as a conflict.
        Document restored = html(mvc.perform(
                        get("/admin/articles/" + article.getId() + "/autosave").with(user(ADMIN)))
                .andReturn());
        assertThat(restored.select("input[name=revision]").val()).isEqualTo("1");
    }

    @Test
    void aNewArticlesWorkingCopyIsOfferedOnTheNewFormAndClearedByCreatingIt() throws Exception {
        jdbc.update("delete from article_autosaves where account_id = ?", CONTRIBUTOR.getAccountId());
        String title = "Unsaved " + ArticleFixtures.uniqueSlug("piece");
        mvc.perform(post("/admin/articles/new/autosave")
                        .with(csrf())
                        .with(user(CONTRIBUTOR))
                        .param("title", title)
                        .param("sectionId", "" + sections.all().get(0).getId())
                        .param("bodyMarkdown", "Typed into a new article."))
                .andExpect(status().isOk());
        assertThat(rows(CONTRIBUTOR.getAccountId(), null)).isEqualTo(1);
        Document page = html(
                mvc.perform(get("/admin/articles/new").with(user(CONTRIBUTOR))).andReturn());
        assertThat(page.getElementById("autosave-restore").attr("href")).isEqualTo("/admin/articles/new/autosave");
        assertThat(page.getElementById("article-form").attr("data-autosave-url"))
                .isEqualTo("/admin/articles/new/autosave");
        Document restored = html(mvc.perform(get("/admin/articles/new/autosave").with(user(CONTRIBUTOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(restored.getElementById("title").val()).isEqualTo(title);
        assertThat(restored.getElementById("body").text()).isEqualTo("Typed into a new article.");
        assertThat(restored.getElementById("article-form").attr("action")).isEqualTo("/admin/articles");

        mvc.perform(post("/admin/articles")
                        .with(csrf())
                        .with(user(CONTRIBUTOR))
                        .param("title", title)
                        .param("sectionId", "" + sections.all().get(0).getId())
                        .param("bodyMarkdown", "Typed into a new article."))
                .andExpect(status().is3xxRedirection());
        assertThat(rows(CONTRIBUTOR.getAccountId(), null)).isZero();
    }

    @Test
    void autosavingNeedsThePermissionToEditTheArticle() throws Exception {
        Article own = draftBy(CONTRIBUTOR);
        mvc.perform(autosave(own, "Not theirs.").with(user(OTHER_CONTRIBUTOR))).andExpect(status().isForbidden());
        mvc.perform(autosave(own, "Mine.").with(user(CONTRIBUTOR))).andExpect(status().isOk());
        articles.submit(own.getId(), CONTRIBUTOR);
        // Submitted: no longer the contributor's to change.
        mvc.perform(autosave(own, "Mine, later.").with(user(CONTRIBUTOR))).andExpect(status().isForbidden());
        mvc.perform(autosave(own, "No token.").with(csrf().useInvalidToken()).with(user(EDITOR)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/articles/" + own.getId() + "/autosave").param("bodyMarkdown", "Anonymous."))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/articles/" + own.getId() + "/autosave")
                        .with(csrf())
                        .param("bodyMarkdown", "Signed out."))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/admin/articles/999999999/autosave")
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("bodyMarkdown", "Nowhere."))
                .andExpect(status().isNotFound());
        assertThat(rows(OTHER_CONTRIBUTOR.getAccountId(), own.getId())).isZero();
    }

    @Test
    void anAutosaveLargerThanAnArticleMayBeIsRefused() throws Exception {
        Article article = draftBy(EDITOR);
        mvc.perform(autosave(article, "x".repeat(ArticleAutosaves.MAX_FIELD_LENGTH + 1))
                        .with(user(EDITOR)))
                .andExpect(status().isContentTooLarge());
        mvc.perform(autosave(article, "x".repeat(ArticleAutosaves.MAX_FIELD_LENGTH))
                        .param("seoDescription", "y".repeat(ArticleAutosaves.MAX_TOTAL_LENGTH))
                        .with(user(EDITOR)))
                .andExpect(status().isContentTooLarge());
        assertThat(rows(EDITOR.getAccountId(), article.getId())).isZero();
    }
}
