package org.masthead.article.web;

import java.time.Duration;
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
import org.masthead.article.ArticleService;
import org.masthead.article.ArticleStatus;
import org.masthead.author.AuthorService;
import org.masthead.section.SectionService;
import org.masthead.security.StaffSessions;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The article editor through MockMvc: forms, validation, conflicts, rescued drafts, scheduling, preview links. */
@IntegrationTest
class ArticleAdminControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffSessions staffSessions;

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

    @AfterEach
    void reset() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    long sectionId() {
        return sections.all().get(0).getId();
    }

    Article draftBy(StaffUser owner) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(owner, null, owner.getAuthorities()));
        String slug = ArticleFixtures.uniqueSlug("web");
        Article article = articles.create(
                ArticleFixtures.changes(
                        sections, authors, slug, "Web " + slug, "The first paragraph.\n\nThe second paragraph.\n"),
                owner);
        SecurityContextHolder.clearContext();
        return article;
    }

    MockHttpServletRequestBuilder save(Article article, String body, int revision) {
        return save(article, article.getSlug(), body, revision);
    }

    MockHttpServletRequestBuilder save(Article article, String slug, String body, int revision) {
        return post("/admin/articles/" + article.getId())
                .with(csrf())
                .param("title", article.getTitle())
                .param("slug", slug)
                .param("dek", "A dek")
                .param("sectionId", "" + sectionId())
                .param("bodyMarkdown", body)
                .param("revision", "" + revision);
    }

    static Document html(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    // --- the form ---------------------------------------------------------------------------------------------

    @Test
    void aContributorCreatesADraftWithASlugSuggestedFromTheTitle() throws Exception {
        String title = "Ports, Pipelines and " + ArticleFixtures.uniqueSlug("Power");
        MvcResult result = mvc.perform(post("/admin/articles")
                        .with(csrf())
                        .with(user(CONTRIBUTOR))
                        .param("title", title)
                        .param("sectionId", "" + sectionId())
                        .param("authorIds[0]", "")
                        .param("topics", "Energy, Shipping lanes")
                        .param("bodyMarkdown", "Some *Markdown*."))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        long id = Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
        Article created = articles.forEditing(id, EDITOR);
        assertThat(created.getSlug()).isEqualTo(org.masthead.slug.Slugs.slugify(title));
        assertThat(created.getCreatedBy()).isEqualTo(CONTRIBUTOR.getAccountId());
        assertThat(created.getStatus()).isEqualTo(ArticleStatus.DRAFT);
        // This contributor has no author profile of their own: the byline waits for an editor.
        assertThat(created.getAuthors()).isEmpty();
        assertThat(created.getTopics())
                .extracting(t -> t.getName())
                .containsExactlyInAnyOrder("Energy", "Shipping lanes");
        assertThat(created.getBodyHtml()).contains("<em>Markdown</em>");

        Document page = html(mvc.perform(get("/admin/articles/" + id).with(user(CONTRIBUTOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.getElementById("title").val()).isEqualTo(title);
        assertThat(page.getElementById("status").text()).isEqualTo("Draft");
        assertThat(page.getElementById("save-button")).isNotNull();
        assertThat(page.getElementById("preview-button")).isNotNull();
        assertThat(page.getElementById("submit-button")).isNotNull();
        assertThat(page.getElementById("publish-button"))
                .as("a contributor does not publish")
                .isNull();
        assertThat(page.select("meta[name=_csrf]")).hasSize(1);
    }

    @Test
    void invalidInputComesBackWithMessagesAndEverythingTyped() throws Exception {
        Article other = draftBy(EDITOR);
        Document page = html(mvc.perform(post("/admin/articles")
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("title", "")
                        .param("slug", "Not A Slug!")
                        .param("sectionId", "" + sectionId())
                        .param("seoTitle", "x".repeat(71))
                        .param("bodyMarkdown", "My precious paragraph."))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.getElementById("title-error").text()).isNotBlank();
        assertThat(page.getElementById("slug-error").text()).contains("lower-case");
        assertThat(page.getElementById("body").text()).isEqualTo("My precious paragraph.");
        assertThat(page.getElementById("slug").val()).isEqualTo("Not A Slug!");
        assertThat(page.text()).contains("at most 70 characters");

        Document taken = html(mvc.perform(post("/admin/articles")
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("title", "Another")
                        .param("slug", other.getSlug())
                        .param("sectionId", "" + sectionId())
                        .param("bodyMarkdown", "Kept."))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(taken.getElementById("slug-error").text()).contains("Another article");
        assertThat(taken.getElementById("body").text()).isEqualTo("Kept.");

        Document duplicate = html(mvc.perform(post("/admin/articles")
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("title", "Twice")
                        .param("sectionId", "" + sectionId())
                        .param("authorIds[0]", "" + authors.all().get(0).getId())
                        .param("authorIds[1]", "" + authors.all().get(0).getId()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(duplicate.text()).contains("listed twice");
    }

    @Test
    void thePreviewButtonRendersWithoutSaving() throws Exception {
        Article article = draftBy(EDITOR);
        Document page = html(mvc.perform(save(article, "A **bold** claim.", 1)
                        .param("preview", "1")
                        .with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.getElementById("preview").html()).contains("<strong>bold</strong>");
        assertThat(page.getElementById("body").text()).isEqualTo("A **bold** claim.");
        assertThat(articles.get(article.getId()).getRevision()).isEqualTo(1);

        String fragment = mvc.perform(post("/admin/articles/preview")
                        .with(csrf())
                        .with(user(CONTRIBUTOR))
                        .param("bodyMarkdown", "# Head\n\n<script>alert(1)</script>\n\n*x*"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment).contains("<em>x</em>").doesNotContain("<script>");
    }

    @Test
    void aPublishedArticlesOldSlugAnswers301() throws Exception {
        Article article = draftBy(EDITOR);
        mvc.perform(post("/admin/articles/" + article.getId() + "/publish")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(redirectedUrl("/admin/articles/" + article.getId()));
        String newSlug = ArticleFixtures.uniqueSlug("renamed");
        mvc.perform(save(article, newSlug, "Body", 1).with(user(EDITOR))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/articles/" + article.getSlug()))
                .andExpect(status().isMovedPermanently())
                .andExpect(redirectedUrl("/articles/" + newSlug));
        mvc.perform(get("/articles/" + newSlug)).andExpect(status().isOk());
        // The old slug stays reserved for the renamed article.
        Document page = html(mvc.perform(post("/admin/articles")
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("title", "Squatter")
                        .param("slug", article.getSlug())
                        .param("sectionId", "" + sectionId()))
                .andReturn());
        assertThat(page.getElementById("slug-error")).isNotNull();
    }

    // --- no lost update ---------------------------------------------------------------------------------------

    @Test
    void theSecondOfTwoConcurrentSavesGetsItsTextBackAndTheOtherChange() throws Exception {
        Article article = draftBy(EDITOR);
        // A and B both opened revision 1. A saves first.
        mvc.perform(save(article, "The first paragraph, sharpened by A.\n\nThe second paragraph.\n", 1)
                        .with(user(ADMIN)))
                .andExpect(status().is3xxRedirection());
        // B saves over revision 1: nothing is overwritten, B's text comes back with A's change.
        Document page =
                html(mvc.perform(save(article, "B rewrote everything.", 1).with(user(EDITOR)))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(page.getElementById("body").text()).isEqualTo("B rewrote everything.");
        assertThat(page.getElementById("conflict").text()).contains(ADMIN.getDisplayName());
        assertThat(page.select("#conflict .diff__inserted").text()).contains("The first paragraph, sharpened by A.");
        assertThat(page.select("#conflict .diff__deleted").text()).contains("The first paragraph.");
        assertThat(articles.get(article.getId()).getBodyMarkdown()).contains("sharpened by A");
        // The form still carries the revision B started from, and the one whose change B was shown: saving again
        // meets the conflict again; only B's explicit "keep mine" replaces A's change.
        assertThat(page.select("input[name=revision]").val()).isEqualTo("1");
        assertThat(page.select("input[name=seenRevision]").val()).isEqualTo("2");
        mvc.perform(save(article, "B rewrote everything.", 1).with(user(EDITOR)))
                .andExpect(status().isOk());
        assertThat(articles.get(article.getId()).getBodyMarkdown()).contains("sharpened by A");
        mvc.perform(save(article, "B rewrote everything.", 1)
                        .param("seenRevision", "2")
                        .param("resolve", "mine")
                        .with(user(EDITOR)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "article.notice.kept-mine"));
        assertThat(articles.get(article.getId()).getBodyMarkdown()).isEqualTo("B rewrote everything.");
        assertThat(articles.get(article.getId()).getRevision()).isEqualTo(3);
    }

    @Test
    void aSavePostedAfterTheSessionExpiredIsRescuedUntilSignInAgain() throws Exception {
        Article article = draftBy(EDITOR);
        // The editor's session was marked as theirs while it lived.
        staffSessions.mark(EXPIRED_SESSION_ID, EDITOR.getAccountId(), Duration.ofHours(4));
        // The session (and the CSRF token in it) is gone: the POST arrives anonymous, with a stale token.
        MvcResult refused = mvc.perform(post("/admin/articles/" + article.getId())
                        .with(csrf().useInvalidToken())
                        .with(expiredSession())
                        .param("title", "Words typed for an hour")
                        .param("sectionId", "" + sectionId())
                        .param("bodyMarkdown", "Every word of it.")
                        .param("revision", "1")
                        .param("authorIds[0]", "" + authors.all().get(0).getId()))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl(ArticleFormRescue.NOTICE_PATH))
                .andReturn();
        String key = (String) refused.getRequest().getAttribute(ArticleFormRescue.KEY_ATTRIBUTE);
        assertThat(key).isNotBlank();
        assertThat(articles.get(article.getId()).getTitle()).isEqualTo(article.getTitle());

        // The page the refusal forwards to links to the rescued form.
        Document notice = html(mvc.perform(get(ArticleFormRescue.NOTICE_PATH)
                        .requestAttr(ArticleFormRescue.KEY_ATTRIBUTE, key)
                        .with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(notice.getElementById("rescue-link").attr("href")).isEqualTo("/admin/articles/rescued/" + key);

        // Following it needs signing in again; then the form is back with the posted text, not yet saved.
        mvc.perform(get("/admin/articles/rescued/" + key)).andExpect(redirectedUrl("/login"));
        Document form = html(mvc.perform(get("/admin/articles/rescued/" + key).with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form.getElementById("rescued")).isNotNull();
        assertThat(form.getElementById("title").val()).isEqualTo("Words typed for an hour");
        assertThat(form.getElementById("body").text()).isEqualTo("Every word of it.");
        assertThat(form.select("#author-0 option[selected]").val())
                .isEqualTo("" + authors.all().get(0).getId());
        assertThat(form.getElementById("article-form").attr("action")).isEqualTo("/admin/articles/" + article.getId());
        // Only the one who claimed it may open it.
        mvc.perform(get("/admin/articles/rescued/" + key).with(user(ADMIN))).andExpect(status().isNotFound());
    }

    @Test
    void aNewArticlePostedWithAnExpiredTokenIsRescuedToo() throws Exception {
        MvcResult refused = mvc.perform(post("/admin/articles")
                        .with(user(CONTRIBUTOR))
                        .param("title", "Brand new piece")
                        .param("bodyMarkdown", "Its body."))
                .andExpect(status().isForbidden())
                .andReturn();
        String key = (String) refused.getRequest().getAttribute(ArticleFormRescue.KEY_ATTRIBUTE);
        Document form = html(mvc.perform(get("/admin/articles/rescued/" + key).with(user(CONTRIBUTOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form.getElementById("body").text()).isEqualTo("Its body.");
        assertThat(form.getElementById("article-form").attr("action")).isEqualTo("/admin/articles");
    }

    @Test
    void aFormPostedWithoutAnySessionKeepsNothing() throws Exception {
        long before = jdbc.queryForObject("select count(*) from draft_rescues", Long.class);
        mvc.perform(post("/admin/articles").param("title", "Forged").param("bodyMarkdown", "Spam."))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from draft_rescues", Long.class))
                .isEqualTo(before);
    }

    @Test
    void aContributorWhoseDraftWasSubmittedMeanwhileKeepsTheirText() throws Exception {
        Article article = draftBy(CONTRIBUTOR);
        mvc.perform(post("/admin/articles/" + article.getId() + "/submit")
                .with(csrf())
                .with(user(CONTRIBUTOR)));
        Document page = html(mvc.perform(save(article, "Late thoughts.", 1).with(user(CONTRIBUTOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.getElementById("error").text()).contains("Nothing was saved");
        assertThat(page.getElementById("body").text()).isEqualTo("Late thoughts.");
        assertThat(articles.get(article.getId()).getBodyMarkdown()).doesNotContain("Late thoughts.");
    }

    /**
     * A request that still carries the cookie of a session the server no longer knows. Spring Session's cookie
     * holds the session id in Base64, as a browser would send it back.
     */
    static final String EXPIRED_SESSION_ID = "expired-session";

    static org.springframework.test.web.servlet.request.RequestPostProcessor expiredSession() {
        return request -> {
            String id = java.util.Base64.getEncoder()
                    .encodeToString(EXPIRED_SESSION_ID.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            request.setCookies(new jakarta.servlet.http.Cookie("SESSION", id));
            return request;
        };
    }

    // --- workflow through the buttons -------------------------------------------------------------------------

    @Test
    void schedulingTakesTheJournalsLocalTimeAndRefusesThePast() throws Exception {
        Article article = draftBy(CONTRIBUTOR);
        String path = "/admin/articles/" + article.getId() + "/schedule";
        mvc.perform(post(path)
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("date", "2020-01-01")
                        .param("time", "10:00"))
                .andExpect(flash().attribute("error", "article.schedule.past"));
        mvc.perform(post(path)
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("date", "soon")
                        .param("time", ""))
                .andExpect(flash().attribute("error", "article.schedule.invalid"));
        assertThat(articles.get(article.getId()).getStatus()).isEqualTo(ArticleStatus.DRAFT);

        int year = LocalDate.now().getYear() + 2;
        mvc.perform(post(path)
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("date", year + "-07-01")
                        .param("time", "09:30"))
                .andExpect(flash().attribute("notice", "article.notice.scheduled"));
        Article scheduled = articles.get(article.getId());
        assertThat(scheduled.getStatus()).isEqualTo(ArticleStatus.SCHEDULED);
        // masthead.time-zone is Europe/London: 09:30 in July is 08:30 UTC.
        assertThat(scheduled.getScheduledAt()).isEqualTo(Instant.parse(year + "-07-01T08:30:00Z"));
        mvc.perform(get("/articles/" + article.getSlug())).andExpect(status().isNotFound());
    }

    @Test
    void returningADraftShowsTheNoteToItsAuthor() throws Exception {
        Article article = draftBy(CONTRIBUTOR);
        mvc.perform(post("/admin/articles/" + article.getId() + "/submit")
                        .with(csrf())
                        .with(user(CONTRIBUTOR)))
                .andExpect(flash().attribute("notice", "article.notice.submitted"));
        mvc.perform(post("/admin/articles/" + article.getId() + "/return")
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("note", "Please add a source for the tonnage figure."))
                .andExpect(flash().attribute("notice", "article.notice.returned"));
        Document page =
                html(mvc.perform(get("/admin/articles/" + article.getId()).with(user(CONTRIBUTOR)))
                        .andReturn());
        assertThat(page.getElementById("return-note").text())
                .contains("Please add a source for the tonnage figure.", EDITOR.getDisplayName());
    }

    @Test
    void aRefusedTransitionIsAMessageNotAnError() throws Exception {
        Article article = draftBy(EDITOR);
        mvc.perform(post("/admin/articles/" + article.getId() + "/archive")
                        .param("confirmed", "true")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(redirectedUrl("/admin/articles/" + article.getId()))
                .andExpect(flash().attribute("error", "article.workflow.refused"));
        mvc.perform(post("/admin/articles/" + article.getId() + "/publish")
                .with(csrf())
                .with(user(EDITOR)));
        mvc.perform(post("/admin/articles/" + article.getId() + "/delete")
                        .param("confirmed", "true")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(flash().attribute("error", "article.delete.refused"));
        mvc.perform(post("/admin/articles/999999999/publish").with(csrf()).with(user(EDITOR)))
                .andExpect(status().isNotFound());
    }

    @Test
    void correctionsAppearOnTheArticleAndBumpUpdated() throws Exception {
        Article article = draftBy(EDITOR);
        mvc.perform(post("/admin/articles/" + article.getId() + "/publish")
                .with(csrf())
                .with(user(EDITOR)));
        mvc.perform(post("/admin/articles/" + article.getId() + "/notes")
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("kind", "CORRECTION")
                        .param("body", "An earlier version gave the wrong year."))
                .andExpect(flash().attribute("notice", "article.notice.noted"));
        Document page = html(mvc.perform(get("/articles/" + article.getSlug()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select(".notes").text()).contains("Correction", "An earlier version gave the wrong year.");
        assertThat(page.select(".article__updated")).hasSize(1);
    }

    @Test
    void archivingMakesThePublicUrlGoneAndRestoringBringsItBack() throws Exception {
        Article article = draftBy(EDITOR);
        String id = "/admin/articles/" + article.getId();
        mvc.perform(post(id + "/publish").with(csrf()).with(user(EDITOR)));
        mvc.perform(get("/articles/" + article.getSlug())).andExpect(status().isOk());
        mvc.perform(
                post(id + "/archive").param("confirmed", "true").with(csrf()).with(user(EDITOR)));
        mvc.perform(get("/articles/" + article.getSlug())).andExpect(status().isGone());
        mvc.perform(post(id + "/restore").with(csrf()).with(user(ADMIN)));
        mvc.perform(get("/articles/" + article.getSlug())).andExpect(status().isOk());
        mvc.perform(
                post(id + "/unpublish").param("confirmed", "true").with(csrf()).with(user(EDITOR)));
        mvc.perform(get("/articles/" + article.getSlug())).andExpect(status().isNotFound());
    }

    // --- revisions --------------------------------------------------------------------------------------------

    @Test
    void editorsSeeADiffBetweenRevisionsAndRestoreOne() throws Exception {
        Article article = draftBy(EDITOR);
        mvc.perform(save(article, "The first paragraph.\n\nA <b>new</b> second paragraph.\n", 1)
                .with(user(EDITOR)));
        Document page = html(mvc.perform(get("/admin/articles/" + article.getId() + "/revisions")
                        .param("from", "1")
                        .param("to", "2")
                        .with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("#diff .diff__deleted").text()).contains("The second paragraph.");
        // Text in a diff is escaped, never markup.
        assertThat(page.select("#diff .diff__inserted").text()).contains("A <b>new</b> second paragraph.");
        assertThat(page.select("#diff b")).isEmpty();
        assertThat(page.select("#diff .diff__inserted mark.diff__word").text()).contains("new");
        assertThat(page.select("#diff .diff__inserted mark.diff__word").text()).doesNotContain("paragraph");
        assertThat(page.select("#revision-2 td").get(1).text()).isEqualTo(EDITOR.getDisplayName());

        mvc.perform(post("/admin/articles/" + article.getId() + "/revisions/1/restore")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(flash().attribute("notice", "article.notice.revision-restored"));
        Article restored = articles.get(article.getId());
        assertThat(restored.getRevision()).isEqualTo(3);
        assertThat(restored.getBodyMarkdown()).contains("The second paragraph.");
    }

    // --- lists and dashboard ----------------------------------------------------------------------------------

    @Test
    void theListFiltersSortsAndPagesAndContributorsSeeTheirOwn() throws Exception {
        Article mine = draftBy(CONTRIBUTOR);
        Article theirs = draftBy(OTHER_CONTRIBUTOR);
        String token = mine.getSlug().substring(mine.getSlug().lastIndexOf('-') + 1);
        Document editorView =
                html(mvc.perform(get("/admin/articles").param("q", token).with(user(EDITOR)))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(editorView.getElementById("article-row-" + mine.getId())).isNotNull();
        assertThat(editorView.getElementById("article-row-" + theirs.getId())).isNull();
        assertThat(editorView.getElementById("article-count").text()).isEqualTo("1 article");

        Document published = html(mvc.perform(get("/admin/articles")
                        .param("status", "PUBLISHED")
                        .param("sort", "published")
                        .with(user(EDITOR)))
                .andReturn());
        assertThat(published.getElementById("article-row-" + mine.getId())).isNull();
        assertThat(published.select("tbody tr")).isNotEmpty();

        Document contributorView =
                html(mvc.perform(get("/admin/articles").param("sort", "title").with(user(CONTRIBUTOR)))
                        .andReturn());
        assertThat(contributorView.getElementById("article-row-" + mine.getId()))
                .isNotNull();
        assertThat(contributorView.getElementById("article-row-" + theirs.getId()))
                .isNull();

        String many = ArticleFixtures.uniqueSlug("many");
        for (int i = 0; i < ArticleEditorController.PAGE_SIZE + 2; i++) {
            SecurityContextHolder.getContext()
                    .setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(EDITOR, null, EDITOR.getAuthorities()));
            articles.create(
                    ArticleFixtures.changes(sections, authors, many + "-" + i, "Many " + many + " " + i, ""), EDITOR);
        }
        Document paged = html(mvc.perform(get("/admin/articles")
                        .param("q", many)
                        .param("sort", "title")
                        .param("page", "2")
                        .with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(paged.getElementById("article-count").text())
                .isEqualTo((ArticleEditorController.PAGE_SIZE + 2) + " articles");
        assertThat(paged.select(".pager__current").text()).isEqualTo("Page 2 of 2");
        assertThat(paged.select("tbody tr")).hasSize(2);
        assertThat(paged.getElementById("page-previous").attr("href")).contains("q=" + many, "page=1", "sort=title");
    }

    @Test
    void theDashboardShowsMyDraftsAndTheQueues() throws Exception {
        Article mine = draftBy(CONTRIBUTOR);
        Article review = draftBy(OTHER_CONTRIBUTOR);
        mvc.perform(post("/admin/articles/" + review.getId() + "/submit")
                .with(csrf())
                .with(user(OTHER_CONTRIBUTOR)));
        Document contributor = html(mvc.perform(get("/admin").with(user(CONTRIBUTOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(contributor.getElementById("my-drafts").text()).contains(mine.getTitle());
        assertThat(contributor.getElementById("awaiting-review").text()).doesNotContain(review.getTitle());
        Document editor = html(mvc.perform(get("/admin").with(user(EDITOR)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(editor.getElementById("awaiting-review").text()).contains(review.getTitle());
        assertThat(editor.getElementById("recently-published").select("li")).isNotEmpty();
    }

    // --- preview links ----------------------------------------------------------------------------------------

    @Test
    void aPreviewLinkShowsTheDraftPrivatelyUntilRevokedOrExpired() throws Exception {
        Article article = draftBy(CONTRIBUTOR);
        MvcResult created = mvc.perform(post("/admin/articles/" + article.getId() + "/preview-links")
                        .with(csrf())
                        .with(user(CONTRIBUTOR)))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String url = (String) created.getFlashMap().get("previewUrl");
        String path = url.substring(url.indexOf("/preview/"));
        assertThat(path.substring("/preview/".length())).matches("[A-Za-z0-9_-]{43}");

        MvcResult shown = mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn();
        assertThat(shown.getRequest().getSession(false)).isNull();
        Document page = html(shown);
        assertThat(page.select("meta[name=robots]").attr("content")).contains("noindex");
        assertThat(page.getElementById("preview-banner")).isNotNull();
        assertThat(page.select("h1.article__title").text()).isEqualTo(article.getTitle());
        assertThat(page.select("input[name=_csrf]")).isEmpty();
        // The public URL still knows nothing of it.
        mvc.perform(get("/articles/" + article.getSlug())).andExpect(status().isNotFound());

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        mvc.perform(get(path)).andExpect(status().isNotFound());
        clock.reset();

        long linkId = jdbc.queryForObject(
                "select max(id) from preview_links where article_id = ?", Long.class, article.getId());
        mvc.perform(post("/admin/articles/" + article.getId() + "/preview-links/" + linkId + "/revoke")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(path)).andExpect(status().isNotFound());
        mvc.perform(get("/preview/not-a-token")).andExpect(status().isNotFound());
    }
}
