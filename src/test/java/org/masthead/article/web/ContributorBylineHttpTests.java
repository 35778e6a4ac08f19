package org.masthead.article.web;

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
import org.masthead.author.Author;
import org.masthead.author.AuthorChanges;
import org.masthead.author.AuthorService;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.article.ArticleFixtures.EDITOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A contributor's piece is signed by their own author profile unless an editor changes it: the one Save refuses
 * a contributor's byline naming anyone else (an editor's choice already on the article excepted), with the reason
 * on the field and nothing written; an editor signs as they like.
 */
@IntegrationTest
class ContributorBylineHttpTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    AuthorService authors;

    @Autowired
    ArticleService articles;

    @Autowired
    JdbcTemplate jdbc;

    record Contributor(StaffUser user, Author own) {}

    Contributor contributor() {
        long account = content.account(Role.CONTRIBUTOR);
        StaffUser user =
                new StaffUser(account, "sign-" + account + "@example.org", "Sign", Role.CONTRIBUTOR, "{noop}x", true);
        Author own = authors.create(
                Actor.importing("test"),
                new AuthorChanges("Signer " + account, "signer-" + account, "", "", null, account, List.of()));
        return new Contributor(user, own);
    }

    MockHttpServletRequestBuilder newArticle(StaffUser as, String title, Long... authorIds) {
        MockHttpServletRequestBuilder request = post("/admin/articles")
                .with(csrf())
                .with(user(as))
                .param("title", title)
                .param("sectionId", "" + content.section().getId())
                .param("bodyMarkdown", "Words of my own.");
        for (int i = 0; i < authorIds.length; i++) {
            request.param("authorIds[" + i + "]", "" + authorIds[i]);
        }
        return request;
    }

    MockHttpServletRequestBuilder save(StaffUser as, Article article, String body, Long... authorIds) {
        MockHttpServletRequestBuilder request = post("/admin/articles/" + article.getId())
                .with(csrf())
                .with(user(as))
                .param("title", article.getTitle())
                .param("slug", article.getSlug())
                .param("sectionId", "" + article.getSection().getId())
                .param("bodyMarkdown", body)
                .param("revision", "" + articles.get(article.getId()).getRevision());
        for (int i = 0; i < authorIds.length; i++) {
            request.param("authorIds[" + i + "]", "" + authorIds[i]);
        }
        return request;
    }

    long countTitled(String title) {
        return jdbc.queryForObject("select count(*) from articles where title = ?", Long.class, title);
    }

    List<Long> bylineOf(Article article) {
        return jdbc.queryForList(
                "select author_id from article_authors where article_id = ? order by position",
                Long.class,
                article.getId());
    }

    @Test
    void aContributorCannotCreateADraftSignedByAColleague() throws Exception {
        Contributor me = contributor();
        Author colleague = content.author();
        String title = TestContent.unique("Signed by a colleague");

        Document page = Jsoup.parse(mvc.perform(newArticle(me.user(), title, colleague.getId()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select(".authors .field__error").text()).contains("Sign with your own author profile");
        assertThat(page.select("#body").text()).isEqualTo("Words of my own.");
        assertThat(countTitled(title)).isZero();

        // Signed by their own profile, it is saved.
        mvc.perform(newArticle(me.user(), title, me.own().getId())).andExpect(status().is3xxRedirection());
        assertThat(countTitled(title)).isEqualTo(1);
    }

    @Test
    void aContributorKeepsTheBylineAnEditorSetButAddsNoOneElse() throws Exception {
        Contributor me = contributor();
        Author chosenByEditor = content.author();
        Author another = content.author();
        Article draft = articles.create(
                new ArticleChanges(
                        null,
                        new ArticleContent(TestContent.unique("Byline draft"), "", "First words.", null, null),
                        content.section().getId(),
                        List.of(me.own().getId()),
                        List.of()),
                me.user());

        // The contributor cannot name another author on their own draft.
        mvc.perform(save(me.user(), draft, "Second words.", another.getId())).andExpect(status().isOk());
        assertThat(bylineOf(draft)).containsExactly(me.own().getId());
        assertThat(articles.get(draft.getId()).getBodyMarkdown()).isEqualTo("First words.");

        // An editor may change the byline.
        mvc.perform(save(
                        EDITOR,
                        draft,
                        "Edited words.",
                        chosenByEditor.getId(),
                        me.own().getId()))
                .andExpect(status().is3xxRedirection());
        assertThat(bylineOf(draft))
                .containsExactly(chosenByEditor.getId(), me.own().getId());

        // Then the contributor saves again, keeping it (or part of it): allowed.
        mvc.perform(save(
                        me.user(),
                        draft,
                        "My words again.",
                        chosenByEditor.getId(),
                        me.own().getId()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(save(me.user(), draft, "My words again, shorter.", chosenByEditor.getId()))
                .andExpect(status().is3xxRedirection());
        assertThat(bylineOf(draft)).containsExactly(chosenByEditor.getId());

        // Adding someone else is still refused.
        mvc.perform(save(me.user(), draft, "Sneaked in.", chosenByEditor.getId(), another.getId()))
                .andExpect(status().isOk());
        assertThat(bylineOf(draft)).containsExactly(chosenByEditor.getId());
        assertThat(articles.get(draft.getId()).getBodyMarkdown()).isEqualTo("My words again, shorter.");
    }
}
