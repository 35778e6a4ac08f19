package org.masthead.article.web;

import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.author.AuthorChanges;
import org.masthead.author.AuthorService;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.article.ArticleFixtures.EDITOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Guards an editor expects: a contributor's new draft signed by their own author profile, a published article's
 * save status saying that edits are not live until Update, and no stale "Returned with a note" after publication.
 */
@IntegrationTest
class EditorGuardsHttpTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    AuthorService authors;

    Document page(String path, StaffUser as) throws Exception {
        return Jsoup.parse(
                mvc.perform(get(path).with(user(as))).andReturn().getResponse().getContentAsString());
    }

    @Test
    void aContributorsNewDraftIsSignedByTheirOwnAuthorProfile() throws Exception {
        long account = content.account(Role.CONTRIBUTOR);
        StaffUser contributor =
                new StaffUser(account, "own-" + account + "@example.org", "Own", Role.CONTRIBUTOR, "{noop}x", true);
        Author own = authors.create(
                Actor.importing("test"),
                new AuthorChanges(
                        "Own Profile " + account, "own-profile-" + account, "", "", null, account, List.of()));
        content.author(); // another author the byline could name

        Document form = page("/admin/articles/new", contributor);
        assertThat(form.select("#author-0 option[selected]").val()).isEqualTo("" + own.getId());
        assertThat(form.select("#author-1 option[selected]").val()).isEmpty();

        // An editor's new article names nobody for them.
        assertThat(page("/admin/articles/new", EDITOR)
                        .select("#author-0 option[selected]")
                        .val())
                .isEmpty();
    }

    @Test
    void aPublishedArticlesSaveStatusSaysEditsAreNotLiveUntilUpdate() throws Exception {
        Article published = content.published(content.section(), List.of(content.author()), List.of(), Instant.now());
        Document live = page("/admin/articles/" + published.getId(), EDITOR);
        assertThat(live.select("#save-button").text()).isEqualTo("Update");
        assertThat(live.select("#autosave-status").attr("data-saved-now"))
                .startsWith("Published · your edits are not live until Update");

        Article draft = content.draft(content.section(), List.of(content.author()), List.of());
        Document editing = page("/admin/articles/" + draft.getId(), EDITOR);
        assertThat(editing.select("#save-button").text()).isEqualTo("Save");
        assertThat(editing.select("#autosave-status").attr("data-saved-now")).isEqualTo("Saved · just now");
    }

    @Test
    void theReturnedWithANoteBannerLeavesOncePublished() throws Exception {
        Article draft = content.draft(content.section(), List.of(content.author()), List.of());
        String path = "/admin/articles/" + draft.getId();
        mvc.perform(post(path + "/submit").with(csrf()).with(user(EDITOR)));
        mvc.perform(post(path + "/return")
                .param("note", "Please add a source.")
                .with(csrf())
                .with(user(EDITOR)));
        assertThat(page(path, EDITOR).select("#return-note").text()).contains("Please add a source.");
        mvc.perform(post(path + "/publish").with(csrf()).with(user(EDITOR)));
        assertThat(page(path, EDITOR).select("#return-note")).isEmpty();
    }
}
