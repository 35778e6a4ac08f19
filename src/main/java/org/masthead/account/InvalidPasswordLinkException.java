package org.masthead.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A set-password link that is unknown, already used, or expired. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class InvalidPasswordLinkException extends RuntimeException {

    InvalidPasswordLinkException() {
        super("This set-password link is not valid");
    }
}
