package org.masthead.article.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.masthead.HttpTest;
import org.masthead.article.Article;
import org.masthead.article.ArticleFixtures;
import org.masthead.article.ArticleService;
import org.masthead.article.PreviewLinks;
import org.masthead.author.AuthorService;
import org.masthead.section.SectionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.article.ArticleFixtures.EDITOR;

/**
 * Over real HTTP, where forwards and error pages happen as in production: a refused post that is not an article
 * form is a plain 403 (draft rescue itself: {@link DraftRescueHttpTests}), and preview links answer with their
 * private headers or a real 404 page.
 */
@HttpTest
class ArticleHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    PreviewLinks previewLinks;

    @Autowired
    SectionService sections;

    @Autowired
    AuthorService authors;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    Article draft() {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(EDITOR, null, EDITOR.getAuthorities()));
        try {
            String slug = ArticleFixtures.uniqueSlug("http");
            return articles.create(
                    ArticleFixtures.changes(sections, authors, slug, "Http " + slug, "Words.\n"), EDITOR);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void otherRefusedPostsAreAPlain403() throws Exception {
        Article article = draft();
        HttpResponse<String> refused =
                send(HttpRequest.newBuilder(uri("/admin/articles/" + article.getId() + "/publish"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("rescue-link");
    }

    @Test
    void aPreviewLinkIsPrivateAndDiesWithA404Page() throws Exception {
        Article article = draft();
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(EDITOR, null, EDITOR.getAuthorities()));
        String token;
        try {
            token = previewLinks.create(article.getId(), EDITOR);
        } finally {
            SecurityContextHolder.clearContext();
        }
        HttpResponse<String> shown =
                send(HttpRequest.newBuilder(uri("/preview/" + token)).GET());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Cache-Control")).contains("private, no-store");
        assertThat(shown.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(shown.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(shown.body()).contains("noindex", "preview-banner", article.getTitle());

        HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/preview/" + token.substring(1) + "A"))
                .GET());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Set-Cookie")).isEmpty();
    }
}
