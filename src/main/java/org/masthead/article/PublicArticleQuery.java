package org.masthead.article;

import java.time.Instant;

/**
 * A page of public articles for the content API in one of the stable orders of {@link Order}: those after
 * {@code after} (null: from the first), narrowed by section, author, topic (ids; null means any) and last change
 * ({@code modifiedSince}, null means any).
 */
public record PublicArticleQuery(
        Long sectionId, Long authorId, Long topicId, Instant modifiedSince, Order order, Position after, int limit) {

    /** The orders a list may be read in; each ends with the id, so that it is total and a position is exact. */
    public enum Order {
        /** Newest first: published at, then id, descending. */
        NEWEST,
        /** Oldest first: published at, then id, ascending. */
        OLDEST,
        /** By title (the database's collation), then id, ascending. */
        TITLE,
        /** By title, then id, descending. */
        TITLE_DESCENDING
    }

    /**
     * Where a page ended: the last article's publication time (for the orders by date) or title (for those by
     * title), and its id.
     */
    public record Position(Instant publishedAt, String title, long id) {

        public static Position published(Instant publishedAt, long id) {
            return new Position(publishedAt, null, id);
        }

        public static Position titled(String title, long id) {
            return new Position(null, title, id);
        }
    }
}
