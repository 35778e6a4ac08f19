package org.masthead.outbox;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * The one way the application calls other systems over HTTP (edge cache purges, webhooks): a transactional outbox
 * in the {@code outgoing_requests} table. {@link #enqueue} writes the call in the caller's transaction, so it
 * exists exactly when the change it reports was committed; right after that commit this node sends it (on a
 * thread of its own, never the reader's or editor's). A call that fails (no answer, or not 2xx) stays in the table
 * and is tried again with back-off ({@code masthead.outbox.first-retry}, doubling up to {@code last-retry}) by
 * whichever node's background sender claims it first ({@code for update skip locked}); a node that dies while
 * sending leaves the call claimed for {@code masthead.outbox.lease}, after which another node sends it again. So a
 * destination may see a call twice, never none: calls must be safe to repeat (a purge is).
 */
@Service
public class HttpOutbox {

    private static final Logger log = LoggerFactory.getLogger(HttpOutbox.class);
    private static final int MAX_ERROR = 2000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Map<String, OutgoingCredentials> credentials;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String node;
    private final RestClient http;
    private final ExecutorService senders;

    @Autowired
    HttpOutbox(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            List<OutgoingCredentials> credentials,
            OutboxProperties properties,
            Clock clock) {
        this(jdbc, transactions, credentials, properties, clock, nodeName());
    }

    /** An outbox as one node runs it; {@code node} names it in the rows it claims (tests start a second node). */
    public HttpOutbox(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            List<OutgoingCredentials> credentials,
            OutboxProperties properties,
            Clock clock,
            String node) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.credentials =
                credentials.stream().collect(Collectors.toMap(OutgoingCredentials::kind, Function.identity()));
        this.properties = properties;
        this.clock = clock;
        this.node = node;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().requestFactory(requests).build();
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000), task -> {
                    Thread thread = new Thread(task, "outbox-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.senders = pool;
    }

    /**
     * Adds a call, in the caller's transaction if there is one, and sends it right after that transaction commits
     * (at once without one); answers its id.
     */
    public long enqueue(OutgoingRequest request) {
        return enqueue(request, null);
    }

    /**
     * Adds a call to be sent no sooner than {@code notBefore} (by the background sender; {@code null}: right after
     * the commit, as {@link #enqueue(OutgoingRequest)}); answers its id.
     */
    public long enqueue(OutgoingRequest request, Instant notBefore) {
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into outgoing_requests
                               (kind, method, url, headers, body, max_attempts, next_attempt_at, created_at)
                        values (:kind, :method, :url, :headers, :body, :maxAttempts, :due, :now)
                        returning id""")
                .param("kind", request.kind())
                .param("method", request.method())
                .param("url", request.url().toString())
                .param("headers", request.headerLines())
                .param("body", request.body())
                .param("maxAttempts", properties.maxAttempts())
                .param("now", Timestamp.from(now))
                .param("due", Timestamp.from(notBefore == null ? now : notBefore))
                .query(Long.class)
                .single();
        if (notBefore != null) {
            return id;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sendSoon(id);
                }
            });
        } else {
            sendSoon(id);
        }
        return id;
    }

    private void sendSoon(long id) {
        try {
            senders.execute(() -> {
                try {
                    claim(id).forEach(this::send);
                } catch (RuntimeException ex) {
                    log.warn("Could not send outgoing call #{} now; it waits for a retry: {}", id, ex.toString());
                }
            });
        } catch (RejectedExecutionException ex) {
            log.debug("Outgoing call #{} left for the background sender", id);
        }
    }

    /** Claims and sends the due calls on the calling thread until none is due; answers how many were tried. */
    public int sendDue() {
        int tried = 0;
        List<Claimed> claimed;
        while (!(claimed = claimDue(10)).isEmpty()) {
            claimed.forEach(this::send);
            tried += claimed.size();
        }
        return tried;
    }

    /** The latest calls of the kinds starting with {@code kindPrefix}, newest first. */
    public List<OutboxEntry> recent(String kindPrefix, int limit) {
        return jdbc.sql("select * from outgoing_requests where kind like :kind order by created_at desc, id desc"
                        + " limit :limit")
                .param("kind", kindPrefix + "%")
                .param("limit", limit)
                .query(HttpOutbox::entry)
                .list();
    }

    /** The calls of those kinds that failed at least once and are not sent yet, or failed for good; newest first. */
    public List<OutboxEntry> failing(String kindPrefix, int limit) {
        return jdbc.sql("""
                        select * from outgoing_requests
                        where kind like :kind
                          and (state = 'FAILED' or (state in ('QUEUED', 'SENDING') and attempts > 0))
                        order by created_at desc, id desc limit :limit""")
                .param("kind", kindPrefix + "%")
                .param("limit", limit)
                .query(HttpOutbox::entry)
                .list();
    }

    /** Deletes sent calls older than {@code masthead.outbox.keep-sent}, and failed ones ten times as old. */
    int prune() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        delete from outgoing_requests
                        where (state = 'SENT' and created_at < :sent) or (state = 'FAILED' and created_at < :failed)""")
                .param("sent", Timestamp.from(now.minus(properties.keepSent())))
                .param("failed", Timestamp.from(now.minus(properties.keepSent().multipliedBy(10))))
                .update();
    }

    String node() {
        return node;
    }

    private List<Claimed> claim(long id) {
        return claim("id = :id and state = 'QUEUED'", Map.of("id", id), 1);
    }

    private List<Claimed> claimDue(int max) {
        return claim(
                "(state = 'QUEUED' and next_attempt_at <= :now) or (state = 'SENDING' and locked_until < :now)",
                Map.of(),
                max);
    }

    private List<Claimed> claim(String which, Map<String, Object> parameters, int max) {
        Instant now = clock.instant();
        return transaction.execute(status -> jdbc.sql("""
                        update outgoing_requests
                        set state = 'SENDING', attempts = attempts + 1, locked_by = :node, locked_until = :until
                        where id in (select id from outgoing_requests where %s
                                     order by next_attempt_at, id limit :max for update skip locked)
                        returning id, kind, method, url, headers, body, attempts, max_attempts""".formatted(which))
                .params(parameters)
                .param("node", node)
                .param("until", Timestamp.from(now.plus(properties.lease())))
                .param("now", Timestamp.from(now))
                .param("max", max)
                .query((rs, row) -> new Claimed(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("method"),
                        rs.getString("url"),
                        OutgoingRequest.parseHeaders(rs.getString("headers")),
                        rs.getString("body"),
                        rs.getInt("attempts"),
                        rs.getInt("max_attempts")))
                .list());
    }

    private record Claimed(
            long id,
            String kind,
            String method,
            String url,
            Map<String, String> headers,
            String body,
            int attempts,
            int maxAttempts) {}

    private void send(Claimed call) {
        Integer status = null;
        String error;
        try {
            Map<String, String> headers = new LinkedHashMap<>(call.headers());
            OutgoingCredentials added = credentials.get(call.kind());
            if (added != null) {
                headers.putAll(added.headersFor(new OutgoingRequest(
                        call.kind(), call.method(), java.net.URI.create(call.url()), call.headers(), call.body())));
            }
            RestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(call.method()))
                    .uri(java.net.URI.create(call.url()))
                    .headers(h -> headers.forEach(h::set));
            if (!call.body().isEmpty()) {
                request.body(call.body().getBytes(StandardCharsets.UTF_8));
            }
            Answer answer = request.exchange((req, res) -> {
                byte[] text = res.getBody().readNBytes(300);
                return new Answer(res.getStatusCode().value(), new String(text, StandardCharsets.UTF_8));
            });
            status = answer.status();
            if (answer.status() >= 200 && answer.status() < 300) {
                sent(call, answer.status());
                return;
            }
            error = "HTTP " + answer.status()
                    + (answer.text().isBlank() ? "" : ": " + answer.text().strip());
        } catch (RuntimeException ex) {
            Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
            error = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        failed(call, status, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
    }

    private record Answer(int status, String text) {}

    private void sent(Claimed call, int status) {
        finish(call, "state = 'SENT', sent_at = :now, last_status = :status", status, null, null);
    }

    private void failed(Claimed call, Integer status, String error) {
        if (call.attempts() >= call.maxAttempts()) {
            log.error(
                    "Outgoing {} #{} to {} failed for good after {} attempts: {}",
                    call.kind(),
                    call.id(),
                    call.url(),
                    call.attempts(),
                    error);
            finish(call, "state = 'FAILED', last_status = :status, last_error = :error", status, error, null);
        } else {
            Instant retry = clock.instant().plus(backoff(call.attempts()));
            log.warn(
                    "Outgoing {} #{} to {} failed (attempt {}), retrying at {}: {}",
                    call.kind(),
                    call.id(),
                    call.url(),
                    call.attempts(),
                    retry,
                    error);
            finish(
                    call,
                    "state = 'QUEUED', next_attempt_at = :at, last_status = :status, last_error = :error",
                    status,
                    error,
                    retry);
        }
    }

    /** The wait after the {@code attempts}-th failed attempt. */
    Duration backoff(int attempts) {
        Duration delay = properties.firstRetry().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return delay.compareTo(properties.lastRetry()) > 0 ? properties.lastRetry() : delay;
    }

    /** Fenced by node and attempt: a node whose lease ran out (another node took the call) changes nothing. */
    private void finish(Claimed call, String set, Integer status, String error, Instant at) {
        Instant now = clock.instant();
        int updated = jdbc.sql("update outgoing_requests set " + set + ", locked_by = null, locked_until = null"
                        + " where id = :id and locked_by = :node and attempts = :attempts and state = 'SENDING'")
                .param("id", call.id())
                .param("node", node)
                .param("attempts", call.attempts())
                .param("now", Timestamp.from(now))
                .param("status", status, Types.INTEGER)
                .param("error", error == null ? "" : error)
                .param("at", Timestamp.from(at == null ? now : at))
                .update();
        if (updated == 0) {
            log.warn("Outgoing call #{} was taken by another node after this node's lease ran out", call.id());
        }
    }

    private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        int status = rs.getInt("last_status");
        Integer lastStatus = rs.wasNull() ? null : status;
        return new OutboxEntry(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("method"),
                rs.getString("url"),
                rs.getString("headers"),
                rs.getString("body"),
                rs.getString("state"),
                rs.getInt("attempts"),
                rs.getInt("max_attempts"),
                lastStatus,
                rs.getString("last_error"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("sent_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Stops sending; calls not yet sent wait in the table for a background sender. */
    @PreDestroy
    public void close() {
        senders.shutdown();
        try {
            if (!senders.awaitTermination(properties.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static String nodeName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
