package org.masthead.settings;

/** A value an admin typed that the setting cannot take; {@link #getMessageKey()} says why, with its arguments. */
public class InvalidSettingException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public InvalidSettingException(String messageKey, Object... arguments) {
        super(messageKey);
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
