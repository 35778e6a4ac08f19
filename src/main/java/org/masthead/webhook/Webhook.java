package org.masthead.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/** A registered webhook: where deliveries go, for which events. Its secret never leaves {@link Webhooks}. */
public record Webhook(
        long id, URI url, Set<WebhookEvent> events, String description, Instant createdAt, String createdBy) {

    public Webhook {
        events = Set.copyOf(events);
    }

    public boolean wants(WebhookEvent event) {
        return events.contains(event);
    }
}
