package org.masthead.account;

/** The current password given when changing one's own password is not the right one. */
public class WrongPasswordException extends RuntimeException {

    WrongPasswordException() {
        super("The current password is not right");
    }
}
