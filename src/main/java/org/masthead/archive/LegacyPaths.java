package org.masthead.archive;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.springframework.web.util.UriUtils;

/**
 * The key an old address is stored and looked up under: its path, percent-decoded, without a trailing slash, and
 * for WordPress's query links ({@code /?p=123}, {@code /?cat=4}…) the one parameter that names the page.
 */
public final class LegacyPaths {

    /** The query parameters of WordPress's "plain" links. */
    private static final List<String> NAMING_PARAMETERS =
            List.of("p", "page_id", "cat", "tag", "author", "attachment_id");

    private LegacyPaths() {}

    /** The key of a full old URL ({@code https://old.example.org/2024/05/slug/}), or empty if it has none. */
    public static Optional<String> ofUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip().replace(" ", "%20"));
            return key(uri.getRawPath(), uri.getRawQuery());
        } catch (URISyntaxException ex) {
            return Optional.empty();
        }
    }

    /** The key of a request: its raw path and raw query string. */
    public static Optional<String> key(String rawPath, String rawQuery) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        String decoded;
        try {
            decoded = UriUtils.decode(path, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
        while (decoded.length() > 1 && decoded.endsWith("/")) {
            decoded = decoded.substring(0, decoded.length() - 1);
        }
        String naming = naming(rawQuery);
        if (naming != null) {
            return Optional.of(decoded + "?" + naming);
        }
        if ("/".equals(decoded) || decoded.length() > 2000) {
            return Optional.empty();
        }
        return Optional.of(decoded);
    }

    /** Whether a request's query names an old page (then even a path that Masthead serves, like "/", is looked up). */
    public static boolean hasNamingQuery(String rawQuery) {
        return naming(rawQuery) != null;
    }

    private static String naming(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = pair.substring(0, equals);
            if (NAMING_PARAMETERS.contains(name)) {
                String value;
                try {
                    value = UriUtils.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException ex) {
                    return null;
                }
                return value.isBlank() ? null : name + "=" + value.strip();
            }
        }
        return null;
    }
}
