package org.masthead.web;

/** A reader's request that cannot be answered as asked; its message key says why, on a 400 page. */
public class BadRequestException extends RuntimeException {

    private final String messageKey;

    public BadRequestException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String getMessageKey() {
        return messageKey;
    }
}
