package org.masthead.article;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The autosaved working copies. A member's new, never-saved article has no article id: it has its own methods,
 * so no query ever binds a null id.
 */
interface ArticleAutosaveRepository extends JpaRepository<ArticleAutosave, Long> {

    Optional<ArticleAutosave> findByAccountIdAndArticleId(long accountId, long articleId);

    Optional<ArticleAutosave> findByAccountIdAndArticleIdIsNull(long accountId);

    /** Writes the member's one working copy of the article, replacing the one before (two tabs race safely). */
    @Modifying
    @Query(value = """
                    insert into article_autosaves (account_id, article_id, base_revision, fields, saved_at)
                    values (:accountId, :articleId, :baseRevision, :fields, :savedAt)
                    on conflict (account_id, (coalesce(article_id, 0))) do update
                    set base_revision = excluded.base_revision, fields = excluded.fields, saved_at = excluded.saved_at""", nativeQuery = true)
    void upsert(long accountId, long articleId, int baseRevision, String fields, Instant savedAt);

    /** The same for the member's new article. */
    @Modifying
    @Query(value = """
                    insert into article_autosaves (account_id, article_id, base_revision, fields, saved_at)
                    values (:accountId, null, null, :fields, :savedAt)
                    on conflict (account_id, (coalesce(article_id, 0))) do update
                    set fields = excluded.fields, saved_at = excluded.saved_at""", nativeQuery = true)
    void upsertNew(long accountId, String fields, Instant savedAt);

    @Modifying
    @Query("delete from ArticleAutosave a where a.accountId = :accountId and a.articleId = :articleId")
    int deleteFor(long accountId, long articleId);

    @Modifying
    @Query("delete from ArticleAutosave a where a.accountId = :accountId and a.articleId is null")
    int deleteNew(long accountId);
}
