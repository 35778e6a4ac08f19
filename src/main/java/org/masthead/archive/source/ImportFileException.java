package org.masthead.archive.source;

/**
 * A file that cannot be imported as it is: malformed, truncated, hostile (a DOCTYPE, entities), too large, or of
 * another kind. Carries a message key and its arguments, shown on the form (or printed by the command line).
 */
public class ImportFileException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public ImportFileException(String messageKey, String detail, Object... arguments) {
        super(messageKey + ": " + detail);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArguments() {
        return arguments.clone();
    }
}
