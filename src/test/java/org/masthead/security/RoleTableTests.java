package org.masthead.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleFixtures;
import org.masthead.article.ArticleService;
import org.masthead.article.PreviewLinks;
import org.masthead.author.AuthorService;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.section.SectionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.article.ArticleFixtures.ADMIN;
import static org.masthead.article.ArticleFixtures.CONTRIBUTOR;
import static org.masthead.article.ArticleFixtures.EDITOR;
import static org.masthead.article.ArticleFixtures.OTHER_CONTRIBUTOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The rows of the table in docs/DESIGN.md, "Who may do what" that changed with it: preview links,
 * featured images, author profiles. An allowed cell checks that the action really happened, a refused one that
 * it was answered 403 and nothing changed.
 */
@IntegrationTest
class RoleTableTests {

    /**
     * Parts of the table whose features do not exist yet, so have no cell to test: front-page curation and import.
     * Every other cell is checked for each role by {@link RoleTableCellTests}.
     */
    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleService articles;

    @Autowired
    PreviewLinks previewLinks;

    @Autowired
    SectionService sections;

    @Autowired
    AuthorService authors;

    @Autowired
    ImageService images;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    // --- create preview links: contributor "own drafts", editor and admin any ---------------------------------

    @Test
    void contributorsCreatePreviewLinksForTheirOwnDraftsOnly() throws Exception {
        Article own = draftBy(CONTRIBUTOR);
        assertThat(status(post("/admin/articles/" + own.getId() + "/preview-links"), CONTRIBUTOR))
                .isEqualTo(302);
        assertThat(links(own)).isEqualTo(1);

        Article submitted = draftBy(CONTRIBUTOR);
        articles.submit(submitted.getId(), CONTRIBUTOR);
        assertThat(status(post("/admin/articles/" + submitted.getId() + "/preview-links"), CONTRIBUTOR))
                .isEqualTo(403);
        assertThat(links(submitted)).isZero();

        Article others = draftBy(OTHER_CONTRIBUTOR);
        assertThat(status(post("/admin/articles/" + others.getId() + "/preview-links"), CONTRIBUTOR))
                .isEqualTo(403);
        assertThat(links(others)).isZero();
    }

    @Test
    void editorsAndAdminsCreatePreviewLinksForAnyArticle() throws Exception {
        for (StaffUser who : List.of(EDITOR, ADMIN)) {
            Article submitted = draftBy(CONTRIBUTOR);
            articles.submit(submitted.getId(), CONTRIBUTOR);
            assertThat(status(post("/admin/articles/" + submitted.getId() + "/preview-links"), who))
                    .as(who.getRole().name())
                    .isEqualTo(302);
            assertThat(links(submitted)).isEqualTo(1);
        }
    }

    // --- edit own draft, its featured image included: contributor their own draft; editor and admin any -------

    @Test
    void contributorsSetTheFeaturedImageOfTheirOwnDraft() throws Exception {
        long image = image();
        Article own = draftBy(CONTRIBUTOR);
        assertThat(status(get("/admin/articles/" + own.getId() + "/featured-image"), CONTRIBUTOR))
                .isEqualTo(200);
        assertThat(status(featured(own, image), CONTRIBUTOR)).isEqualTo(302);
        assertThat(featuredImageOf(own)).isEqualTo(image);

        Article others = draftBy(OTHER_CONTRIBUTOR);
        assertThat(status(featured(others, image), CONTRIBUTOR)).isEqualTo(403);
        assertThat(featuredImageOf(others)).isNull();

        Article submitted = draftBy(CONTRIBUTOR);
        articles.submit(submitted.getId(), CONTRIBUTOR);
        assertThat(status(featured(submitted, image), CONTRIBUTOR)).isEqualTo(403);
        assertThat(featuredImageOf(submitted)).isNull();
    }

    @Test
    void editorsAndAdminsSetTheFeaturedImageOfAnyArticle() throws Exception {
        long image = image();
        for (StaffUser who : List.of(EDITOR, ADMIN)) {
            Article others = draftBy(CONTRIBUTOR);
            articles.submit(others.getId(), CONTRIBUTOR);
            assertThat(status(featured(others, image), who)).isEqualTo(302);
            assertThat(featuredImageOf(others)).isEqualTo(image);
        }
    }

