package org.masthead.article;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An archived article: its URL answers 410 Gone. */
@ResponseStatus(HttpStatus.GONE)
public class ArticleGoneException extends RuntimeException {

    public ArticleGoneException(String slug) {
        super("Archived article " + slug);
    }
}
