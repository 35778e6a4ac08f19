package org.masthead.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.masthead.web.ETags;

/**
 * A rendered public page, ready to send: its headers as the application set them, its bytes as they are and
 * gzipped (made once), a strong ETag for each encoding, and when public content last changed before it was made.
 *
 * @param contentType the {@code Content-Type}
 * @param headers every other header the application set (security headers included), in order
 * @param identity the body
 * @param gzip the body gzipped, or {@code null} where gzip would not make it smaller (or was not asked for)
 * @param etag the strong ETag of {@code identity}; the gzipped body's is {@link #gzipEtag()}
 * @param lastModified the {@code Last-Modified}, in whole seconds
 * @param ambiguousSecond {@code If-Modified-Since} of that very second cannot be answered "not modified"
 * @param expiresAt when the page cache drops it at the latest
 * @param lastModifiedHeader {@code lastModified} as the header writes it (formatted once, not on every hit)
 * @param surrogateKeys the keys of its {@code Surrogate-Key} header, by which a change drops it; none: any change
 *     to public content drops it
 */
record CachedPage(
        String contentType,
        List<Header> headers,
        byte[] identity,
        byte[] gzip,
        String etag,
        Instant lastModified,
        boolean ambiguousSecond,
        Instant expiresAt,
        String lastModifiedHeader,
        Set<String> surrogateKeys) {

    static final String SURROGATE_KEY = "Surrogate-Key";

    record Header(String name, String value) {}

    /** The date format of HTTP headers (RFC 9110's IMF-fixdate). */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    static CachedPage of(
            String contentType,
            List<Header> headers,
            byte[] body,
            boolean withGzip,
            PageCache.LastChange lastChange,
            Instant expiresAt) {
        return of(contentType, headers, body, withGzip, lastChange, expiresAt, null);
    }

    /**
     * A page made from a rendered body; a strong {@code applicationEtag} the application already made for these
     * bytes (the content API's) is kept instead of hashing them again, and otherwise (null, or weak) the ETag is
     * the body's hash.
     */
    static CachedPage of(
            String contentType,
            List<Header> headers,
            byte[] body,
            boolean withGzip,
            PageCache.LastChange lastChange,
            Instant expiresAt,
            String applicationEtag) {
        byte[] gzipped = withGzip ? gzip(body) : null;
        if (gzipped != null && gzipped.length >= body.length) {
            gzipped = null;
        }
        return new CachedPage(
                contentType,
                headers,
                body,
                gzipped,
                ETags.isStrong(applicationEtag) ? applicationEtag : ETags.strong(body),
                lastChange.at(),
                lastChange.ambiguous(),
                expiresAt,
                HTTP_DATE.format(lastChange.at()),
                surrogateKeys(headers));
    }

    private static Set<String> surrogateKeys(List<Header> headers) {
        Set<String> keys = new HashSet<>();
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(SURROGATE_KEY)) {
                for (String key : header.value().trim().split("\\s+")) {
                    if (!key.isEmpty()) {
                        keys.add(key);
                    }
                }
            }
        }
        return Set.copyOf(keys);
    }

    /** Whether a change to the pages tagged with {@code changed} drops this one. */
    boolean touchedBy(Set<String> changed) {
        if (surrogateKeys.isEmpty()) {
            return true;
        }
        for (String key : changed) {
            if (surrogateKeys.contains(key)) {
                return true;
            }
        }
        return false;
    }

    String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }

    /** Roughly the memory this page takes, for the cache's bound. */
    int weight() {
        int size = 256 + identity.length + (gzip == null ? 0 : gzip.length) + contentType.length();
        for (Header header : headers) {
            size += 48 + 2 * (header.name().length() + header.value().length());
        }
        return size;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(body);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }
}
