package org.masthead.edition;

/** An action on an edition that cannot be done now; the message key (and arguments) say why, on the page. */
public class EditionRefusedException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public EditionRefusedException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArgs() {
        return args;
    }
}
