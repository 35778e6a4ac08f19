package org.masthead.article;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A staff member asked for something their role does not allow on this article: a 403 page, never a 500. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class ArticleAccessDeniedException extends AccessDeniedException {

    ArticleAccessDeniedException(String action, long articleId) {
        super("Not allowed to " + action + " article #" + articleId);
    }
}
