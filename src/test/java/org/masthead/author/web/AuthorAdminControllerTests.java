package org.masthead.author.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.author.AuthorService;
import org.masthead.section.Section;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AuthorAdminControllerTests {

    static final StaffUser ADMIN = new StaffUser(9201, "admin-authors@example.org", "Ad", Role.ADMIN, "{noop}x", true);
    static final StaffUser EDITOR =
            new StaffUser(9202, "editor-authors@example.org", "Ed", Role.EDITOR, "{noop}x", true);

    @Autowired
    MockMvc mvc;

    @Autowired
    AuthorService authors;

    @Autowired
    TestContent content;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onlyEditorsAndAdminsManageAuthors() throws Exception {
        StaffUser contributor = org.masthead.article.ArticleFixtures.CONTRIBUTOR;
        mvc.perform(get("/admin/authors").with(user(contributor))).andExpect(status().isForbidden());
        mvc.perform(form(post("/admin/authors"), "Sneaky", "", "").with(user(contributor)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/authors/preview")
                        .param("markdown", "x")
                        .with(csrf())
                        .with(user(contributor)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/authors").with(user(EDITOR))).andExpect(status().isOk());
        mvc.perform(get("/admin/authors").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"new-author-link\"")));
        mvc.perform(get("/admin/authors/new").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-preview-url=\"/admin/authors/preview\"")))
                .andExpect(content().string(containsString("data-insert-target=\"bioMarkdown\"")))
                .andExpect(content().string(containsString("name=\"photoImageId\"")));
    }

    @Test
    void createsAProfileWithLinksThatTheAuthorPageShows() throws Exception {
        String slug = TestContent.unique("writer");
        MvcResult result = mvc.perform(
                        form(post("/admin/authors"), "Ana Ruiz", slug, "Senior Fellow, Democratic Resilience")
                                .param("bioMarkdown", "Ana writes on *elections*.")
                                .param("links[0].label", "Website")
                                .param("links[0].url", "https://ana.example.org/")
                                .param("links[1].label", "")
                                .param("links[1].url", "")
                                .with(user(ADMIN)))
                .andExpect(status().isFound())
                .andReturn();
        Author author = authors.findBySlug(slug).orElseThrow();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/authors/" + author.getId());
        assertThat(author.getLinks()).extracting(link -> link.getUrl()).containsExactly("https://ana.example.org/");
        content.published(
                content.section(),
                List.of(author),
                List.of(),
                Instant.parse("2026-01-05T10:00:00Z")); // public only with a public article

        mvc.perform(get("/authors/" + slug))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Senior Fellow, Democratic Resilience")))
                .andExpect(content().string(containsString("<em>elections</em>")))
                .andExpect(content().string(containsString("href=\"https://ana.example.org/\"")));
    }

    @Test
    void validatesNameSlugLinksAndPhoto() throws Exception {
        Author existing = content.author();
        mvc.perform(form(post("/admin/authors"), "", "", "").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the name.")));
        mvc.perform(form(post("/admin/authors"), "Bad Slug", "Not A Slug!", "").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("single hyphens only")));
        mvc.perform(form(post("/admin/authors"), "Copycat", existing.getSlug(), "")
                        .with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Another author has, or had, this address")));
        mvc.perform(form(post("/admin/authors"), "Linker", TestContent.unique("linker"), "")
                        .param("links[0].label", "Site")
                        .param("links[0].url", "javascript:alert(1)")
                        .param("links[1].label", "")
                        .param("links[1].url", "ftp://files.example.org/")
                        .param("links[2].label", "No label")
                        .param("links[2].url", "")
                        .with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"links0-url-error\"")))
                .andExpect(content().string(containsString("id=\"links1-url-error\"")))
                .andExpect(content().string(containsString("id=\"links2-url-error\"")))
                .andExpect(content().string(containsString("Give this link a label.")));
        mvc.perform(form(post("/admin/authors"), "Ghost", TestContent.unique("ghost"), "")
                        .param("photoImageId", "987654321")
                        .with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not in the media library")));
        mvc.perform(form(post("/admin/authors"), "Minus", TestContent.unique("minus"), "")
                        .param("accountId", "-3")
                        .with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose an account from the list.")));
        mvc.perform(form(post("/admin/authors"), "Nobody", TestContent.unique("nobody"), "")
                        .param("accountId", "987654321")
                        .with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is no such account")));
    }

    @Test
    void theLinkedAccountIsPickedFromTheAccountsList() throws Exception {
        long accountId = content.account(Role.CONTRIBUTOR);
        mvc.perform(get("/admin/authors/new").with(user(ADMIN)))
                .andExpect(content().string(containsString("<option value=\"" + accountId + "\">Staff ")));
        String slug = TestContent.unique("picked");
        mvc.perform(form(post("/admin/authors"), "Picked Person", slug, "")
                        .param("accountId", String.valueOf(accountId))
                        .with(user(ADMIN)))
                .andExpect(status().isFound());
        Author created = authors.findBySlug(slug).orElseThrow();
        assertThat(created.getAccountId()).isEqualTo(accountId);
        mvc.perform(get("/admin/authors/" + created.getId()).with(user(ADMIN)))
                .andExpect(
                        content().string(containsString("<option value=\"" + accountId + "\" selected=\"selected\">")));
    }

    @Test
    void aBlankSlugIsMadeFromTheName() throws Exception {
        String name = "Zed " + TestContent.unique("Quill");
        mvc.perform(form(post("/admin/authors"), name, "", "").with(user(ADMIN)))
                .andExpect(status().isFound());
        assertThat(authors.findBySlug(org.masthead.slug.Slugs.slugify(name))).isPresent();
    }

    @Test
    void renamingTheSlugKeepsTheOldAddressAnswering301() throws Exception {
        Author author = content.author();
        content.published(
                content.section(),
                List.of(author),
                List.of(),
                Instant.parse("2026-01-05T10:00:00Z")); // public only with a public article
        String old = author.getSlug();
        String renamed = TestContent.unique("renamed");
        mvc.perform(form(post("/admin/authors/" + author.getId()), author.getName(), renamed, "Changed title")
                        .param("version", String.valueOf(author.getVersion()))
                        .with(user(ADMIN)))
                .andExpect(status().isFound());

        mvc.perform(get("/authors/" + old))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/authors/" + renamed));
        mvc.perform(get("/authors/" + renamed))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Changed title")));
    }

    @Test
    void aStaleFormIsRefusedWithTheEditorsTextKept() throws Exception {
        Author author = content.author();
        mvc.perform(form(post("/admin/authors/" + author.getId()), "Stale Name", author.getSlug(), "")
                        .param("version", String.valueOf(author.getVersion() + 5))
                        .with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this profile")))
                .andExpect(content().string(containsString("value=\"Stale Name\"")));
    }

    @Test
    void previewsTheBioWithAndWithoutJavaScript() throws Exception {
        String markdown = "Hello **world** <script>alert(1)</script>";
        mvc.perform(form(post("/admin/authors"), "Preview Person", "", "")
                        .param("bioMarkdown", markdown)
                        .param("preview", "1")
                        .with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>world</strong>")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        assertThat(authors.findBySlug("preview-person")).isEmpty();

        mvc.perform(post("/admin/authors/preview")
                        .param("markdown", markdown)
                        .with(csrf())
                        .with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/html")))
                .andExpect(content().string(containsString("<strong>world</strong>")))
                .andExpect(content().string(not(containsString("<script"))));
    }

    @Test
    void refusesToDeleteAnAuthorWithArticlesAndSaysHowMany() throws Exception {
        Section section = content.section();
        Author author = content.author();
        content.draft(section, List.of(author), List.of());
        content.published(section, List.of(author), List.of(), Instant.parse("2026-01-05T10:00:00Z"));

        mvc.perform(get("/admin/authors/" + author.getId() + "/delete").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("has 2 article(s)")))
                .andExpect(content().string(containsString("id=\"merge-form\"")));
        mvc.perform(post("/admin/authors/" + author.getId() + "/delete")
                        .with(csrf())
                        .with(user(ADMIN)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("has 2 article(s)")));
        assertThat(authors.findBySlug(author.getSlug())).isPresent();
    }

    @Test
    void deletesAnAuthorWithoutArticles() throws Exception {
        Author author = content.author();
        mvc.perform(post("/admin/authors/" + author.getId() + "/delete")
                        .with(csrf())
                        .with(user(ADMIN)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/authors"));
        assertThat(authors.findBySlug(author.getSlug())).isEmpty();
    }

    @Test
    void mergeMovesBylinesKeepingOrderAndDroppingDuplicates() throws Exception {
        Section section = content.section();
        Author a = content.author();
        Author b = content.author();
        Author c = content.author();
        Article first = content.draft(section, List.of(a, b), List.of());
        Article second = content.draft(section, List.of(b, c, a), List.of());
        Article third = content.draft(section, List.of(a, b, c), List.of());
        Article untouched = content.draft(section, List.of(b, c), List.of());
        content.published(
                content.section(),
                List.of(c),
                List.of(),
                Instant.parse("2026-01-05T10:00:00Z")); // public only with a public article

        mvc.perform(post("/admin/authors/" + a.getId() + "/merge")
                        .param("targetId", String.valueOf(a.getId()))
                        .with(csrf())
                        .with(user(ADMIN)))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/authors/" + a.getId() + "/merge")
                        .param("targetId", String.valueOf(c.getId()))
                        .with(csrf())
                        .with(user(ADMIN)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/authors/" + c.getId()));

        assertThat(byline(first)).containsExactly(c.getId(), b.getId());
        assertThat(byline(second)).containsExactly(b.getId(), c.getId());
        assertThat(byline(third)).containsExactly(c.getId(), b.getId());
        assertThat(byline(untouched)).containsExactly(b.getId(), c.getId());
        assertThat(authors.findBySlug(a.getSlug())).isEmpty();
        mvc.perform(get("/authors/" + a.getSlug()))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/authors/" + c.getSlug()));
    }

    private List<Long> byline(Article article) {
        return jdbc.queryForList(
                "select author_id from article_authors where article_id = ? order by position",
                Long.class,
                article.getId());
    }

    private static MockHttpServletRequestBuilder form(
            MockHttpServletRequestBuilder request, String name, String slug, String title) {
        return request.with(csrf())
                .param("name", name)
                .param("slug", slug)
                .param("titleLine", title)
                .param("bioMarkdown", "");
    }
}
