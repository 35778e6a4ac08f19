package org.masthead.rule;

/**
 * A request that breaks one of the domain's rules (a slug that is not valid, a schedule in the past, an author
 * merged into themself): never a 500. Each such exception carries the message key that says why and, where the
 * rule is about one form field, that field's name. A form handler turns it into that field's error (or a message
 * above the form); anything else that lets it through gets the 4xx page with its message, from the one handler in
 * {@code GlobalControllerAdvice}.
 */
public abstract class BusinessRuleException extends RuntimeException {

    private final String messageKey;
    private final String field;

    protected BusinessRuleException(String message, String messageKey, String field) {
        super(message);
        this.messageKey = messageKey;
        this.field = field;
    }

    /** The key in messages.properties that tells the person what to change. */
    public String getMessageKey() {
        return messageKey;
    }

    /** The form field the rule is about, or {@code null} when it is about the request as a whole. */
    public String getField() {
        return field;
    }
}
