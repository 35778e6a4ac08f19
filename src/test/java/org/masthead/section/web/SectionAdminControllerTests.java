package org.masthead.section.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.TestContent;
import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SectionAdminControllerTests {

    static final StaffUser ADMIN = new StaffUser(9401, "admin-sections@example.org", "Ad", Role.ADMIN, "{noop}x", true);
    static final StaffUser EDITOR =
            new StaffUser(9402, "editor-sections@example.org", "Ed", Role.EDITOR, "{noop}x", true);

    @Autowired
    MockMvc mvc;

    @Autowired
    SectionService sections;

    @Autowired
    TestContent content;

    @Test
    void onlyAdminsManageSections() throws Exception {
        mvc.perform(get("/admin/sections").with(user(EDITOR))).andExpect(status().isForbidden());
        mvc.perform(form(post("/admin/sections"), "X", TestContent.unique("x"), "1")
                        .with(user(EDITOR)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/sections").with(user(ADMIN))).andExpect(status().isOk());
    }

    @Test
    void createsASectionThatReadersSee() throws Exception {
        String slug = TestContent.unique("defence");
        mvc.perform(form(post("/admin/sections"), "Defence Review", slug, "7")
                        .param("description", "Essays on defence.")
                        .param("disclaimer", "Views are the authors’ own.")
                        .param("newsletterCta", "Get the defence briefing.")
                        .with(user(ADMIN)))
                .andExpect(status().isFound());
        Section section = sections.findBySlug(slug).orElseThrow();
        assertThat(section.getPosition()).isEqualTo(7);
        mvc.perform(get("/sections/" + slug))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Essays on defence.")));
    }

    @Test
    void validatesTheForm() throws Exception {
        Section existing = content.section();
        mvc.perform(form(post("/admin/sections"), "", "", "1").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the name.")));
        mvc.perform(form(post("/admin/sections"), "Bad", "Bad Slug", "1").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("single hyphens only")));
        mvc.perform(form(post("/admin/sections"), "Dup", existing.getSlug(), "1")
                        .with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Another section has, or had, this address")));
        mvc.perform(form(post("/admin/sections"), "Pos", TestContent.unique("pos"), "-1")
                        .with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("whole number from 0 to 10000")));
        mvc.perform(form(post("/admin/sections"), "Pos", TestContent.unique("pos"), "first")
                        .with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"position-error\"")));
    }

    @Test
    void renamingTheSlugKeepsTheOldAddressAnswering301() throws Exception {
        Section section = content.section();
        String old = section.getSlug();
        String renamed = TestContent.unique("renamed-section");
        mvc.perform(form(post("/admin/sections/" + section.getId()), "Renamed", renamed, "3")
                        .param("version", String.valueOf(section.getVersion()))
                        .with(user(ADMIN)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/sections/" + section.getId()));

        mvc.perform(get("/sections/" + old))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/sections/" + renamed));
        mvc.perform(get("/sections/" + renamed)).andExpect(status().isOk());

        // Another section may not take the old slug: it still leads readers to the renamed one.
        mvc.perform(form(post("/admin/sections"), "Squatter", old, "1").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Another section has, or had, this address")));
    }

    @Test
    void deletesOnlyASectionWithoutArticles() throws Exception {
        Section busy = content.section();
        content.draft(busy, List.of(content.author()), List.of());
        mvc.perform(post("/admin/sections/" + busy.getId() + "/delete")
                        .with(csrf())
                        .with(user(ADMIN)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("This section has 1 article(s) and cannot be deleted")));
        assertThat(sections.findBySlug(busy.getSlug())).isPresent();

        Section empty = content.section();
        mvc.perform(post("/admin/sections/" + empty.getId() + "/delete")
                        .with(csrf())
                        .with(user(ADMIN)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/sections"));
        assertThat(sections.findBySlug(empty.getSlug())).isEmpty();
    }

    private static MockHttpServletRequestBuilder form(
            MockHttpServletRequestBuilder request, String name, String slug, String position) {
        return request.with(csrf())
                .param("name", name)
                .param("slug", slug)
                .param("position", position)
                .param("description", "")
                .param("disclaimer", "")
                .param("newsletterCta", "");
    }
}
