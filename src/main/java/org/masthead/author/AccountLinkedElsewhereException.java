package org.masthead.author;

import org.masthead.rule.BusinessRuleException;

/** A staff account that is already linked to another author. */
public class AccountLinkedElsewhereException extends BusinessRuleException {

    AccountLinkedElsewhereException(long accountId) {
        super("Account #" + accountId + " is linked to another author", "author.error.account-taken", "accountId");
    }
}
