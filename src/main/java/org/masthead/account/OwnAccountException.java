package org.masthead.account;

/** An admin may not disable their own account or change their own role (they could lock everyone out). */
public class OwnAccountException extends RuntimeException {

    OwnAccountException() {
        super("Admins cannot disable their own account or change their own role");
    }
}
