package org.masthead.author;

/**
 * What the author feature needs to know about articles, implemented by {@code article/} (which may depend on
 * authors; authors may not depend on articles).
 */
public interface AuthorArticles {

    /** How many articles, in any state, name this author. */
    long countByAuthor(long authorId);

    /**
     * Moves every byline of {@code fromAuthorId} to {@code toAuthorId}, keeping the co-author order. Where the
     * target already is a co-author of the article, the byline at the later position is dropped.
     */
    void reassign(long fromAuthorId, long toAuthorId);
}
