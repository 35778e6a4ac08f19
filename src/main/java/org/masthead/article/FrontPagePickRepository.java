package org.masthead.article;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface FrontPagePickRepository extends JpaRepository<FrontPagePick, Integer> {

    @Query("select p from FrontPagePick p join fetch p.article order by p.position")
    List<FrontPagePick> findAllInOrder();

    /** Drops the picks of articles that are no longer published (unpublished, archived or unscheduled). */
    @Modifying(flushAutomatically = true)
    @Query("delete from FrontPagePick p where p.article.id in"
            + " (select a.id from Article a where a.status <> org.masthead.article.ArticleStatus.PUBLISHED)")
    int deleteNotPublished();
}
