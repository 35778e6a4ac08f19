package org.masthead.account;

/** A second-factor code (authenticator, recovery or e-mailed) that is wrong, already used or expired. */
public class WrongCodeException extends RuntimeException {

    public WrongCodeException() {
        super("Wrong code");
    }
}
