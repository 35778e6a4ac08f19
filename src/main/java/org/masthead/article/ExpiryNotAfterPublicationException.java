package org.masthead.article;

import org.masthead.rule.BusinessRuleException;

/** An expiry at or before the scheduled publication: the article would come down before it went up. */
public class ExpiryNotAfterPublicationException extends BusinessRuleException {

    ExpiryNotAfterPublicationException() {
        super("An expiry must come after the publication", "article.expiry.before-publication", "expiresDate");
    }
}
