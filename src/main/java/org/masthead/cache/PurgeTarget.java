package org.masthead.cache;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.masthead.outbox.OutgoingCredentials;
import org.masthead.outbox.OutgoingRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * One shared cache to purge, as the outbox's calls to make: by keys ({@code article-12}, {@code home}), or
 * everything. Credentials are not in the calls: the {@link OutgoingCredentials} of {@link #credentials} add them
 * when they are sent.
 */
sealed interface PurgeTarget {

    JsonMapper JSON = JsonMapper.builder().build();

    /** The outbox kind of this target's calls. */
    String kind();

    /** What the admin's cache page names it by (no credentials). */
    String describe();

    List<OutgoingRequest> purge(List<String> keys);

    List<OutgoingRequest> purgeEverything();

    /** The targets the properties set, in a fixed order. */
    static List<PurgeTarget> of(CachePurgeProperties properties) {
        List<PurgeTarget> targets = new ArrayList<>();
        properties.varnishUrls().forEach(url -> targets.add(new Varnish(url)));
        if (CachePurgeProperties.hasText(properties.fastly().serviceId())) {
            targets.add(new Fastly(properties.fastly()));
        }
        if (CachePurgeProperties.hasText(properties.cloudflare().zoneId())) {
            targets.add(new Cloudflare(properties.cloudflare()));
        }
        if (properties.webhookUrl() != null) {
            targets.add(new Webhook(properties.webhookUrl()));
        }
        return List.copyOf(targets);
    }

    /** The credentials of the purge APIs, added to their calls as they are sent. */
    static List<OutgoingCredentials> credentials(CachePurgeProperties properties) {
        return List.of(
                credentials(Fastly.KIND, "Fastly-Key", properties.fastly().apiToken(), ""),
                credentials(
                        Cloudflare.KIND,
                        "Authorization",
                        properties.cloudflare().apiToken(),
                        "Bearer "),
                credentials(Webhook.KIND, "Authorization", properties.webhookToken(), "Bearer "));
    }

    private static OutgoingCredentials credentials(String kind, String header, String token, String scheme) {
        return new OutgoingCredentials() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Map<String, String> headersFor(OutgoingRequest request) {
                return CachePurgeProperties.hasText(token) ? Map.of(header, scheme + token.strip()) : Map.of();
            }
        };
    }

    static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    /** Varnish with the xkey module: {@code PURGE} with {@code xkey: a b c}; everything is a {@code BAN}. */
    record Varnish(URI url) implements PurgeTarget {

        static final String KIND = "purge.varnish";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String describe() {
            return "Varnish (xkey) " + url;
        }

        @Override
        public List<OutgoingRequest> purge(List<String> keys) {
            return chunks(keys, 100).stream()
                    .map(chunk -> new OutgoingRequest(KIND, "PURGE", url, Map.of("xkey", String.join(" ", chunk)), ""))
                    .toList();
        }

        @Override
        public List<OutgoingRequest> purgeEverything() {
            return List.of(new OutgoingRequest(KIND, "BAN", url, Map.of(), ""));
        }
    }

    /** Fastly: {@code POST /service/<id>/purge} with {@code Surrogate-Key: a b c}, up to 256 keys a call. */
    record Fastly(CachePurgeProperties.Fastly service) implements PurgeTarget {

        static final String KIND = "purge.fastly";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String describe() {
            return "Fastly service " + service.serviceId();
        }

        private URI endpoint(String path) {
            return URI.create(service.apiUrl().toString().replaceAll("/+$", "") + "/service/"
                    + service.serviceId().strip() + path);
        }

        @Override
        public List<OutgoingRequest> purge(List<String> keys) {
            return chunks(keys, 256).stream()
                    .map(chunk -> new OutgoingRequest(
                            KIND,
                            "POST",
                            endpoint("/purge"),
                            Map.of("Surrogate-Key", String.join(" ", chunk), "Accept", "application/json"),
                            ""))
                    .toList();
        }

        @Override
        public List<OutgoingRequest> purgeEverything() {
            return List.of(new OutgoingRequest(
                    KIND, "POST", endpoint("/purge_all"), Map.of("Accept", "application/json"), ""));
        }
    }

    /** Cloudflare: {@code POST /zones/<id>/purge_cache} with {@code {"tags":[…]}}, up to 30 tags a call. */
    record Cloudflare(CachePurgeProperties.Cloudflare zone) implements PurgeTarget {

        static final String KIND = "purge.cloudflare";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String describe() {
            return "Cloudflare zone " + zone.zoneId();
        }

        private URI endpoint() {
            return URI.create(zone.apiUrl().toString().replaceAll("/+$", "") + "/zones/"
                    + zone.zoneId().strip() + "/purge_cache");
        }

        @Override
        public List<OutgoingRequest> purge(List<String> keys) {
            return chunks(keys, 30).stream()
                    .map(chunk ->
                            OutgoingRequest.postJson(KIND, endpoint(), JSON.writeValueAsString(Map.of("tags", chunk))))
                    .toList();
        }

        @Override
        public List<OutgoingRequest> purgeEverything() {
            return List.of(OutgoingRequest.postJson(
                    KIND, endpoint(), JSON.writeValueAsString(Map.of("purge_everything", true))));
        }
    }

    /** Any other purger: {@code POST} of {@code {"keys":[…]}} to a URL of the operator's. */
    record Webhook(URI url) implements PurgeTarget {

        static final String KIND = "purge.webhook";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String describe() {
            return "Webhook " + url;
        }

        @Override
        public List<OutgoingRequest> purge(List<String> keys) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("keys", keys);
            return List.of(OutgoingRequest.postJson(KIND, url, JSON.writeValueAsString(body)));
        }

        @Override
        public List<OutgoingRequest> purgeEverything() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("everything", true);
            body.put("keys", List.of());
            return List.of(OutgoingRequest.postJson(KIND, url, JSON.writeValueAsString(body)));
        }
    }
}
