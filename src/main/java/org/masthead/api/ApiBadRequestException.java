package org.masthead.api;

/** A request the API cannot answer as asked: which parameter, and the message key that says why. */
class ApiBadRequestException extends RuntimeException {

    private final String parameter;
    private final String messageKey;
    private final transient Object[] arguments;

    ApiBadRequestException(String parameter, String messageKey, Object... arguments) {
        super(messageKey + " (" + parameter + ")");
        this.parameter = parameter;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    String parameter() {
        return parameter;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments;
    }
}
