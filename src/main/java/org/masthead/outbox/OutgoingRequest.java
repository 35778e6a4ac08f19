package org.masthead.outbox;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP call to make to another system, as the outbox keeps it: what kind of destination (such as
 * {@code purge.varnish}, {@code webhook}), the method, the absolute URL, headers (no credentials: those are added
 * when it is sent, by the {@link OutgoingCredentials} of its kind) and a text body.
 */
public record OutgoingRequest(String kind, String method, URI url, Map<String, String> headers, String body) {

    public OutgoingRequest {
        if (kind == null || kind.isBlank() || method == null || method.isBlank() || url == null || !url.isAbsolute()) {
            throw new IllegalArgumentException("An outgoing request needs a kind, a method and an absolute URL");
        }
        headers = Map.copyOf(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().contains(":")
                    || header.getKey().contains("\n")
                    || header.getValue().contains("\n")) {
                throw new IllegalArgumentException("Not a header: " + header.getKey());
            }
        }
    }

    /** A JSON {@code POST}. */
    public static OutgoingRequest postJson(String kind, URI url, String json) {
        return new OutgoingRequest(kind, "POST", url, Map.of("Content-Type", "application/json"), json);
    }

    /** The headers as the table keeps them: {@code Name: value}, one a line. */
    String headerLines() {
        StringBuilder lines = new StringBuilder();
        headers.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(header -> lines.append(header.getKey())
                        .append(": ")
                        .append(header.getValue())
                        .append('\n'));
        return lines.toString();
    }

    static Map<String, String> parseHeaders(String lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : lines.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }
}
