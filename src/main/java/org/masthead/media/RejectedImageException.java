package org.masthead.media;

/**
 * An upload that is not accepted: not an image we take, too large, too many pixels, damaged. Carries a message key
 * (and its arguments) for the upload form.
 */
public class RejectedImageException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public RejectedImageException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public RejectedImageException(String messageKey, Throwable cause) {
        super(messageKey, cause);
        this.messageKey = messageKey;
        this.arguments = new Object[0];
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArguments() {
        return arguments.clone();
    }
}
