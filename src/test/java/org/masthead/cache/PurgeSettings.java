package org.masthead.cache;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** {@link CachePurgeProperties} as a test sets them, pointing at its own local servers. */
final class PurgeSettings {

    static final URI FASTLY = URI.create("https://api.fastly.com");
    static final URI CLOUDFLARE = URI.create("https://api.cloudflare.com/client/v4");

    private PurgeSettings() {}

    static CachePurgeProperties none() {
        return new CachePurgeProperties(
                List.of(),
                new CachePurgeProperties.Fastly(null, null, FASTLY),
                new CachePurgeProperties.Cloudflare(null, null, CLOUDFLARE),
                null,
                null,
                Duration.ofDays(1),
                Duration.ZERO);
    }

    /** Varnish, each purge sent again {@code repeatAfter} later. */
    static CachePurgeProperties varnishRepeating(Duration repeatAfter, URI url) {
        return new CachePurgeProperties(
                List.of(url),
                new CachePurgeProperties.Fastly(null, null, FASTLY),
                new CachePurgeProperties.Cloudflare(null, null, CLOUDFLARE),
                null,
                null,
                Duration.ofDays(1),
                repeatAfter);
    }

    static CachePurgeProperties varnish(URI... urls) {
        return new CachePurgeProperties(
                List.of(urls),
                new CachePurgeProperties.Fastly(null, null, FASTLY),
                new CachePurgeProperties.Cloudflare(null, null, CLOUDFLARE),
                null,
                null,
                Duration.ofDays(1),
                Duration.ZERO);
    }

    static CachePurgeProperties fastly(URI api, String service, String token) {
        return new CachePurgeProperties(
                List.of(),
                new CachePurgeProperties.Fastly(service, token, api),
                new CachePurgeProperties.Cloudflare(null, null, CLOUDFLARE),
                null,
                null,
                Duration.ofDays(1),
                Duration.ZERO);
    }

    static CachePurgeProperties cloudflare(URI api, String zone, String token) {
        return new CachePurgeProperties(
                List.of(),
                new CachePurgeProperties.Fastly(null, null, FASTLY),
                new CachePurgeProperties.Cloudflare(zone, token, api),
                null,
                null,
                Duration.ofDays(1),
                Duration.ZERO);
    }

    static CachePurgeProperties webhook(URI url, String token) {
        return new CachePurgeProperties(
                List.of(),
                new CachePurgeProperties.Fastly(null, null, FASTLY),
                new CachePurgeProperties.Cloudflare(null, null, CLOUDFLARE),
                url,
                token,
                Duration.ofDays(1),
                Duration.ZERO);
    }
}
