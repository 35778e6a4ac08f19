package org.masthead.author.web;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.TestContent;
import org.masthead.author.Author;
import org.masthead.author.AuthorService;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.security.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.article.ArticleFixtures.CONTRIBUTOR;
import static org.masthead.article.ArticleFixtures.EDITOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The article editor's "new guest author": created as JSON with the authors page's checks, by editors only. */
@IntegrationTest
class AuthorQuickCreateHttpTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuthorService authors;

    @Autowired
    ImageService images;

    @Autowired
    ObjectMapper json;

    JsonNode answer(String body) {
        return json.readTree(body);
    }

    @Test
    void anEditorCreatesAGuestAuthorWithBioAndPhotoAndASecondOfTheSameNameGetsAFreeAddress() throws Exception {
        String name = TestContent.unique("Guest Writer");
        Image photo = images.upload(
                Actor.importing("test"), TestImages.jpeg(300, 300), "guest.jpg", "Photo of a guest", "", "");
        String created = mvc.perform(post("/admin/authors/quick.json")
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("name", name)
                        .param("bioMarkdown", "Writes on *ports*.")
                        .param("photoImageId", "" + photo.getId()))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Author author = authors.get(answer(created).get("id").asLong());
        assertThat(author.getName()).isEqualTo(name);
        assertThat(author.getBioMarkdown()).isEqualTo("Writes on *ports*.");
        assertThat(author.getPhoto().getId()).isEqualTo(photo.getId());

        String again = mvc.perform(post("/admin/authors/quick.json")
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("name", name))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Author second = authors.get(answer(again).get("id").asLong());
        assertThat(second.getSlug()).isEqualTo(author.getSlug() + "-2");
    }

    @Test
    void aBlankNameOrAMissingPhotoIsRefusedWithTheFieldAndContributorsMayNotCreateAuthors() throws Exception {
        String blank = mvc.perform(post("/admin/authors/quick.json")
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("name", " "))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer(blank).get("field").asString()).isEqualTo("name");
        assertThat(answer(blank).get("error").asString()).isEqualTo("Enter the name.");

        String noPhoto = mvc.perform(post("/admin/authors/quick.json")
                        .with(csrf())
                        .with(user(EDITOR))
                        .param("name", TestContent.unique("Photoless"))
                        .param("photoImageId", "999999999"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer(noPhoto).get("field").asString()).isEqualTo("photoImageId");

        mvc.perform(post("/admin/authors/quick.json")
                        .with(csrf())
                        .with(user(CONTRIBUTOR))
                        .param("name", "Sneaky"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/authors/quick.json").with(user(EDITOR)).param("name", "No token"))
                .andExpect(status().isForbidden());
    }
}
