package org.masthead.article;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ArticleRevisionRepository extends JpaRepository<ArticleRevision, Long> {

    List<ArticleRevision> findByArticleIdOrderByNumberDesc(long articleId);

    Optional<ArticleRevision> findByArticleIdAndNumber(long articleId, int number);

    /**
     * Deletes the article's revisions that readers never saw (not {@code published}, a column kept by triggers),
     * beyond the newest {@code kept} of them, except one an autosaved working copy is based on. Returns how many.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
                    delete from article_revisions r
                    where r.article_id = :articleId
                      and not r.published
                      and r.number < (select min(newest.number)
                                      from (select number
                                            from article_revisions
                                            where article_id = :articleId and not published
                                            order by number desc
                                            limit :kept) newest)
                      and not exists (select 1
                                      from article_autosaves a
                                      where a.article_id = r.article_id and a.base_revision = r.number)
                    """)
    int deleteUnpublishedBeyond(long articleId, int kept);
}
