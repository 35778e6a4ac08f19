package org.masthead.article;

/**
 * A contributor listed an author other than their own profile on a byline (an editor's choice already on the
 * article excepted): a contributor's piece is signed by them unless an editor changes it. Nothing is saved.
 */
public class BylineNotOwnException extends RuntimeException {

    private final long authorId;

    BylineNotOwnException(long authorId) {
        super("author #" + authorId + " is not the contributor's own profile");
        this.authorId = authorId;
    }

    public long authorId() {
        return authorId;
    }
}
