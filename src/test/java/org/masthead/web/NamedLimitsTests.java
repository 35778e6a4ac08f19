package org.masthead.web;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleFixtures;
import org.masthead.article.ArticleLimits;
import org.masthead.author.AuthorLink;
import org.masthead.section.Section;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Each length limit is written once: the forms' maxlength and the database's check say what the constant says. */
@IntegrationTest
class NamedLimitsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    private Document page(String path, org.springframework.security.core.userdetails.UserDetails who) throws Exception {
        return Jsoup.parse(
                mvc.perform(get(path).with(user(who))).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theArticleFormsMaxlengthsAreTheArticleLimits() throws Exception {
        Article draft = content.draft(content.section(), List.of(content.author()), List.of());
        Document edit = page("/admin/articles/" + draft.getId(), ArticleFixtures.EDITOR);
        assertThat(edit.getElementById("title").attr("maxlength")).isEqualTo(String.valueOf(ArticleLimits.TITLE));
        assertThat(edit.getElementById("dek").attr("maxlength")).isEqualTo(String.valueOf(ArticleLimits.DEK));
        assertThat(edit.getElementById("seo-title").attr("maxlength"))
                .isEqualTo(String.valueOf(ArticleLimits.SEO_TITLE));
        Article published = content.published(
                content.section(),
                List.of(content.author()),
                List.of(),
                clock.instant().minusSeconds(3600));
        Document notes = page("/admin/articles/" + published.getId(), ArticleFixtures.EDITOR);
        assertThat(notes.getElementById("note-body").attr("maxlength")).isEqualTo(String.valueOf(ArticleLimits.NOTE));
    }

    @Test
    void theSectionAndAuthorFormsMaxlengthsAreTheirConstants() throws Exception {
        Section section = content.section();
        Document edit = page("/admin/sections/" + section.getId(), ArticleFixtures.ADMIN);
        assertThat(edit.selectFirst("textarea[name=description]").attr("maxlength"))
                .isEqualTo(String.valueOf(Section.MAX_DESCRIPTION));
        Document author = page("/admin/authors/new", ArticleFixtures.ADMIN);
        assertThat(author.select("input[type=url]"))
                .isNotEmpty()
                .allSatisfy(input ->
                        assertThat(input.attr("maxlength")).isEqualTo(String.valueOf(AuthorLink.MAX_URL_LENGTH)));
    }

    @Test
    void theDatabaseRefusesANoteOverTheLimit() {
        Article draft = content.draft(content.section(), List.of(content.author()), List.of());
        assertThatThrownBy(() -> jdbc.update(
                        "update articles set return_note = ? where id = ?",
                        "x".repeat(ArticleLimits.NOTE + 1),
                        draft.getId()))
                .hasMessageContaining("ck_articles_return_note_length");
        jdbc.update("update articles set return_note = ? where id = ?", "x".repeat(ArticleLimits.NOTE), draft.getId());
    }
}
