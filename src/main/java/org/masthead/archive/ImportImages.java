package org.masthead.archive;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the bytes of an archive's image: in the uploads folder the admin pointed to (a copy of
 * {@code wp-content/uploads}), or, only when {@link ImportProperties#fetchRemote()} is on, at its old URL. A path
 * never leaves the uploads folder; a URL must be http or https and resolve to public addresses only.
 */
final class ImportImages {

    private static final Pattern UPLOADS_PATH = Pattern.compile("/(?:wp-content/uploads|content/images)/(.+)$");
    private static final Pattern GHOST_SIZE = Pattern.compile("/content/images/size/[a-z0-9]+/(?:format/[a-z0-9]+/)?");
    private static final Pattern SIZE_SUFFIX = Pattern.compile("-\\d{1,5}x\\d{1,5}(?=\\.[A-Za-z0-9]+$)");

    private final Path uploads;
    private final boolean fetchRemote;
    private final long maxBytes;
    private final HttpClient http;

    ImportImages(Path uploads, boolean fetchRemote, long maxBytes) {
        this.uploads = uploads == null ? null : uploads.toAbsolutePath().normalize();
        this.fetchRemote = fetchRemote;
        this.maxBytes = maxBytes;
        this.http = fetchRemote
                ? HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build()
                : null;
    }

    /** The same image at full size: WordPress's resized copies end in "-300x200" before the extension. */
    static String original(String url) {
        String path = url.replaceAll("[?#].*$", "");
        // Ghost's resized copies: /content/images/size/w1000/2024/05/x.jpg is /content/images/2024/05/x.jpg
        path = GHOST_SIZE.matcher(path).replaceFirst("/content/images/");
        return SIZE_SUFFIX.matcher(path).replaceFirst("");
    }

    /** The path under the uploads folder an old image URL points to, if it is one of WordPress's uploads. */
    static Optional<String> relativeFile(String url) {
        var matcher = UPLOADS_PATH.matcher(url.replaceAll("[?#].*$", ""));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Whether the file is in the uploads folder (for the dry run, which reads no image). */
    boolean hasFile(String relative) {
        return file(relative).isPresent();
    }

    boolean fetchesRemote() {
        return fetchRemote;
    }

    Optional<Path> file(String relative) {
        if (uploads == null || relative == null || relative.isBlank()) {
            return Optional.empty();
        }
        Path candidate = uploads.resolve(relative).normalize();
        if (!candidate.startsWith(uploads) || !Files.isRegularFile(candidate)) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    /** The bytes of a file in the uploads folder; empty when missing; an exception when over the size limit. */
    Optional<byte[]> read(String relative) throws IOException {
        Optional<Path> file = file(relative);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        if (Files.size(file.get()) > maxBytes) {
            throw new IOException("larger than " + maxBytes + " bytes");
        }
        return Optional.of(Files.readAllBytes(file.get()));
    }

    /** The bytes at an old URL, when fetching is on; refuses other schemes and non-public addresses. */
    Optional<byte[]> fetch(String url) throws IOException {
        if (!fetchRemote) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException ex) {
            throw new IOException("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("only http and https are fetched");
        }
        if (uri.getHost() == null) {
            throw new IOException("no host");
        }
        requirePublic(uri.getHost());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new IOException("larger than " + maxBytes + " bytes");
                }
                return Optional.of(bytes);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /** Refuses a host any of whose addresses is loopback, private, link-local, unspecified or multicast. */
    static void requirePublic(String host) throws IOException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException ex) {
            throw new IOException("unknown host " + host);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new IOException("refused address " + address.getHostAddress());
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet6Address) {
            return (raw[0] & 0xfe) != 0xfc; // unique local fc00::/7
        }
        int first = raw[0] & 0xff;
        int second = raw[1] & 0xff;
        return !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                && first != 0
                && !(first == 198 && (second == 18 || second == 19)) // benchmarking 198.18.0.0/15
                && !(first == 192 && second == 0 && (raw[2] & 0xff) == 0);
    }
}
