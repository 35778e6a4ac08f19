package org.masthead.article;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A save based on a revision that is no longer the latest: someone else saved the article meanwhile.
 * The edit form catches it and shows the other change; outside a form it is a 409.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class ArticleConflictException extends RuntimeException {

    private final long articleId;

    ArticleConflictException(long articleId, int baseRevision) {
        super("Article #" + articleId + " changed since revision " + baseRevision);
        this.articleId = articleId;
    }

    public long getArticleId() {
        return articleId;
    }
}