    // --- create and edit author profiles (guest authors included): editor and admin ----------------------------
    // --- link an author to an account, delete authors: admin only ---------------------------------------------

    @Test
    void editorsCreateAndEditAuthorsButNeitherLinkAccountsNorDelete() throws Exception {
        String slug = TestContent.unique("guest");
        assertThat(status(post("/admin/authors").param("name", "Guest " + slug).param("slug", slug), CONTRIBUTOR))
                .isEqualTo(403);
        assertThat(authors.findBySlug(slug)).isEmpty();

        long account = accountId(EDITOR);
        assertThat(status(
                        post("/admin/authors")
                                .param("name", "Guest " + slug)
                                .param("slug", slug)
                                .param("accountId", "" + account),
                        EDITOR))
                .isEqualTo(302);
        var created = authors.findBySlug(slug).orElseThrow();
        assertThat(created.getAccountId())
                .as("an editor's account link is ignored")
                .isNull();

        assertThat(status(
                        post("/admin/authors/" + created.getId())
                                .param("name", "Renamed " + slug)
                                .param("slug", slug)
                                .param("version", "" + created.getVersion()),
                        EDITOR))
                .isEqualTo(302);
        assertThat(authors.get(created.getId()).getName()).isEqualTo("Renamed " + slug);

        assertThat(status(post("/admin/authors/" + created.getId() + "/delete"), EDITOR))
                .isEqualTo(403);
        assertThat(authors.findBySlug(slug)).isPresent();
        assertThat(status(post("/admin/authors/" + created.getId() + "/delete"), ADMIN))
                .isEqualTo(302);
        assertThat(authors.findBySlug(slug)).isEmpty();
    }

    @Test
    void adminsLinkAuthorsToAccounts() throws Exception {
        String slug = TestContent.unique("linked");
        long account = accountId(OTHER_CONTRIBUTOR);
        jdbc.update("update authors set account_id = null where account_id = ?", account);
        assertThat(status(
                        post("/admin/authors")
                                .param("name", "Linked " + slug)
                                .param("slug", slug)
                                .param("accountId", "" + account),
                        ADMIN))
                .isEqualTo(302);
        assertThat(authors.findBySlug(slug).orElseThrow().getAccountId()).isEqualTo(account);
    }

    /** Imports (WordPress, Ghost, a Masthead export) are an admin's: the pages and the start of a run. */
    @Test
    void onlyAdminsImport() throws Exception {
        for (String page : List.of("/admin/import", "/admin/export")) {
            assertThat(status(get(page), CONTRIBUTOR)).as(page).isEqualTo(403);
            assertThat(status(get(page), EDITOR)).as(page).isEqualTo(403);
            assertThat(status(get(page), ADMIN)).as(page).isEqualTo(200);
        }
        assertThat(status(post("/admin/import/1/start"), EDITOR)).isEqualTo(403);
        assertThat(status(post("/admin/export/import/check"), EDITOR)).isEqualTo(403);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private int status(MockHttpServletRequestBuilder request, StaffUser who) throws Exception {
        return mvc.perform(request.with(csrf()).with(user(who)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private long accountId(StaffUser who) {
        return jdbc.queryForObject("select id from accounts where email = ?", Long.class, who.getEmail());
    }

    private MockHttpServletRequestBuilder featured(Article article, long image) {
        return post("/admin/articles/" + article.getId() + "/featured-image").param("featuredImageId", "" + image);
    }

    private Long featuredImageOf(Article article) {
        return jdbc.queryForObject("select featured_image_id from articles where id = ?", Long.class, article.getId());
    }

    private int links(Article article) {
        return previewLinks.of(article.getId()).size();
    }

    private long image() {
        return images.upload(Actor.importing("test"), TestImages.jpeg(80, 60), "role.jpg", "A picture", "", "")
                .getId();
    }

    private Article draftBy(StaffUser owner) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(owner, null, owner.getAuthorities()));
        try {
            String slug = ArticleFixtures.uniqueSlug("roles");
            return articles.create(
                    ArticleFixtures.changes(sections, authors, slug, "Roles " + slug, "Some text.\n"), owner);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
