package org.masthead.article;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.author.AuthorService;
import org.masthead.section.SectionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.article.ArticleFixtures.ADMIN;
import static org.masthead.article.ArticleFixtures.EDITOR;

/**
 * The revisions an article keeps: every one readers saw, whatever became of the article since; of the others, the
 * newest {@value ArticleService#KEPT_UNPUBLISHED_REVISIONS} and the one an autosaved working copy is based on.
 */
@IntegrationTest
class RevisionRetentionTests {

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleRevisions history;

    @Autowired
    ArticleAutosaves autosaves;

    @Autowired
    SectionService sections;

    @Autowired
    AuthorService authors;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(EDITOR, null, EDITOR.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPublishedRevisionIsNeverDroppedAndTheOthersAreCapped() {
        String slug = ArticleFixtures.uniqueSlug("kept");
        Article article = articles.create(
                ArticleFixtures.changes(sections, authors, slug, "Title " + slug, "Draft 1.\n"), EDITOR);
        long id = article.getId();
        article = save(id, "Draft 2.\n"); // revision 2, never seen by readers
        ArticleEdit publish = new ArticleEdit(
                article.getRevision(),
                null,
                edit(article, "As published.\n"),
                null,
                ArticleEdit.Move.PUBLISH,
                "",
                null);
        assertThat(articles.save(EDITOR, id, publish)).isInstanceOf(SaveOutcome.Saved.class);
        article = articles.get(id);
        int published = article.getRevision(); // 3
        article = save(id, "A correction while published.\n"); // 4, seen by readers too
        int seenWhilePublished = article.getRevision();
        articles.unpublish(id, EDITOR);
        article = save(id, "Back in draft.\n"); // 5
        int autosaveBase = article.getRevision();
        // another member's working copy, typed over revision 5 (the editor's own is cleared by their next save)
        autosaves.keep(id, autosaveBase, Map.of("bodyMarkdown", List.of("typing...")), ADMIN);

        int unseenBefore = 3; // 1, 2 and 5
        int more = ArticleService.KEPT_UNPUBLISHED_REVISIONS + 5;
        for (int i = 0; i < more; i++) {
            article = save(id, "Draft after unpublishing " + i + ".\n");
        }

        List<Integer> kept = history.revisions(id, EDITOR).stream()
                .map(ArticleRevision::getNumber)
                .toList();
        assertThat(kept).contains(published, seenWhilePublished, autosaveBase, article.getRevision());
        assertThat(kept).doesNotContain(1, 2, 6);
        assertThat(unpublishedCount(id)).isEqualTo(ArticleService.KEPT_UNPUBLISHED_REVISIONS + 1); // + the autosave's
        assertThat(kept).hasSize(ArticleService.KEPT_UNPUBLISHED_REVISIONS + 3);
        assertThat(unseenBefore + more).isGreaterThan(ArticleService.KEPT_UNPUBLISHED_REVISIONS);

        // the revision readers saw is still there to compare and restore
        assertThat(history.revision(id, published).getBodyMarkdown()).isEqualTo("As published.\n");
        Article restored = articles.restoreRevision(id, published, EDITOR);
        assertThat(restored.getBodyMarkdown()).isEqualTo("As published.\n");
    }

    @Test
    void anArticleNeverPublishedKeepsItsNewestRevisions() {
        String slug = ArticleFixtures.uniqueSlug("capped");
        Article article = articles.create(
                ArticleFixtures.changes(sections, authors, slug, "Title " + slug, "Draft 1.\n"), EDITOR);
        for (int i = 0; i < ArticleService.KEPT_UNPUBLISHED_REVISIONS + 2; i++) {
            article = save(article.getId(), "Draft " + (i + 2) + ".\n");
        }
        List<Integer> kept = history.revisions(article.getId(), EDITOR).stream()
                .map(ArticleRevision::getNumber)
                .toList();
        assertThat(kept).hasSize(ArticleService.KEPT_UNPUBLISHED_REVISIONS);
        assertThat(kept.get(0)).isEqualTo(article.getRevision());
        assertThat(kept.get(kept.size() - 1))
                .isEqualTo(article.getRevision() - ArticleService.KEPT_UNPUBLISHED_REVISIONS + 1);
    }

    private Article save(long id, String body) {
        Article article = articles.get(id);
        return articles.update(id, article.getRevision(), edit(article, body), EDITOR);
    }

    private ArticleChanges edit(Article article, String body) {
        return new ArticleChanges(
                article.getSlug(),
                new ArticleContent(article.getTitle(), "A dek", body, null, null),
                article.getSection().getId(),
                jdbc.queryForList(
                        "select author_id from article_authors where article_id = ? order by position",
                        Long.class,
                        article.getId()),
                List.of());
    }

    private int unpublishedCount(long id) {
        return jdbc.queryForObject(
                "select count(*) from article_revisions where article_id = ? and not published", Integer.class, id);
    }
}
