package org.masthead.archive;

/**
 * Why a Masthead export cannot be imported at all (a damaged or hostile zip, another format, a journal that already
 * has other articles): a message key of {@code messages.properties} with its arguments. Nothing was written.
 */
public class JournalImportException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public JournalImportException(String messageKey, Object... arguments) {
        super(messageKey + " " + java.util.Arrays.toString(arguments));
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
