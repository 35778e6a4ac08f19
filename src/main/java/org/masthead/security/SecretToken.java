package org.masthead.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A secret that is handed out once (in a link or a cookie) and kept only as a hash: random bytes from
 * {@link SecureRandom} written as URL-safe Base64 without padding. The database keeps {@link #hash()}, the SHA-256 of
 * the token as hex, so a copy of the table cannot be turned back into working links; a stored hash is compared with
 * {@link #matches(String)} in constant time. Used for set-password links, preview links, newsletter links, draft
 * rescues and staff session marks.
 */
public final class SecretToken {

    /** 256 bits: the default strength of a new token. */
    public static final int DEFAULT_BYTES = 32;

    /** The longest text taken as a token: anything longer is refused before it is hashed. */
    public static final int MAX_LENGTH = 200;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_-]+");

    private final String value;

    private SecretToken(String value) {
        this.value = value;
    }

    /** A new token of {@value #DEFAULT_BYTES} random bytes. */
    public static SecretToken generate() {
        return generate(DEFAULT_BYTES);
    }

    /** A new token of {@code bytes} random bytes. */
    public static SecretToken generate(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return new SecretToken(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    /**
     * The token a request carried, if it can be one: URL-safe characters only, {@code minLength} to
     * {@value #MAX_LENGTH} of them, surrounding white space ignored. Empty for null, blank or anything else.
     */
    public static Optional<SecretToken> parse(String text, int minLength) {
        if (text == null) {
            return Optional.empty();
        }
        String stripped = text.strip();
        if (stripped.length() < Math.max(1, minLength)
                || stripped.length() > MAX_LENGTH
                || !URL_SAFE.matcher(stripped).matches()) {
            return Optional.empty();
        }
        return Optional.of(new SecretToken(stripped));
    }

    /** {@link #parse(String, int)} with no lower bound on the length beyond one character. */
    public static Optional<SecretToken> parse(String text) {
        return parse(text, 1);
    }

    /** The token as it goes into a link or a cookie. */
    public String value() {
        return value;
    }

    /** What is stored instead of the token: its SHA-256, as 64 lower-case hex digits. */
    public String hash() {
        return hashOf(value);
    }

    /** Whether {@code storedHash} is this token's hash, compared in constant time. */
    public boolean matches(String storedHash) {
        if (storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(
                hash().getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The SHA-256 (hex) of a secret that arrives from elsewhere, such as a servlet session id, so that it too is
     * stored only as a hash.
     */
    public static String hashOf(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

    /** Never the secret itself, so a token that reaches a log line gives nothing away. */
    @Override
    public String toString() {
        return "SecretToken[hidden]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretToken token
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.US_ASCII), token.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
