package org.masthead.article;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A workflow move that the article's current state does not allow, such as archiving a draft. */
@ResponseStatus(HttpStatus.CONFLICT)
public class IllegalTransitionException extends RuntimeException {

    private final ArticleStatus from;
    private final String action;

    IllegalTransitionException(ArticleStatus from, String action) {
        super("Cannot " + action + " an article that is " + from);
        this.from = from;
        this.action = action;
    }

    public ArticleStatus getFrom() {
        return from;
    }

    public String getAction() {
        return action;
    }
}
