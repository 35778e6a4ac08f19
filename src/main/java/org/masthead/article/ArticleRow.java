package org.masthead.article;

import java.time.Instant;

/** One line of the newsroom's article list, read inside the transaction (the views see no lazy entities). */
public record ArticleRow(
        long id,
        String title,
        String slug,
        ArticleStatus status,
        String sectionName,
        String authorNames,
        Long createdBy,
        Instant updatedAt,
        Instant publishedAt,
        Instant scheduledAt) {

    static ArticleRow of(Article article) {
        String names = String.join(
                ", ",
                article.getAuthors().stream().map(author -> author.getName()).toList());
        return new ArticleRow(
                article.getId(),
                article.getTitle(),
                article.getSlug(),
                article.getStatus(),
                article.getSection().getName(),
                names,
                article.getCreatedBy(),
                article.getUpdatedAt(),
                article.getPublishedAt(),
                article.getScheduledAt());
    }
}
