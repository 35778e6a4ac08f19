package org.masthead.author.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.author.Author;
import org.masthead.author.AuthorChanges;
import org.masthead.author.AuthorLink;
import org.masthead.author.AuthorService;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /admin/profile}: a staff member linked to an author profile edits their own bio and photo, nothing else. */
@IntegrationTest
class ProfileAdminControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuthorService authors;

    @Autowired
    ImageService images;

    @Autowired
    TestContent content;

    @Autowired
    MutableClock clock;

    @Test
    void aLinkedContributorEditsOwnBioAndPhotoOnly() throws Exception {
        long accountId = content.account(Role.CONTRIBUTOR);
        String slug = TestContent.unique("linked");
        Author author = authors.create(
                Actor.importing("test"),
                new AuthorChanges(
                        "Linked Writer",
                        slug,
                        "Visiting Fellow",
                        "Old bio.",
                        null,
                        accountId,
                        List.of(new AuthorLink("Site", "https://linked.example.org/"))));
        StaffUser me = new StaffUser(
                accountId, "linked-" + accountId + "@example.org", "Linked", Role.CONTRIBUTOR, "{noop}x", true);
        Image photo = images.upload(Actor.importing("test"), TestImages.jpeg(300, 300), "me.jpg", "The writer", "", "");

        mvc.perform(get("/admin/profile").with(user(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Old bio.")))
                .andExpect(content().string(not(containsString("name=\"name\""))))
                .andExpect(content().string(not(containsString("name=\"slug\""))));

        // Fields the form does not offer are ignored even when sent.
        mvc.perform(post("/admin/profile")
                        .with(csrf())
                        .with(user(me))
                        .param("bioMarkdown", "New *bio*.")
                        .param("photoImageId", String.valueOf(photo.getId()))
                        .param("name", "Hijacked")
                        .param("slug", "hijacked")
                        .param("titleLine", "Emperor")
                        .param("accountId", "1")
                        .param("links[0].label", "Evil")
                        .param("links[0].url", "https://evil.example/"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/profile"));

        Author after = authors.get(author.getId());
        assertThat(after.getBioHtml()).contains("<em>bio</em>");
        assertThat(after.getPhoto().getId()).isEqualTo(photo.getId());
        assertThat(after.getName()).isEqualTo("Linked Writer");
        assertThat(after.getSlug()).isEqualTo(slug);
        assertThat(after.getTitleLine()).isEqualTo("Visiting Fellow");
        assertThat(after.getAccountId()).isEqualTo(accountId);
        assertThat(after.getLinks()).extracting(AuthorLink::getUrl).containsExactly("https://linked.example.org/");

        // the author's page is public once they have a public article
        content.published(
                content.section(), List.of(after), List.of(), clock.instant().minusSeconds(60));
        mvc.perform(get("/authors/" + slug))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<em>bio</em>")))
                .andExpect(content().string(containsString("/media/" + photo.getId() + "/me.jpg")));
    }

    @Test
    void previewsWithoutSaving() throws Exception {
        long accountId = content.account(Role.CONTRIBUTOR);
        Author author = authors.create(
                Actor.importing("test"),
                new AuthorChanges(
                        "Previewer", TestContent.unique("previewer"), "", "Kept.", null, accountId, List.of()));
        StaffUser me = new StaffUser(accountId, "p-" + accountId + "@example.org", "P", Role.EDITOR, "{noop}x", true);

        mvc.perform(post("/admin/profile")
                        .with(csrf())
                        .with(user(me))
                        .param("bioMarkdown", "Draft **text**")
                        .param("preview", "1")
                        .param("photoImageId", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>text</strong>")));
        assertThat(authors.get(author.getId()).getBioMarkdown()).isEqualTo("Kept.");
        mvc.perform(post("/admin/profile/preview").with(csrf()).with(user(me)).param("markdown", "*x*"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<p><em>x</em></p>")));
    }

    @Test
    void anUnlinkedUserIsToldSo() throws Exception {
        StaffUser stranger =
                new StaffUser(1_999_999_999_999L, "nobody@example.org", "Nobody", Role.ADMIN, "{noop}x", true);
        mvc.perform(get("/admin/profile").with(user(stranger)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not linked to an author profile")));
        mvc.perform(post("/admin/profile").with(csrf()).with(user(stranger)).param("bioMarkdown", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not linked to an author profile")));
    }

    @Test
    void anAccountLinksToOneAuthorOnly() throws Exception {
        long accountId = content.account(Role.CONTRIBUTOR);
        authors.create(
                Actor.importing("test"),
                new AuthorChanges("First", TestContent.unique("first"), "", "", null, accountId, List.of()));
        StaffUser admin = new StaffUser(9301, "admin-profile@example.org", "Ad", Role.ADMIN, "{noop}x", true);
        mvc.perform(post("/admin/authors")
                        .with(csrf())
                        .with(user(admin))
                        .param("name", "Second")
                        .param("slug", TestContent.unique("second"))
                        .param("accountId", String.valueOf(accountId)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("already linked to another author")));
    }
}
