package org.masthead.article.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.article.Article;
import org.masthead.article.ArticleFixtures;
import org.masthead.article.ArticleService;
import org.masthead.article.ArticleStatus;
import org.masthead.article.PreviewLinks;
import org.masthead.author.AuthorService;
import org.masthead.section.SectionService;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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
 * The permission matrix of the article routes: every route × anonymous / contributor on their own article /
 * contributor on someone else's / editor / admin. Each cell acts on a fresh article (created by the contributor,
 * put in the state the route needs); a refusal must be a 403 (or the sign-in redirect) and change nothing, and an
 * allowed request that changes something must have changed it (the route's effect), whatever it answered.
 */
@IntegrationTest
class ArticleAdminPermissionTests {

    enum Who {
        ANONYMOUS,
        CONTRIBUTOR_OWN,
        CONTRIBUTOR_OTHER,
        EDITOR,
        ADMIN
    }

    /** ALLOWED: done (200 or a redirect); FORBIDDEN: 403; REFUSED_ON_FORM: nothing saved, the form comes back (200)
     *  with the typed text and a message, because the article left the contributor's hands while they typed. */
    enum Expect {
        ALLOWED,
        FORBIDDEN,
        REFUSED_ON_FORM
    }

    /**
     * A route, the state its article starts in, what a contributor may do on their own article, and what an allowed
     * request must have changed (checked on the article as it was before): a refused workflow action also answers
     * with a redirect (and a message), so the answer alone cannot tell that the action happened.
     */
    record Route(
            String name,
            ArticleStatus state,
            Function<Article, MockHttpServletRequestBuilder> request,
            Expect contributorOwn,
            Predicate<Article> effect) {

        /** A route that changes nothing (a page, a preview): allowed means answered, not sent to sign in. */
        Route(String name, ArticleStatus state, Function<Article, MockHttpServletRequestBuilder> request, Expect own) {
            this(name, state, request, own, null);
        }
    }

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
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    List<Route> routes() {
        long sectionId = sections.all().get(0).getId();
        return List.of(
                new Route("GET /admin", ArticleStatus.DRAFT, a -> get("/admin"), Expect.ALLOWED),
                new Route("GET /admin/articles", ArticleStatus.DRAFT, a -> get("/admin/articles"), Expect.ALLOWED),
                new Route(
                        "GET /admin/articles/new",
                        ArticleStatus.DRAFT,
                        a -> get("/admin/articles/new"),
                        Expect.ALLOWED),
                new Route(
                        "POST /admin/articles",
                        ArticleStatus.DRAFT,
                        a -> post("/admin/articles")
                                .param("title", "Matrix new " + a.getSlug())
                                .param("sectionId", "" + sectionId),
                        Expect.ALLOWED,
                        a -> countOf("select count(*) from articles where title = ?", "Matrix new " + a.getSlug())
                                == 1),
                new Route(
                        "POST /admin/articles/preview",
                        ArticleStatus.DRAFT,
                        a -> post("/admin/articles/preview").param("bodyMarkdown", "*hi*"),
                        Expect.ALLOWED),
                new Route(
                        "GET /admin/articles/{id}",
                        ArticleStatus.DRAFT,
                        a -> get("/admin/articles/" + a.getId()),
                        Expect.ALLOWED),
                new Route(
                        "POST /admin/articles/{id} (save)",
                        ArticleStatus.DRAFT,
                        a -> save(a, sectionId),
                        Expect.ALLOWED,
                        a -> now(a).getTitle().equals(a.getTitle() + " (edited)")),
                new Route(
                        "POST /admin/articles/{id} (preview)",
                        ArticleStatus.DRAFT,
                        a -> save(a, sectionId).param("preview", "1"),
                        Expect.ALLOWED),
                new Route(
                        "POST /admin/articles/{id}/submit",
                        ArticleStatus.DRAFT,
                        a -> post(path(a, "submit")),
                        Expect.ALLOWED,
                        a -> now(a).getStatus() == ArticleStatus.IN_REVIEW),
                new Route(
                        "POST /admin/articles/{id}/delete",
                        ArticleStatus.DRAFT,
                        a -> post(path(a, "delete")).param("confirmed", "true"),
                        Expect.ALLOWED,
                        a -> now(a).getStatus() == ArticleStatus.TRASHED),
                new Route(
                        "POST /admin/articles/{id}/preview-links",
                        ArticleStatus.DRAFT,
                        a -> post(path(a, "preview-links")),
                        Expect.ALLOWED,
                        a -> previewLinks.of(a.getId()).size() == 2),
                new Route(
                        "POST /admin/articles/{id}/preview-links/{link}/revoke",
                        ArticleStatus.DRAFT,
                        a -> post(path(a, "preview-links/" + linkOf(a) + "/revoke")),
                        Expect.ALLOWED,
                        a -> previewLinks.of(a.getId()).get(0).getRevokedAt() != null),
                new Route(
                        "POST /admin/articles/{id}/return",
                        ArticleStatus.IN_REVIEW,
                        a -> post(path(a, "return")).param("note", "More sources, please."),
                        Expect.FORBIDDEN,
                        a -> now(a).getStatus() == ArticleStatus.DRAFT),
                new Route(
                        "POST /admin/articles/{id}/publish",
                        ArticleStatus.DRAFT,
                        a -> post(path(a, "publish")),
                        Expect.FORBIDDEN,
                        a -> now(a).getStatus() == ArticleStatus.PUBLISHED),
                new Route(
                        "POST /admin/articles/{id}/publish (in review)",
                        ArticleStatus.IN_REVIEW,
                        a -> post(path(a, "publish")),
                        Expect.FORBIDDEN,
                        a -> now(a).getStatus() == ArticleStatus.PUBLISHED),
                new Route(
                        "POST /admin/articles/{id}/schedule",
                        ArticleStatus.IN_REVIEW,
                        a -> post(path(a, "schedule"))
                                .param("date", "2099-01-15")
                                .param("time", "09:30"),
                        Expect.FORBIDDEN,
                        a -> now(a).getStatus() == ArticleStatus.SCHEDULED),
                new Route(
                        "POST /admin/articles/{id}/unschedule",
                        ArticleStatus.SCHEDULED,
                        a -> post(path(a, "unschedule")),
                        Expect.FORBIDDEN,
                        a -> now(a).getStatus() == ArticleStatus.DRAFT),
                new Route(
                        "POST /admin/articles/{id}/unpublish",
                        ArticleStatus.PUBLISHED,
                        a -> post(path(a, "unpublish")).param("confirmed", "true"),
                        Expect.FORBIDDEN,
                        a -> now(a).getStatus() == ArticleStatus.DRAFT),
                new Route(
                        "POST /admin/articles/{id}/archive",
                        ArticleStatus.PUBLISHED,
                        a -> post(path(a, "archive")).param("confirmed", "true"),
                        Expect.FORBIDDEN,
                        a -> now(a).getStatus() == ArticleStatus.ARCHIVED),
                new Route(
                        "POST /admin/articles/{id}/restore",
                        ArticleStatus.ARCHIVED,
                        a -> post(path(a, "restore")),
                        Expect.FORBIDDEN,
                        a -> now(a).getStatus() == ArticleStatus.PUBLISHED),
                new Route(
                        "POST /admin/articles/{id}/notes",
                        ArticleStatus.PUBLISHED,
                        a -> post(path(a, "notes")).param("kind", "CORRECTION").param("body", "A date was wrong."),
                        Expect.FORBIDDEN,
                        a -> countOf("select count(*) from article_notes where article_id = ?", a.getId()) == 1),
                new Route(
                        "GET /admin/articles/{id}/revisions",
                        ArticleStatus.DRAFT,
                        a -> get(path(a, "revisions")),
                        Expect.ALLOWED),
                new Route(
                        "GET /admin/articles/{id}/revisions (published)",
                        ArticleStatus.PUBLISHED,
                        a -> get(path(a, "revisions")),
                        Expect.ALLOWED),
                new Route(
                        "POST /admin/articles/{id}/revisions/{n}/restore",
                        ArticleStatus.DRAFT,
                        a -> post(path(a, "revisions/1/restore")),
                        Expect.ALLOWED,
                        a -> restoredRevisions(a) == 1),
                new Route(
                        "POST /admin/articles/{id}/revisions/{n}/restore (published)",
                        ArticleStatus.PUBLISHED,
                        a -> post(path(a, "revisions/1/restore")),
                        Expect.FORBIDDEN,
                        a -> restoredRevisions(a) == 1),
                // A contributor's article that left the draft state is no longer theirs to change.
                new Route(
                        "POST /admin/articles/{id} (save, in review)",
                        ArticleStatus.IN_REVIEW,
                        a -> save(a, sectionId),
                        Expect.REFUSED_ON_FORM,
                        a -> now(a).getTitle().equals(a.getTitle() + " (edited)")),
                new Route(
                        "POST /admin/articles/{id}/delete (in review)",
                        ArticleStatus.IN_REVIEW,
                        a -> post(path(a, "delete")).param("confirmed", "true"),
                        Expect.FORBIDDEN,
                        // Editors pass the role check, but only a draft never published is ever deleted
                        // (docs/DESIGN.md, "Lifecycle"):
                        // the workflow refuses (a redirect with a message) and the article stays.
                        a -> countOf("select count(*) from articles where id = ?", a.getId()) == 1
                                && now(a).getStatus() == ArticleStatus.IN_REVIEW));
    }

    static String path(Article article, String action) {
        return "/admin/articles/" + article.getId() + "/" + action;
    }

    static MockHttpServletRequestBuilder save(Article article, long sectionId) {
        return post("/admin/articles/" + article.getId())
                .param("title", article.getTitle() + " (edited)")
                .param("slug", article.getSlug())
                .param("sectionId", "" + sectionId)
                .param("bodyMarkdown", "Edited body.")
                .param("revision", "" + article.getRevision());
    }

    Article now(Article article) {
        return articles.get(article.getId());
    }

    long countOf(String sql, Object parameter) {
        return jdbc.sql(sql).param(parameter).query(Long.class).single();
    }

    long restoredRevisions(Article article) {
        return jdbc.sql(
                        "select count(*) from audit_events where action = 'article.revision-restore' and subject like ?")
                .param("article #" + article.getId() + " %")
                .query(Long.class)
                .single();
    }

    long linkOf(Article article) {
        return previewLinks.of(article.getId()).get(0).getId();
    }

    /** A fresh article created by the contributor, moved by an editor into {@code state}. */
    Article articleIn(ArticleStatus state) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(EDITOR, null, EDITOR.getAuthorities()));
        String slug = ArticleFixtures.uniqueSlug("matrix");
        Article article = articles.create(
                ArticleFixtures.changes(sections, authors, slug, "Matrix " + slug, "Body.\n"), CONTRIBUTOR);
        previewLinks.create(article.getId(), EDITOR);
        long id = article.getId();
        switch (state) {
            case DRAFT -> {}
            case IN_REVIEW -> articles.submit(id, EDITOR);
            case SCHEDULED -> articles.schedule(id, clock.instant().plusSeconds(86_400), EDITOR);
            case PUBLISHED -> articles.publish(id, EDITOR);
            case ARCHIVED -> {
                articles.publish(id, EDITOR);
                articles.archive(id, EDITOR);
            }
        }
        SecurityContextHolder.clearContext();
        return articles.get(id);
    }

    @Test
    void everyArticleRouteForEveryRole() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            for (Who who : Who.values()) {
                Article article = articleIn(route.state());
                MockHttpServletRequestBuilder request = route.request().apply(article);
                if (route.name().startsWith("POST")) {
                    request.with(csrf());
                }
                StaffUser as = switch (who) {
                    case ANONYMOUS -> null;
                    case CONTRIBUTOR_OWN -> CONTRIBUTOR;
                    case CONTRIBUTOR_OTHER -> OTHER_CONTRIBUTOR;
                    case EDITOR -> EDITOR;
                    case ADMIN -> ADMIN;
                };
                if (as != null) {
                    request.with(user(as));
                }
                MockHttpServletResponse response =
                        mvc.perform(request).andReturn().getResponse();
                int status = response.getStatus();
                String location = response.getRedirectedUrl();
                String cell = route.name() + " × " + who + " → " + status + (location == null ? "" : " " + location);
                if (who == Who.ANONYMOUS) {
                    check(failures, cell, status == 302 && location != null && location.endsWith("/login"));
                    continue;
                }
                boolean routeIsPersonal = route.name().contains("{id}");
                Expect expected = switch (who) {
                    case CONTRIBUTOR_OWN -> route.contributorOwn();
                    case CONTRIBUTOR_OTHER -> routeIsPersonal ? Expect.FORBIDDEN : route.contributorOwn();
                    default -> Expect.ALLOWED;
                };
                if (expected != Expect.ALLOWED) {
                    check(failures, cell, status == (expected == Expect.FORBIDDEN ? 403 : 200));
                    Article after = articles.get(article.getId());
                    check(
                            failures,
                            cell + " (unchanged)",
                            after.getStatus() == article.getStatus() && after.getRevision() == article.getRevision());
                } else {
                    check(
                            failures,
                            cell,
                            status == 200 || status == 302 && location != null && !location.endsWith("/login"));
                    if (route.effect() != null) {
                        check(failures, cell + " (done)", route.effect().test(article));
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void check(List<String> failures, String cell, boolean ok) {
        if (!ok) {
            failures.add(cell);
        }
    }
}
