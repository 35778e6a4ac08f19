package org.masthead.author;

/** An author with articles cannot be deleted; their articles can be merged into another author first. */
public class AuthorHasArticlesException extends RuntimeException {

    private final long articleCount;

    public AuthorHasArticlesException(long authorId, long articleCount) {
        super("Author #" + authorId + " has " + articleCount + " articles");
        this.articleCount = articleCount;
    }

    public long getArticleCount() {
        return articleCount;
    }
}
