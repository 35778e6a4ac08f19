package org.masthead.media.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /admin/media/upload.json}: an image dropped into the editor goes through the library's own checks
 * and comes back as what the editor inserts; a refusal says why, in words, with a status.
 */
@IntegrationTest
class MediaUploadJsonControllerTests {

    static final StaffUser CONTRIBUTOR =
            new StaffUser(9111, "dropper@example.org", "Dee Dropper", Role.CONTRIBUTOR, "{noop}x", true);

    @Autowired
    MockMvc mvc;

    @Autowired
    ImageService images;

    private final JsonMapper json = JsonMapper.builder().build();

    private static MockMultipartFile file(String name, byte[] bytes) {
        return new MockMultipartFile("file", name, "image/png", bytes);
    }

    @Test
    void anImageIsStoredAndAnsweredWithItsAddress() throws Exception {
        String body = mvc.perform(multipart("/admin/media/upload.json")
                        .file(file("dropped.png", TestImages.png(320, 200)))
                        .param("altText", "A test card")
                        .param("caption", "Dropped in")
                        .with(csrf())
                        .with(user(CONTRIBUTOR)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        JsonNode answer = json.readTree(body);
        long id = answer.get("id").asLong();
        assertThat(answer.get("url").asString()).startsWith("/media/" + id + "/");
        assertThat(answer.get("alt").asString()).isEqualTo("A test card");
        assertThat(images.find(id))
                .hasValueSatisfying(image -> assertThat(image.getCaption()).isEqualTo("Dropped in"));
    }

    @Test
    void whatIsNotAnImageIsRefusedWithTheLibrarysReason() throws Exception {
        String body = mvc.perform(multipart("/admin/media/upload.json")
                        .file(file("notes.png", "just text".getBytes(StandardCharsets.UTF_8)))
                        .param("altText", "Notes")
                        .with(csrf())
                        .with(user(CONTRIBUTOR)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(body).get("error").asString()).contains("not an image we accept");

        mvc.perform(multipart("/admin/media/upload.json").with(csrf()).with(user(CONTRIBUTOR)))
                .andExpect(status().isBadRequest());
        // Alt text is required here as on the library's own form.
        String noAlt = mvc.perform(multipart("/admin/media/upload.json")
                        .file(file("x.png", TestImages.png(10, 10)))
                        .with(csrf())
                        .with(user(CONTRIBUTOR)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(noAlt).get("error").asString()).isEqualTo("Describe the image in the alt text.");
    }

    @Test
    void aForgedRequestOrAReaderGetsNothing() throws Exception {
        mvc.perform(multipart("/admin/media/upload.json")
                        .file(file("x.png", TestImages.png(10, 10)))
                        .with(user(CONTRIBUTOR)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/media/upload.json")
                        .file(file("x.png", TestImages.png(10, 10)))
                        .with(csrf()))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isIn(302, 401, 403));
    }
}
