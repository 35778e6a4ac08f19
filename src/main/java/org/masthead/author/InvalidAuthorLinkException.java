package org.masthead.author;

import org.masthead.rule.BusinessRuleException;

/** A profile link that is not an absolute http(s) URL of at most {@link AuthorLink#MAX_URL_LENGTH} characters. */
public class InvalidAuthorLinkException extends BusinessRuleException {

    InvalidAuthorLinkException(String url) {
        super("Not an http(s) URL: " + url, "author.error.link-url", "links");
    }
}
