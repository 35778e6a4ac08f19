package org.masthead.account;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused without checking the password: too many recent failures from this address. */
public class SignInThrottledException extends AuthenticationException {

    private final Instant until;

    SignInThrottledException(Instant until) {
        super("Too many failed sign-in attempts; refused until " + until);
        this.until = until;
    }

    /** When attempts from this address will be accepted again. */
    public Instant getUntil() {
        return until;
    }
}
