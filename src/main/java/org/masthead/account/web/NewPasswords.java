package org.masthead.account.web;

import java.util.Objects;

import org.masthead.account.PasswordPolicy;
import org.springframework.validation.Errors;

/** The checks shared by both password forms: long enough, not too long, typed the same twice. */
final class NewPasswords {

    private NewPasswords() {}

    static void check(String newPassword, String confirmPassword, Errors errors) {
        PasswordPolicy.problem(newPassword)
                .ifPresent(
                        key -> errors.rejectValue("newPassword", key, new Object[] {PasswordPolicy.MIN_LENGTH}, null));
        if (!errors.hasFieldErrors("newPassword") && !Objects.equals(newPassword, confirmPassword)) {
            errors.rejectValue("confirmPassword", "account.password.mismatch");
        }
    }
}
