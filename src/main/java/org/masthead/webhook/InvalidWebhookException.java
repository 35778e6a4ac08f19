package org.masthead.webhook;

/** A webhook an admin asked for that cannot be kept; the key names the message shown by the field. */
public class InvalidWebhookException extends RuntimeException {

    private final String messageKey;

    InvalidWebhookException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String getMessageKey() {
        return messageKey;
    }
}
