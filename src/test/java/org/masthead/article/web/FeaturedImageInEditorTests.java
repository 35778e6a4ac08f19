package org.masthead.article.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.article.Article;
import org.masthead.article.ArticleFixtures;
import org.masthead.article.ArticleImages;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.section.SectionService;
import org.masthead.security.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.article.ArticleFixtures.ADMIN;
import static org.masthead.article.ArticleFixtures.CONTRIBUTOR;
import static org.masthead.article.ArticleFixtures.EDITOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The featured image is chosen on the edit page itself, a new article's included (before its first save), from
 * the library's picker (radio buttons: no JavaScript needed); a form that does not carry the choice leaves it.
 */
@IntegrationTest
class FeaturedImageInEditorTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ImageService images;

    @Autowired
    ArticleImages articleImages;

    @Autowired
    SectionService sections;

    @Autowired
    JdbcTemplate jdbc;

    private Image picture(String name) {
        return images.upload(
                Actor.importing("test"), TestImages.jpeg(900, 600), name + ".jpg", "Picture " + name, "", "");
    }

    @Test
    void aNewArticleGetsItsFeaturedImageWithItsFirstSave() throws Exception {
        Image picture = picture("first-save");
        Document form = Jsoup.parse(mvc.perform(get("/admin/articles/new").with(user(CONTRIBUTOR)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(form.select("#featured-image-choice input[type=radio][name=featuredImageId][value=" + picture.getId()
                        + "]"))
                .hasSize(1);

        String slug = ArticleFixtures.uniqueSlug("featured");
        MvcResult created = mvc.perform(post("/admin/articles")
                        .with(user(CONTRIBUTOR))
                        .with(csrf())
                        .param("title", "Featured " + slug)
                        .param("slug", slug)
                        .param("sectionId", "" + sections.all().get(0).getId())
                        .param("bodyMarkdown", "A body.")
                        .param("featuredImagePicked", "true")
                        .param("featuredImageId", "" + picture.getId()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll("\\D+", ""));
        Article article = articleImages.get(id);
        assertThat(article.getFeaturedImage().getId()).isEqualTo(picture.getId());

        // The edit page shows it chosen.
        Document edit = Jsoup.parse(mvc.perform(get("/admin/articles/" + id).with(user(CONTRIBUTOR)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(edit.select("#featuredImageId-" + picture.getId()).attr("checked"))
                .isNotNull();
        assertThat(edit.select("#featuredImageId-" + picture.getId()).hasAttr("checked"))
                .isTrue();
    }

    @Test
    void savingTheEditFormChangesOrKeepsTheFeaturedImage() throws Exception {
        Image first = picture("first");
        Image second = picture("second");
        String slug = ArticleFixtures.uniqueSlug("featured-edit");
        MvcResult created = mvc.perform(post("/admin/articles")
                        .with(user(EDITOR))
                        .with(csrf())
                        .param("title", "Edited " + slug)
                        .param("slug", slug)
                        .param("sectionId", "" + sections.all().get(0).getId())
                        .param("bodyMarkdown", "A body.")
                        .param("featuredImagePicked", "true")
                        .param("featuredImageId", "" + first.getId()))
                .andReturn();
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll("\\D+", ""));
        Article article = articleImages.get(id);

        mvc.perform(post("/admin/articles/" + id)
                        .with(user(EDITOR))
                        .with(csrf())
                        .param("title", article.getTitle())
                        .param("slug", slug)
                        .param("sectionId", "" + sections.all().get(0).getId())
                        .param("bodyMarkdown", "A body, edited.")
                        .param("revision", "" + article.getRevision())
                        .param("featuredImagePicked", "true")
                        .param("featuredImageId", "" + second.getId()))
                .andExpect(status().is3xxRedirection());
        article = articleImages.get(id);
        assertThat(article.getFeaturedImage().getId()).isEqualTo(second.getId());

        // A form without the choice (an older page, a script) leaves the image.
        mvc.perform(post("/admin/articles/" + id)
                        .with(user(EDITOR))
                        .with(csrf())
                        .param("title", article.getTitle())
                        .param("slug", slug)
                        .param("sectionId", "" + sections.all().get(0).getId())
                        .param("bodyMarkdown", "A body, edited again.")
                        .param("revision", "" + article.getRevision()))
                .andExpect(status().is3xxRedirection());
        assertThat(articleImages.get(id).getFeaturedImage().getId()).isEqualTo(second.getId());

        // "No image" removes it.
        article = articleImages.get(id);
        mvc.perform(post("/admin/articles/" + id)
                        .with(user(EDITOR))
                        .with(csrf())
                        .param("title", article.getTitle())
                        .param("slug", slug)
                        .param("sectionId", "" + sections.all().get(0).getId())
                        .param("bodyMarkdown", "A body, edited again.")
                        .param("revision", "" + article.getRevision())
                        .param("featuredImagePicked", "true")
                        .param("featuredImageId", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(articleImages.get(id).getFeaturedImage()).isNull();
    }

    @Test
    void thePickersSearchFindsImagesAndKeepsTheChosenOne() throws Exception {
        String word = "pickable" + System.nanoTime();
        Image match = images.upload(
                Actor.importing("test"), TestImages.jpeg(300, 200), word + ".jpg", "A match " + word, "", "");
        Image chosen = picture("chosen-" + word.substring(8));
        Document found = Jsoup.parse(mvc.perform(get("/admin/media/pickable")
                        .with(user(CONTRIBUTOR))
                        .param("field", "featuredImageId")
                        .param("q", word)
                        .param("selected", "" + chosen.getId()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(found.select("input[type=radio][name=featuredImageId]").eachAttr("value"))
                .containsExactlyInAnyOrder("" + match.getId(), "" + chosen.getId());
        assertThat(found.select("#featuredImageId-" + chosen.getId()).hasAttr("checked"))
                .isTrue();

        mvc.perform(get("/admin/media/pickable").with(user(CONTRIBUTOR)).param("field", "x\"><script>"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anImageThatIsGoneIsAMessageAndTheTextIsSaved() throws Exception {
        String slug = ArticleFixtures.uniqueSlug("featured-gone");
        MvcResult created = mvc.perform(post("/admin/articles")
                        .with(user(EDITOR))
                        .with(csrf())
                        .param("title", "Gone " + slug)
                        .param("slug", slug)
                        .param("sectionId", "" + sections.all().get(0).getId())
                        .param("bodyMarkdown", "A body.")
                        .param("featuredImagePicked", "true")
                        .param("featuredImageId", "987654321"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(created.getFlashMap().get("error")).isEqualTo("media.error.no-such-image");
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll("\\D+", ""));
        assertThat(articleImages.get(id).getFeaturedImage()).isNull();
        assertThat(articleImages.get(id).getBodyMarkdown()).isEqualTo("A body.");
    }

    private int auditLines(long articleId) {
        return jdbc.queryForObject(
                "select count(*) from audit_events where subject like ?",
                Integer.class,
                "article #" + articleId + " %");
    }

    @Test
    void aConflictingSaveWithANewFeaturedImageLeavesTheImageAndTheAuditLogUnchanged() throws Exception {
        Image first = picture("conflict-first");
        Image second = picture("conflict-second");
        String slug = ArticleFixtures.uniqueSlug("featured-conflict");
        MvcResult created = mvc.perform(post("/admin/articles")
                        .with(user(EDITOR))
                        .with(csrf())
                        .param("title", "Conflict " + slug)
                        .param("slug", slug)
                        .param("sectionId", "" + sections.all().get(0).getId())
                        .param("bodyMarkdown", "A body.")
                        .param("featuredImagePicked", "true")
                        .param("featuredImageId", "" + first.getId()))
                .andReturn();
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll("\\D+", ""));
        int typedOver = articleImages.get(id).getRevision();
        // Someone else saves meanwhile.
        mvc.perform(post("/admin/articles/" + id)
                        .with(user(ADMIN))
                        .with(csrf())
                        .param("title", "Conflict " + slug)
                        .param("slug", slug)
                        .param("sectionId", "" + sections.all().get(0).getId())
                        .param("bodyMarkdown", "Their body.")
                        .param("revision", "" + typedOver))
                .andExpect(status().is3xxRedirection());
        int auditBefore = auditLines(id);

        String page = mvc.perform(post("/admin/articles/" + id)
                        .with(user(EDITOR))
                        .with(csrf())
                        .param("title", "Conflict " + slug)
                        .param("slug", slug)
                        .param("sectionId", "" + sections.all().get(0).getId())
                        .param("bodyMarkdown", "My body.")
                        .param("revision", "" + typedOver)
                        .param("featuredImagePicked", "true")
                        .param("featuredImageId", "" + second.getId()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Document form = Jsoup.parse(page);
        assertThat(form.select("#conflict")).hasSize(1);
        assertThat(form.select("textarea[name=bodyMarkdown]").text()).isEqualTo("My body.");
        Article article = articleImages.get(id);
        assertThat(article.getFeaturedImage().getId()).isEqualTo(first.getId());
        assertThat(article.getBodyMarkdown()).isEqualTo("Their body.");
        assertThat(auditLines(id)).isEqualTo(auditBefore);
    }

    @Test
    void aRefusedMoveWithANewFeaturedImageWritesNothingAndASaveWritesBoth() throws Exception {
        Image first = picture("refused-first");
        Image second = picture("refused-second");
        String slug = ArticleFixtures.uniqueSlug("featured-refused");
        MvcResult created = mvc.perform(post("/admin/articles")
                        .with(user(EDITOR))
                        .with(csrf())
                        .param("title", "Refused " + slug)
                        .param("slug", slug)
                        .param("sectionId", "" + sections.all().get(0).getId())
                        .param("bodyMarkdown", "A body.")
                        .param("featuredImagePicked", "true")
                        .param("featuredImageId", "" + first.getId()))
                .andReturn();
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll("\\D+", ""));
        Article article = articleImages.get(id);
        int auditBefore = auditLines(id);

        // "Return to author" is not open to a draft that was never submitted: refused, with its image and text.
        String page = mvc.perform(post("/admin/articles/" + id)
                        .with(user(EDITOR))
                        .with(csrf())
                        .param("title", article.getTitle())
                        .param("slug", slug)
                        .param("sectionId", "" + sections.all().get(0).getId())
                        .param("bodyMarkdown", "A body, edited.")
                        .param("revision", "" + article.getRevision())
                        .param("action", "return")
                        .param("note", "Not yet.")
                        .param("featuredImagePicked", "true")
                        .param("featuredImageId", "" + second.getId()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page).select("textarea[name=bodyMarkdown]").text())
                .isEqualTo("A body, edited.");
        article = articleImages.get(id);
        assertThat(article.getFeaturedImage().getId()).isEqualTo(first.getId());
        assertThat(article.getBodyMarkdown()).isEqualTo("A body.");
        assertThat(auditLines(id)).isEqualTo(auditBefore);

        mvc.perform(post("/admin/articles/" + id)
                        .with(user(EDITOR))
                        .with(csrf())
                        .param("title", article.getTitle())
                        .param("slug", slug)
                        .param("sectionId", "" + sections.all().get(0).getId())
                        .param("bodyMarkdown", "A body, edited.")
                        .param("revision", "" + article.getRevision())
                        .param("featuredImagePicked", "true")
                        .param("featuredImageId", "" + second.getId()))
                .andExpect(status().is3xxRedirection());
        article = articleImages.get(id);
        assertThat(article.getFeaturedImage().getId()).isEqualTo(second.getId());
        assertThat(article.getBodyMarkdown()).isEqualTo("A body, edited.");
        assertThat(auditLines(id)).isEqualTo(auditBefore + 2);
    }
}
