package org.masthead.article.web;

import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.article.Article;
import org.masthead.article.ArticleFixtures;
import org.masthead.article.ArticleService;
import org.masthead.article.ArticleStatus;
import org.masthead.article.TrashPurge;
import org.masthead.author.AuthorService;
import org.masthead.job.JobOutcome;
import org.masthead.job.Jobs;
import org.masthead.section.SectionService;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.article.ArticleFixtures.ADMIN;
import static org.masthead.article.ArticleFixtures.CONTRIBUTOR;
import static org.masthead.article.ArticleFixtures.EDITOR;
import static org.masthead.article.ArticleFixtures.OTHER_CONTRIBUTOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Nothing destroyed by one click: Delete moves a draft to the trash (restorable with its revisions for 30 days,
 * then purged by a background job), Unpublish, Archive and Delete ask first (a confirmation page without
 * JavaScript), and each one's notice offers an Undo.
 */
@IntegrationTest
class TrashHttpTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleService articles;

    @Autowired
    SectionService sections;

    @Autowired
    AuthorService authors;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TrashPurge purge;

    @Autowired
    Jobs jobs;

    @AfterEach
    void reset() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    Article draftBy(StaffUser owner) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(owner, null, owner.getAuthorities()));
        String slug = ArticleFixtures.uniqueSlug("trash");
        Article article = articles.create(
                ArticleFixtures.changes(sections, authors, slug, "Trash " + slug, "The first paragraph.\n"), owner);
        SecurityContextHolder.clearContext();
        return article;
    }

    ArticleStatus stateOf(Article article) {
        return ArticleStatus.valueOf(
                jdbc.queryForObject("select status from articles where id = ?", String.class, article.getId()));
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    static Document html(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    void delete(Article article, StaffUser by) throws Exception {
        mvc.perform(post("/admin/articles/" + article.getId() + "/delete")
                        .param("confirmed", "true")
                        .with(csrf())
                        .with(user(by)))
                .andExpect(redirectedUrl("/admin/articles"));
    }

    @Test
    void deleteAsksFirstThenMovesTheDraftToTheTrashAndUndoRestoresItWithItsRevisions() throws Exception {
        Article article = draftBy(EDITOR);
        articles.update(
                article.getId(),
                1,
                ArticleFixtures.changes(sections, authors, article.getSlug(), article.getTitle(), "Second words.\n"),
                EDITOR);
        String path = "/admin/articles/" + article.getId();

        // One click (a form sent without confirming, as without JavaScript) only asks.
        mvc.perform(post(path + "/delete").with(csrf()).with(user(EDITOR))).andExpect(redirectedUrl(path + "/delete"));
        assertThat(stateOf(article)).isEqualTo(ArticleStatus.DRAFT);
        Document confirm = html(mvc.perform(get(path + "/delete").with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(confirm.select("h1").text()).contains(article.getTitle());
        assertThat(confirm.select("#confirm-form input[name=confirmed]").val()).isEqualTo("true");
        assertThat(confirm.select("#confirm-form").attr("action")).isEqualTo(path + "/delete");
        assertThat(confirm.select("#cancel-link").attr("href")).isEqualTo(path);

        // In the browser's session (its cookie), the notice and its Undo are on the page the redirect lands on.
        MvcResult deleted = mvc.perform(post(path + "/delete")
                        .param("confirmed", "true")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(redirectedUrl("/admin/articles"))
                .andExpect(flash().attribute("notice", "article.notice.deleted"))
                .andExpect(flash().attribute("undo", path + "/untrash"))
                .andReturn();
        assertThat(stateOf(article)).isEqualTo(ArticleStatus.TRASHED);
        assertThat(count("select count(*) from article_revisions where article_id = ?", article.getId()))
                .isEqualTo(2);
        MvcResult listed = mvc.perform(get("/admin/articles")
                        .cookie(deleted.getResponse().getCookies())
                        .with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn();
        Document list = html(listed);
        assertThat(list.select("#notice").text())
                .as(listed.getResponse().getContentAsString())
                .contains("trash");
        assertThat(list.select("#undo").attr("action")).isEqualTo(path + "/untrash");
        assertThat(list.select("#undo input[name=_csrf]")).hasSize(1);
        assertThat(list.select("#article-table").text()).doesNotContain(article.getTitle());

        // In the trash, and nowhere public (it was never published: 404, as before).
        Document trash =
                html(mvc.perform(get("/admin/trash").with(user(EDITOR))).andReturn());
        assertThat(trash.select("#trashed-" + article.getId()).text())
                .contains(article.getTitle(), EDITOR.getDisplayName());
        mvc.perform(get("/articles/" + article.getSlug())).andExpect(status().isNotFound());

        mvc.perform(post(path + "/untrash").with(csrf()).with(user(EDITOR)))
                .andExpect(redirectedUrl(path))
                .andExpect(flash().attribute("notice", "article.notice.untrashed"));
        assertThat(stateOf(article)).isEqualTo(ArticleStatus.DRAFT);
        assertThat(count("select count(*) from article_revisions where article_id = ?", article.getId()))
                .isEqualTo(2);
        assertThat(count(
                        "select count(*) from audit_events where action = 'article.untrash' and subject like ?",
                        "article #" + article.getId() + " %"))
                .isEqualTo(1);
    }

    @Test
    void whoeverTrashedItAndEditorsMayRestoreAContributorSeesTheirOwnAndOthersSeeNothing() throws Exception {
        Article trashedByEditor = draftBy(CONTRIBUTOR);
        delete(trashedByEditor, EDITOR);
        Article trashedByOwner = draftBy(CONTRIBUTOR);
        delete(trashedByOwner, CONTRIBUTOR);

        Document own =
                html(mvc.perform(get("/admin/trash").with(user(CONTRIBUTOR))).andReturn());
        assertThat(own.select("#trashed-" + trashedByEditor.getId())).hasSize(1);
        assertThat(own.select("#untrash-" + trashedByEditor.getId())).isEmpty();
        assertThat(own.select("#untrash-" + trashedByOwner.getId())).hasSize(1);
        assertThat(own.select("#empty-trash")).isEmpty();

        Document others = html(
                mvc.perform(get("/admin/trash").with(user(OTHER_CONTRIBUTOR))).andReturn());
        assertThat(others.select("#trashed-" + trashedByEditor.getId())).isEmpty();
        assertThat(others.select("#trashed-" + trashedByOwner.getId())).isEmpty();

        mvc.perform(post("/admin/articles/" + trashedByEditor.getId() + "/untrash")
                        .with(csrf())
                        .with(user(CONTRIBUTOR)))
                .andExpect(status().isForbidden());
        assertThat(stateOf(trashedByEditor)).isEqualTo(ArticleStatus.TRASHED);
        mvc.perform(post("/admin/articles/" + trashedByOwner.getId() + "/untrash")
                        .with(csrf())
                        .with(user(OTHER_CONTRIBUTOR)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/articles/" + trashedByOwner.getId() + "/untrash")
                        .with(csrf())
                        .with(user(CONTRIBUTOR)))
                .andExpect(flash().attribute("notice", "article.notice.untrashed"));
        assertThat(stateOf(trashedByOwner)).isEqualTo(ArticleStatus.DRAFT);
        mvc.perform(post("/admin/articles/" + trashedByEditor.getId() + "/untrash")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(flash().attribute("notice", "article.notice.untrashed"));
        assertThat(stateOf(trashedByEditor)).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void aTrashedDraftCannotBeEdited() throws Exception {
        Article article = draftBy(EDITOR);
        delete(article, EDITOR);
        mvc.perform(post("/admin/articles/" + article.getId())
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("title", "Changed in the trash")
                        .param("slug", article.getSlug())
                        .param("sectionId", "" + sections.all().get(0).getId())
                        .param("bodyMarkdown", "Changed.")
                        .param("revision", "" + article.getRevision()))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select title from articles where id = ?", String.class, article.getId()))
                .isEqualTo(article.getTitle());
    }

    @Test
    void theRecurringPurgeRemovesWhatWasTrashedMoreThanThirtyDaysAgoAndAdminsMayEmptyTheTrash() throws Exception {
        assertThat(jobs.pending(TrashPurge.TYPE, "")).as("queued once at start").isEqualTo(1);
        Article old = draftBy(EDITOR);
        delete(old, EDITOR);
        clock.advance(Duration.ofDays(20));
        Article recent = draftBy(EDITOR);
        delete(recent, EDITOR);
        clock.advance(Duration.ofDays(11));

        JobOutcome outcome = purge.run(null);
        assertThat(outcome.again())
                .as("runs again in an hour")
                .isBetween(
                        clock.instant().plus(Duration.ofMinutes(59)),
                        clock.instant().plus(Duration.ofHours(1)));
        assertThat(count("select count(*) from articles where id = ?", old.getId()))
                .isZero();
        assertThat(count("select count(*) from article_revisions where article_id = ?", old.getId()))
                .isZero();
        assertThat(count(
                        "select count(*) from audit_events where action = 'article.purge' and subject like ?",
                        "article #" + old.getId() + " %"))
                .isEqualTo(1);
        assertThat(stateOf(recent)).isEqualTo(ArticleStatus.TRASHED);

        // Emptying the trash at once: admins only, and asked first.
        mvc.perform(post("/admin/trash/empty")
                        .param("confirmed", "true")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/trash/empty").with(csrf()).with(user(ADMIN)))
                .andExpect(redirectedUrl("/admin/trash/empty"));
        assertThat(stateOf(recent)).isEqualTo(ArticleStatus.TRASHED);
        Document page = html(mvc.perform(get("/admin/trash").with(user(ADMIN))).andReturn());
        assertThat(page.select("#empty-trash").attr("data-confirm")).isNotBlank();
        mvc.perform(post("/admin/trash/empty")
                        .param("confirmed", "true")
                        .with(csrf())
                        .with(user(ADMIN)))
                .andExpect(redirectedUrl("/admin/trash"))
                .andExpect(flash().attribute("notice", "trash.notice.emptied"));
        assertThat(count("select count(*) from articles where id = ?", recent.getId()))
                .isZero();
    }

    @Test
    void unpublishAndArchiveAskFirstAndTheirUndoTakesTheStepBack() throws Exception {
        Article article = draftBy(EDITOR);
        String path = "/admin/articles/" + article.getId();
        mvc.perform(post(path + "/publish").with(csrf()).with(user(EDITOR)));

        Document edit = html(mvc.perform(get(path).with(user(EDITOR))).andReturn());
        assertThat(edit.select("form[action=" + path + "/unpublish]").attr("data-confirm"))
                .contains(article.getTitle());
        assertThat(edit.select("form[action=" + path + "/archive]").attr("data-confirm"))
                .contains(article.getTitle());
        assertThat(edit.select("script[src*=confirm]")).hasSize(1);

        mvc.perform(post(path + "/unpublish").with(csrf()).with(user(EDITOR)))
                .andExpect(redirectedUrl(path + "/unpublish"));
        assertThat(stateOf(article)).isEqualTo(ArticleStatus.PUBLISHED);
        mvc.perform(get(path + "/unpublish").with(user(CONTRIBUTOR))).andExpect(status().isForbidden());
        mvc.perform(post(path + "/unpublish")
                        .param("confirmed", "true")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(flash().attribute("notice", "article.notice.unpublished"))
                .andExpect(flash().attribute("undo", path + "/publish"));
        assertThat(stateOf(article)).isEqualTo(ArticleStatus.DRAFT);
        mvc.perform(post(path + "/publish").with(csrf()).with(user(EDITOR)));
        assertThat(stateOf(article)).isEqualTo(ArticleStatus.PUBLISHED);

        mvc.perform(post(path + "/archive")
                        .param("confirmed", "true")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(flash().attribute("notice", "article.notice.archived"))
                .andExpect(flash().attribute("undo", path + "/restore"));
        assertThat(stateOf(article)).isEqualTo(ArticleStatus.ARCHIVED);
        mvc.perform(post(path + "/restore").with(csrf()).with(user(EDITOR)));
        assertThat(stateOf(article)).isEqualTo(ArticleStatus.PUBLISHED);

        // A refused step offers no Undo.
        mvc.perform(post(path + "/delete")
                        .param("confirmed", "true")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(flash().attribute("error", "article.delete.refused"))
                .andExpect(flash().attributeCount(1));
    }
}
