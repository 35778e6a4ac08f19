package org.masthead.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The one way validators are made: the first 128 bits of a SHA-256, base64url. A strong ETag is made from the bytes
 * sent ({@link #strong(byte[])}); a weak one from a key that changes whenever what is sent changes, for answers that
 * can say "not modified" before they are rendered ({@link #weak(String)}).
 */
public final class ETags {

    private static final int BYTES = 16;

    private ETags() {}

    /** The opaque tag of these bytes, without quotes (22 URL-safe characters), for storing next to them. */
    public static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, BYTES));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

    /** A strong ETag for a body: {@code "…"}. */
    public static String strong(byte[] body) {
        return quoted(digest(body));
    }

    /** A weak ETag for whatever {@code key} describes: {@code W/"…"}. */
    public static String weak(String key) {
        return "W/" + quoted(digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** A stored tag (from {@link #digest(byte[])}) as the strong ETag header value. */
    public static String quoted(String tag) {
        return "\"" + tag + "\"";
    }

    /** Whether a header value is a strong ETag (quoted, not {@code W/}). */
    public static boolean isStrong(String etag) {
        return etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"");
    }
}
