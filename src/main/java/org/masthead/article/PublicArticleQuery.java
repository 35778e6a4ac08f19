package org.masthead.article;

import java.time.Instant;

/**
 * A page of public articles for the content API, newest first in the stable order (published at, id): those after
 * {@code after} (null: from the newest), narrowed by section, author, topic (ids; null means any) and last change
 * ({@code modifiedSince}, null means any).
 */
public record PublicArticleQuery(
        Long sectionId, Long authorId, Long topicId, Instant modifiedSince, Position after, int limit) {

    /** Where a page ended: the last article's publication time and id. */
    public record Position(Instant publishedAt, long id) {}
}
