package org.masthead.article;

/**
 * A front-page choice that cannot be kept: an article that is not published (or does not exist), or the same
 * article chosen twice. Nothing is changed.
 */
public class FrontPageChoiceException extends RuntimeException {

    private final String messageKey;

    FrontPageChoiceException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    /** The message (in messages.properties) that tells the editor what to change. */
    public String getMessageKey() {
        return messageKey;
    }
}
