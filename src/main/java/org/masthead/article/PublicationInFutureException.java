package org.masthead.article;

import org.masthead.rule.BusinessRuleException;

/** A back-dated publication whose date has not come yet: that is a schedule, not a publication. */
public class PublicationInFutureException extends BusinessRuleException {

    PublicationInFutureException() {
        super("A future publication time is a schedule, not a publication", "article.publish.future", "publishedAt");
    }
}
