package org.masthead.account;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What a password must be: at least 12 characters, and at most 72 bytes (bcrypt reads no further). */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {}

    /** The message key of what is wrong with {@code password}, or empty when it is acceptable. */
    public static Optional<String> problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("account.password.too-short");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("account.password.too-long");
        }
        return Optional.empty();
    }

    static void check(String password) {
        problem(password).ifPresent(key -> {
            throw new WeakPasswordException(key);
        });
    }
}
