package org.masthead.account;

/** A password that {@link PasswordPolicy} refuses; carries the message key that says why. */
public class WeakPasswordException extends RuntimeException {

    private final String messageKey;

    WeakPasswordException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String getMessageKey() {
        return messageKey;
    }
}
