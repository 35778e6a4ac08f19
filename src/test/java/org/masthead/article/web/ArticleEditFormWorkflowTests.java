package org.masthead.article.web;

import java.time.Instant;
import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.article.Article;
import org.masthead.article.ArticleFixtures;
import org.masthead.article.ArticleRevisions;
import org.masthead.article.ArticleService;
import org.masthead.article.ArticleStatus;
import org.masthead.author.AuthorService;
import org.masthead.section.SectionService;
import org.masthead.security.StaffUser;
import org.masthead.topic.Topic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.article.ArticleFixtures.ADMIN;
import static org.masthead.article.ArticleFixtures.CONTRIBUTOR;
import static org.masthead.article.ArticleFixtures.EDITOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The edit form's workflow buttons take the form's text with them (saved first, in the same transaction, or not at
 * all), and after an edit conflict the editor must choose: take theirs, keep mine, or merge.
 */
@IntegrationTest
class ArticleEditFormWorkflowTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleRevisions history;

    @Autowired
    SectionService sections;

    @Autowired
    AuthorService authors;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        clock.reset();
    }

    Article draftBy(StaffUser owner) {
        String slug = ArticleFixtures.uniqueSlug("flow");
        Article article = articles.create(
                ArticleFixtures.changes(
                        sections, authors, slug, "Flow " + slug, "The first paragraph.\n\nThe second paragraph.\n"),
                owner);
        return articles.forEditing(article.getId(), EDITOR);
    }

    /** The edit form as a browser posts it: every field as the page showed it, with the body as typed. */
    MockHttpServletRequestBuilder form(Article article, String body, int revision) {
        MockHttpServletRequestBuilder request = post("/admin/articles/" + article.getId())
                .with(csrf())
                .param("title", article.getTitle())
                .param("slug", article.getSlug())
                .param("dek", article.getDek())
                .param("sectionId", "" + article.getSection().getId())
                .param(
                        "topics",
                        String.join(
                                ", ",
                                article.getTopics().stream().map(Topic::getName).toList()))
                .param("bodyMarkdown", body)
                .param("revision", "" + revision);
        for (int i = 0; i < article.getAuthors().size(); i++) {
            request.param(
                    "authorIds[" + i + "]", "" + article.getAuthors().get(i).getId());
        }
        return request;
    }

    int revisionCount(Article article) {
        return jdbc.queryForObject(
                "select count(*) from article_revisions where article_id = ?", Integer.class, article.getId());
    }

    static Document html(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    // --- workflow buttons ---------------------------------------------------------------------------------------

    @Test
    void theWorkflowButtonsAreButtonsOfTheEditForm() throws Exception {
        Article article = draftBy(CONTRIBUTOR);
        Document page =
                html(mvc.perform(get("/admin/articles/" + article.getId()).with(user(EDITOR)))
                        .andExpect(status().isOk())
                        .andReturn());
        for (String id : new String[] {"submit-button", "publish-button", "schedule-button"}) {
            assertThat(page.getElementById(id).closest("form").id()).as(id).isEqualTo("article-form");
            assertThat(page.getElementById(id).attr("name")).isEqualTo("action");
        }
        // Enter in a field submits the form's first button: Save, never a workflow action.
        assertThat(page.select("#article-form button[type=submit]").first().id())
                .isEqualTo("save-button");
    }

    @Test
    void publishingTakesTheTypedTextToThePublicPage() throws Exception {
        Article article = draftBy(EDITOR);
        mvc.perform(form(article, "The first paragraph.\n\nA paragraph typed just before publishing.\n", 1)
                        .param("action", "publish")
                        .with(user(EDITOR)))
                .andExpect(redirectedUrl("/admin/articles/" + article.getId()))
                .andExpect(flash().attribute("notice", "article.notice.published"));
        Article published = articles.get(article.getId());
        assertThat(published.getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(published.getRevision()).isEqualTo(2);
        assertThat(revisionCount(article)).isEqualTo(2);
        String page = mvc.perform(get("/articles/" + article.getSlug()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("A paragraph typed just before publishing.");
    }

    @Test
    void aButtonPressedOnAnUntouchedFormMakesNoRevision() throws Exception {
        Article article = draftBy(EDITOR);
        mvc.perform(form(article, article.getBodyMarkdown().replace("\n", "\r\n"), 1)
                        .param("action", "publish")
                        .with(user(EDITOR)))
                .andExpect(flash().attribute("notice", "article.notice.published"));
        assertThat(articles.get(article.getId()).getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(revisionCount(article)).isEqualTo(1);
    }

    @Test
    void submittingAndReturningTakeTheTextToo() throws Exception {
        Article article = draftBy(CONTRIBUTOR);
        mvc.perform(form(article, "Submitted with a last sentence.", 1)
                        .param("action", "submit")
                        .with(user(CONTRIBUTOR)))
                .andExpect(flash().attribute("notice", "article.notice.submitted"));
        Article submitted = articles.forEditing(article.getId(), EDITOR);
        assertThat(submitted.getStatus()).isEqualTo(ArticleStatus.IN_REVIEW);
        assertThat(submitted.getBodyMarkdown()).isEqualTo("Submitted with a last sentence.");

        mvc.perform(form(submitted, "Returned with the editor's query inline.", 2)
                        .param("action", "return")
                        .param("note", "See my query in the second paragraph.")
                        .with(user(EDITOR)))
                .andExpect(flash().attribute("notice", "article.notice.returned"));
        Article returned = articles.get(article.getId());
        assertThat(returned.getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(returned.getBodyMarkdown()).isEqualTo("Returned with the editor's query inline.");
        assertThat(returned.getReturnNote()).isEqualTo("See my query in the second paragraph.");
    }

    @Test
    void schedulingTakesTheTextAndABadTimeKeepsItOnTheForm() throws Exception {
        Article article = draftBy(EDITOR);
        Document refused = html(mvc.perform(form(article, "Words for later.", 1)
                        .param("action", "schedule")
                        .param("date", "2020-01-01")
                        .param("time", "10:00")
                        .with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(refused.getElementById("error").text()).contains("future");
        assertThat(refused.getElementById("body").text()).isEqualTo("Words for later.");
        // Refused as a whole: the save that came first is not kept either.
        assertThat(articles.get(article.getId()).getRevision()).isEqualTo(1);
        Document invalid = html(mvc.perform(form(article, "Words for later.", 1)
                        .param("action", "schedule")
                        .param("date", "")
                        .with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(invalid.getElementById("error").text()).contains("date and a time");
        assertThat(invalid.getElementById("body").text()).isEqualTo("Words for later.");

        int year = LocalDate.now().getYear() + 2;
        mvc.perform(form(article, "Words for later.", 1)
                        .param("action", "schedule")
                        .param("date", year + "-07-01")
                        .param("time", "09:30")
                        .with(user(EDITOR)))
                .andExpect(flash().attribute("notice", "article.notice.scheduled"));
        Article scheduled = articles.get(article.getId());
        assertThat(scheduled.getStatus()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(scheduled.getScheduledAt()).isEqualTo(Instant.parse(year + "-07-01T08:30:00Z"));
        assertThat(scheduled.getBodyMarkdown()).isEqualTo("Words for later.");
    }

    @Test
    void aRefusedMoveSavesNothingAndKeepsTheText() throws Exception {
        Article article = draftBy(EDITOR);
        // "Return" fits only an article in review.
        Document page = html(mvc.perform(form(article, "Edited, then the wrong button.", 1)
                        .param("action", "return")
                        .with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.getElementById("error").text()).contains("Nothing was saved");
        assertThat(page.getElementById("body").text()).isEqualTo("Edited, then the wrong button.");
        assertThat(articles.get(article.getId()).getRevision()).isEqualTo(1);
        assertThat(articles.get(article.getId()).getStatus()).isEqualTo(ArticleStatus.DRAFT);
        // A contributor cannot publish, text or not.
        Article own = draftBy(CONTRIBUTOR);
        mvc.perform(form(own, "Mine.", 1).param("action", "publish").with(user(CONTRIBUTOR)))
                .andExpect(status().isOk());
        assertThat(articles.get(own.getId()).getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(articles.get(own.getId()).getBodyMarkdown()).doesNotContain("Mine.");
        mvc.perform(form(own, "Mine.", 1).param("action", "launch").with(user(CONTRIBUTOR)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aConflictOnTheSaveBeforeAMoveShowsTheConflictAndMovesNothing() throws Exception {
        Article article = draftBy(EDITOR);
        mvc.perform(form(article, "A colleague's fix.", 1).with(user(ADMIN))).andExpect(status().is3xxRedirection());
        Document page = html(mvc.perform(form(article, "My stale text.", 1)
                        .param("action", "publish")
                        .with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.getElementById("conflict")).isNotNull();
        assertThat(page.getElementById("body").text()).isEqualTo("My stale text.");
        Article unchanged = articles.get(article.getId());
        assertThat(unchanged.getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(unchanged.getBodyMarkdown()).isEqualTo("A colleague's fix.");
    }

    // --- conflicts are chosen ------------------------------------------------------------------------------------

    /** A saves revision 2 over B's revision 1; B's save comes back as a conflict. */
    Document conflict(Article article, String theirs, String mine) throws Exception {
        mvc.perform(form(article, theirs, 1).with(user(ADMIN))).andExpect(status().is3xxRedirection());
        return html(mvc.perform(form(article, mine, 1).with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn());
    }

    @Test
    void afterAConflictSavingAgainIsRefusedUntilTheEditorChooses() throws Exception {
        Article article = draftBy(EDITOR);
        Document page = conflict(article, "Theirs.", "Mine.");
        assertThat(page.getElementById("conflict-choices")).isNotNull();
        assertThat(page.getElementById("keep-mine-button")).isNotNull();
        assertThat(page.getElementById("take-theirs-button")).isNotNull();
        assertThat(page.getElementById("merge-button")).isNotNull();
        // Save again, as posted back from that page: still a conflict, nothing overwritten, twice over.
        for (int i = 0; i < 2; i++) {
            Document again = html(mvc.perform(
                            form(article, "Mine.", 1).param("seenRevision", "2").with(user(EDITOR)))
                    .andExpect(status().isOk())
                    .andReturn());
            assertThat(again.getElementById("conflict")).isNotNull();
            assertThat(articles.get(article.getId()).getBodyMarkdown()).isEqualTo("Theirs.");
        }
    }

    @Test
    void keepMineReplacesOnlyTheChangeTheEditorWasShown() throws Exception {
        Article article = draftBy(EDITOR);
        conflict(article, "Theirs.", "Mine.");
        // A third save lands while the editor looks at the second: keeping mine meets that one as a new conflict.
        mvc.perform(form(article, "Theirs, again.", 2).with(user(ADMIN))).andExpect(status().is3xxRedirection());
        Document again = html(mvc.perform(form(article, "Mine.", 1)
                        .param("seenRevision", "2")
                        .param("resolve", "mine")
                        .with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(again.select("#conflict .diff__inserted").text()).contains("Theirs, again.");
        assertThat(again.select("input[name=seenRevision]").val()).isEqualTo("3");
        assertThat(articles.get(article.getId()).getBodyMarkdown()).isEqualTo("Theirs, again.");

        mvc.perform(form(article, "Mine.", 1)
                        .param("seenRevision", "3")
                        .param("resolve", "mine")
                        .with(user(EDITOR)))
                .andExpect(flash().attribute("notice", "article.notice.kept-mine"));
        Article kept = articles.get(article.getId());
        assertThat(kept.getBodyMarkdown()).isEqualTo("Mine.");
        assertThat(kept.getRevision()).isEqualTo(4);
        assertThat(history.revision(article.getId(), 4).getCreatedByName()).isEqualTo(EDITOR.getDisplayName());
    }

    @Test
    void takeTheirsDropsMyTextAndWritesNothing() throws Exception {
        Article article = draftBy(EDITOR);
        conflict(article, "Theirs.", "Mine.");
        mvc.perform(form(article, "Mine.", 1)
                        .param("seenRevision", "2")
                        .param("resolve", "theirs")
                        .with(user(EDITOR)))
                .andExpect(redirectedUrl("/admin/articles/" + article.getId()))
                .andExpect(flash().attribute("notice", "article.notice.took-theirs"));
        assertThat(articles.get(article.getId()).getBodyMarkdown()).isEqualTo("Theirs.");
        assertThat(articles.get(article.getId()).getRevision()).isEqualTo(2);
    }

    @Test
    void mergingPutsBothChangesInTheFormAndSavingItMakesANewRevision() throws Exception {
        Article article = draftBy(EDITOR);
        conflict(
                article,
                "The first paragraph, fixed by A.\n\nThe second paragraph.\n",
                "The first paragraph.\n\nThe second paragraph, extended by B.\n");
        Document merged =
                html(mvc.perform(form(article, "The first paragraph.\n\nThe second paragraph, extended by B.\n", 1)
                                .param("seenRevision", "2")
                                .param("resolve", "merge")
                                .with(user(EDITOR)))
                        .andExpect(status().isOk())
                        .andReturn());
        String body = merged.getElementById("body").text();
        assertThat(body).contains("fixed by A", "extended by B").doesNotContain("<<<<<<<");
        assertThat(merged.select("input[name=revision]").val()).isEqualTo("2");
        assertThat(merged.select("input[name=seenRevision]")).isEmpty();
        assertThat(merged.getElementById("notice").text()).contains("merged");
        assertThat(articles.get(article.getId()).getRevision()).isEqualTo(2);

        mvc.perform(form(article, merged.getElementById("body").wholeText(), 2).with(user(EDITOR)))
                .andExpect(flash().attribute("notice", "article.notice.saved"));
        Article saved = articles.get(article.getId());
        assertThat(saved.getRevision()).isEqualTo(3);
        assertThat(saved.getBodyMarkdown()).contains("fixed by A", "extended by B");
    }

    @Test
    void aMergeOfTheSameLinesKeepsBothVersionsBetweenMarkersWhichASaveRefuses() throws Exception {
        Article article = draftBy(EDITOR);
        conflict(article, "A's opening.\n\nThe second paragraph.\n", "B's opening.\n\nThe second paragraph.\n");
        Document merged = html(mvc.perform(form(article, "B's opening.\n\nThe second paragraph.\n", 1)
                        .param("seenRevision", "2")
                        .param("resolve", "merge")
                        .with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn());
        String body = merged.getElementById("body").wholeText();
        assertThat(body).contains("<<<<<<< ", "B's opening.", "=======", "A's opening.", ">>>>>>> ");
        Document refused = html(mvc.perform(form(article, body, 2).with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(refused.text()).contains("merge marker lines");
        assertThat(articles.get(article.getId()).getRevision()).isEqualTo(2);
        mvc.perform(form(article, "B's opening, with A's point.\n\nThe second paragraph.\n", 2)
                        .with(user(EDITOR)))
                .andExpect(status().is3xxRedirection());
        assertThat(articles.get(article.getId()).getRevision()).isEqualTo(3);
    }
}
