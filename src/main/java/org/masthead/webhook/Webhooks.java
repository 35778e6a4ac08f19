package org.masthead.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.masthead.audit.AuditLog;
import org.masthead.outbox.HttpOutbox;
import org.masthead.outbox.OutboxEntry;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.masthead.security.Role;
import org.masthead.security.SecretToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhooks admins register: a URL, the events it is told of, and a secret that signs each delivery
 * ({@link WebhookSignature}). Only admins see or change them; every change is audited.
 */
@Service
public class Webhooks {

    static final int MAX_URL = 2000;
    static final int MAX_DESCRIPTION = 200;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final HttpOutbox outbox;
    private final Clock clock;

    Webhooks(JdbcClient jdbc, AuditLog audit, HttpOutbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A new webhook and its secret, shown to the admin once. */
    public record Created(Webhook webhook, String secret) {}

    @Transactional(readOnly = true)
    public List<Webhook> all(Actor by) {
        requireAdmin(by, "see webhooks");
        return jdbc.sql("select id, url, events, description, created_at, created_by from webhooks order by id")
                .query((rs, n) -> new Webhook(
                        rs.getLong("id"),
                        URI.create(rs.getString("url")),
                        events(rs.getString("events")),
                        rs.getString("description"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by")))
                .list();
    }

    /** The latest deliveries to every webhook, newest first. */
    public List<OutboxEntry> recentDeliveries(Actor by, int limit) {
        requireAdmin(by, "see webhook deliveries");
        return outbox.recent(WebhookDispatch.KIND, limit);
    }

    @Transactional
    public Created create(Actor by, String url, Set<WebhookEvent> events, String description) {
        requireAdmin(by, "add webhooks");
        URI target = validUrl(url);
        if (events == null || events.isEmpty()) {
            throw new InvalidWebhookException("webhook.error.events");
        }
        String about = description == null ? "" : description.strip();
        if (about.length() > MAX_DESCRIPTION) {
            throw new InvalidWebhookException("webhook.error.description");
        }
        String secret = SecretToken.generate().value();
        long id = jdbc.sql("""
                        insert into webhooks (url, secret, events, description, created_at, created_by)
                        values (:url, :secret, :events, :description, :now, :by)
                        returning id""")
                .param("url", target.toString())
                .param("secret", secret)
                .param("events", wireNames(events))
                .param("description", about)
                .param("now", Timestamp.from(clock.instant()))
                .param("by", by.auditName())
                .query(Long.class)
                .single();
        audit.record(by, "webhook.create", "webhook #" + id + " " + target, wireNames(events));
        return new Created(new Webhook(id, target, events, about, clock.instant(), by.auditName()), secret);
    }

    @Transactional
    public void delete(Actor by, long id) {
        requireAdmin(by, "delete webhooks");
        Optional<String> url = jdbc.sql("delete from webhooks where id = :id returning url")
                .param("id", id)
                .query(String.class)
                .optional();
        url.ifPresent(gone -> audit.record(by, "webhook.delete", "webhook #" + id + " " + gone, ""));
    }

    /** The webhooks that want {@code event}, read in the caller's transaction. */
    List<Webhook> wanting(WebhookEvent event) {
        return jdbc
                .sql("select id, url, events, description, created_at, created_by from webhooks order by id")
                .query((rs, n) -> new Webhook(
                        rs.getLong("id"),
                        URI.create(rs.getString("url")),
                        events(rs.getString("events")),
                        rs.getString("description"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by")))
                .list()
                .stream()
                .filter(webhook -> webhook.wants(event))
                .toList();
    }

    private static URI validUrl(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw new InvalidWebhookException("webhook.error.url");
        }
        try {
            URI target = new URI(url.strip());
            String scheme = target.getScheme();
            if (!("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                    || target.getHost() == null
                    || target.getUserInfo() != null
                    || target.getFragment() != null) {
                throw new InvalidWebhookException("webhook.error.url");
            }
            return target;
        } catch (URISyntaxException ex) {
            throw new InvalidWebhookException("webhook.error.url");
        }
    }

    private static Set<WebhookEvent> events(String names) {
        return Arrays.stream(names.split(","))
                .map(WebhookEvent::ofWireName)
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(WebhookEvent.class)));
    }

    private static String wireNames(Set<WebhookEvent> events) {
        return EnumSet.copyOf(events).stream().map(WebhookEvent::wireName).collect(Collectors.joining(","));
    }

    private static void requireAdmin(Actor by, String action) {
        NotAllowedException.require(by.hasAtLeast(Role.ADMIN), by, action);
    }
}
