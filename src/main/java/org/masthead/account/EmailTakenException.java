package org.masthead.account;

/** Another account already has this email (compared without regard to case). */
public class EmailTakenException extends RuntimeException {

    EmailTakenException(String email) {
        super("Email already in use: " + email);
    }
}
