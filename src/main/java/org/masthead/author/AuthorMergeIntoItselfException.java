package org.masthead.author;

import org.masthead.rule.BusinessRuleException;

/** An author merged into themself. */
public class AuthorMergeIntoItselfException extends BusinessRuleException {

    AuthorMergeIntoItselfException(long id) {
        super("Author #" + id + " cannot be merged into themself", "author.error.merge-target", "targetId");
    }
}
