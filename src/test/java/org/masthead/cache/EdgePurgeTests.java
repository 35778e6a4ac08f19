package org.masthead.cache;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.HttpTest;
import org.masthead.MutableClock;
import org.masthead.StaffHttp;
import org.masthead.audit.AuditLog;
import org.masthead.event.ArticleChanged;
import org.masthead.event.ArticlePublished;
import org.masthead.event.PublicContentEvent;
import org.masthead.event.SectionChanged;
import org.masthead.outbox.HttpOutbox;
import org.masthead.outbox.OutboxProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The purge of shared caches by tag, each adapter against a local server that records what it receives, through
 * the outbox on the real database: sent right after the commit, retried with back-off when it fails (and shown on
 * the admin's cache page meanwhile), and sent by another node when the node that wrote it died.
 */
@HttpTest
class EdgePurgeTests {

    static final OutboxProperties OUTBOX = new OutboxProperties(
            false,
            Duration.ofSeconds(1),
            3,
            Duration.ofSeconds(5),
            Duration.ofMinutes(1),
            Duration.ofMinutes(1),
            Duration.ofSeconds(3),
            Duration.ofDays(7));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    PageCache pages;

    @Autowired
    PostgresInvalidationBridge nodes;

    @Autowired
    AuditLog audit;

    /** This class's own clock, standing still unless a test moves it (back-off does not run out under load). */
    final MutableClock clock = new MutableClock(Instant.now());

    final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closing : opened) {
            closing.close();
        }
        // nothing this class enqueued is left for another test's sender
        jdbc.sql("delete from outgoing_requests where state in ('QUEUED', 'SENDING')")
                .update();
    }

    RecordingServer server() throws Exception {
        RecordingServer server = new RecordingServer();
        opened.add(server);
        return server;
    }

    /** A node's outbox, as it starts (credentials from {@code settings}, as the application's beans add them). */
    HttpOutbox node(String name, CachePurgeProperties settings) {
        HttpOutbox outbox = new HttpOutbox(
                jdbc, transactions, PurgeTarget.credentials(settings), OUTBOX, clock, name + "-" + System.nanoTime());
        opened.add(outbox::close);
        return outbox;
    }

    EdgePurge purger(HttpOutbox outbox, CachePurgeProperties settings) {
        return new EdgePurge(PurgeTarget.of(settings), settings.repeatAfter(), clock, outbox, pages, nodes, audit);
    }

    /** A change committed with {@code purge} listening, as the services publish it. */
    void commit(EdgePurge purge, PublicContentEvent change) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> purge.on(change));
    }

    static ArticlePublished published() {
        return new ArticlePublished(12, 3, Set.of(5L), Set.of(7L));
    }

    long lastId() {
        return jdbc.sql("select max(id) from outgoing_requests")
                .query(Long.class)
                .single();
    }

    String state(long id) {
        return jdbc.sql("select state from outgoing_requests where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    @Test
    void varnishGetsAnXkeyPurgeOnEachConfiguredVarnish() throws Exception {
        RecordingServer first = server();
        RecordingServer second = server();
        CachePurgeProperties settings = PurgeSettings.varnish(first.url("/"), second.url("/"));
        EdgePurge purge = purger(node("a", settings), settings);

        commit(purge, published());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> first.received().size() == 1 && second.received().size() == 1);
        for (RecordingServer varnish : List.of(first, second)) {
            RecordingServer.Received purged = varnish.received().get(0);
            assertThat(purged.method()).isEqualTo("PURGE");
            assertThat(purged.uri()).isEqualTo("/");
            assertThat(purged.header("xkey")).isEqualTo("home article-12 section-3 author-5 topic-7");
        }
        long id = lastId();
        await().atMost(Duration.ofSeconds(5)).until(() -> state(id).equals("SENT"));

        commit(purge, new SectionChanged(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> first.received().size() == 2);
        assertThat(first.received().get(1).method())
                .as("a section's name is on every page: everything goes")
                .isEqualTo("BAN");
    }

    @Test
    void eachPurgeIsSentAgainAfterTheOtherNodesHeardOfTheChange() throws Exception {
        RecordingServer varnish = server();
        CachePurgeProperties settings = PurgeSettings.varnishRepeating(Duration.ofSeconds(2), varnish.url("/"));
        HttpOutbox outbox = node("a", settings);
        EdgePurge purge = purger(outbox, settings);

        commit(purge, new ArticleChanged(12, 3, Set.of(), Set.of()));

        await().atMost(Duration.ofSeconds(10)).until(() -> varnish.received().size() == 1);
        outbox.sendDue();
        assertThat(varnish.received()).as("the repeat waits its time").hasSize(1);
        clock.advance(Duration.ofSeconds(3));
        outbox.sendDue();
        assertThat(varnish.received()).hasSize(2);
        assertThat(varnish.received())
                .extracting(r -> r.header("xkey"))
                .containsExactly("article-12 section-3", "article-12 section-3");
    }

    @Test
    void fastlyIsPurgedBySurrogateKeyWithItsToken() throws Exception {
        RecordingServer fastly = server();
        CachePurgeProperties settings = PurgeSettings.fastly(fastly.url(""), "svc-42", "fastly-secret");
        EdgePurge purge = purger(node("a", settings), settings);

        commit(purge, new ArticleChanged(12, 3, Set.of(5L), Set.of()));
        commit(purge, new SectionChanged(3));

        await().atMost(Duration.ofSeconds(10)).until(() -> fastly.received().size() == 2);
        RecordingServer.Received byKey = fastly.received().stream()
                .filter(r -> r.uri().endsWith("/purge"))
                .findFirst()
                .orElseThrow();
        assertThat(byKey.method()).isEqualTo("POST");
        assertThat(byKey.uri()).isEqualTo("/service/svc-42/purge");
        assertThat(byKey.header("Surrogate-Key")).isEqualTo("article-12 section-3 author-5");
        assertThat(byKey.header("Fastly-Key")).isEqualTo("fastly-secret");
        assertThat(fastly.received()).extracting(RecordingServer.Received::uri).contains("/service/svc-42/purge_all");
        assertThat(jdbc.sql("select count(*) from outgoing_requests where headers like '%fastly-secret%'")
                        .query(Long.class)
                        .single())
                .as("the token is added when sending, never stored")
                .isZero();
    }

    @Test
    void cloudflareIsPurgedByCacheTagWithItsToken() throws Exception {
        RecordingServer cloudflare = server();
        CachePurgeProperties settings = PurgeSettings.cloudflare(cloudflare.url("/client/v4"), "zone-9", "cf-secret");
        EdgePurge purge = purger(node("a", settings), settings);

        commit(purge, published());

        await().atMost(Duration.ofSeconds(10)).until(() -> cloudflare.received().size() == 1);
        RecordingServer.Received purged = cloudflare.received().get(0);
        assertThat(purged.method()).isEqualTo("POST");
        assertThat(purged.uri()).isEqualTo("/client/v4/zones/zone-9/purge_cache");
        assertThat(purged.header("Authorization")).isEqualTo("Bearer cf-secret");
        assertThat(purged.header("Content-Type")).startsWith("application/json");
        assertThat(purged.body())
                .isEqualTo("{\"tags\":[\"home\",\"article-12\",\"section-3\",\"author-5\",\"topic-7\"]}");

        commit(purge, new SectionChanged(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> cloudflare.received().size() == 2);
        assertThat(cloudflare.received().get(1).body()).isEqualTo("{\"purge_everything\":true}");
    }

    @Test
    void theWebhookGetsTheKeysAsJson() throws Exception {
        RecordingServer hook = server();
        CachePurgeProperties settings = PurgeSettings.webhook(hook.url("/hooks/purge?site=journal"), "hook-secret");
        EdgePurge purge = purger(node("a", settings), settings);

        commit(purge, new ArticleChanged(12, 3, Set.of(), Set.of()));

        await().atMost(Duration.ofSeconds(10)).until(() -> hook.received().size() == 1);
        RecordingServer.Received purged = hook.received().get(0);
        assertThat(purged.method()).isEqualTo("POST");
        assertThat(purged.uri()).isEqualTo("/hooks/purge?site=journal");
        assertThat(purged.header("Authorization")).isEqualTo("Bearer hook-secret");
        assertThat(purged.body()).isEqualTo("{\"keys\":[\"article-12\",\"section-3\"]}");
    }

    @Test
    void aChangeRolledBackPurgesNothing() throws Exception {
        RecordingServer varnish = server();
        CachePurgeProperties settings = PurgeSettings.varnish(varnish.url("/"));
        EdgePurge purge = purger(node("a", settings), settings);
        long before = jdbc.sql("select count(*) from outgoing_requests")
                .query(Long.class)
                .single();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            purge.on(published());
            status.setRollbackOnly();
        });

        Thread.sleep(300);
        assertThat(varnish.received()).isEmpty();
        assertThat(jdbc.sql("select count(*) from outgoing_requests")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aFailingEndpointIsRetriedWithBackOffAndShownOnTheCachePage() throws Exception {
        RecordingServer varnish = server();
        varnish.answer(503);
        CachePurgeProperties settings = PurgeSettings.varnish(varnish.url("/"));
        HttpOutbox outbox = node("a", settings);
        EdgePurge purge = purger(outbox, settings);

        commit(purge, published());
        long id = lastId();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select state || ' ' || attempts from outgoing_requests where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single()
                        .equals("QUEUED 1"));

        StaffHttp admin = StaffHttp.demo(port, "admin");
        String page = admin.get("/admin/cache").body();
        assertThat(page).contains("id=\"failing-" + id + "\"", "HTTP 503", "xkey: home article-12");

        outbox.sendDue();
        assertThat(varnish.received()).as("not due before its back-off").hasSize(1);

        varnish.answer(200);
        clock.advance(Duration.ofSeconds(6));
        outbox.sendDue();

        assertThat(varnish.received()).hasSize(2);
        assertThat(varnish.received().get(1).header("xkey")).isEqualTo("home article-12 section-3 author-5 topic-7");
        assertThat(state(id)).isEqualTo("SENT");
        page = admin.get("/admin/cache").body();
        assertThat(page).doesNotContain("id=\"failing-" + id + "\"").contains("id=\"purge-" + id + "\"");
    }

    @Test
    void aPurgeSurvivesItsNodeStopping() throws Exception {
        RecordingServer varnish = server();
        CachePurgeProperties settings = PurgeSettings.varnish(varnish.url("/"));
        HttpOutbox dying = node("dying", settings);
        EdgePurge purge = purger(dying, settings);
        dying.close(); // the node stops between the commit and the send

        commit(purge, published());
        long id = lastId();
        Thread.sleep(300);
        assertThat(varnish.received()).isEmpty();
        assertThat(state(id)).isEqualTo("QUEUED");

        HttpOutbox restarted = node("restarted", settings);
        restarted.sendDue();

        assertThat(varnish.received()).hasSize(1);
        assertThat(varnish.received().get(0).header("xkey")).isEqualTo("home article-12 section-3 author-5 topic-7");
        assertThat(state(id)).isEqualTo("SENT");
    }

    @Test
    void aPurgeANodeDiedSendingIsSentAgainWhenItsLeaseRunsOut() throws Exception {
        RecordingServer varnish = server();
        CachePurgeProperties settings = PurgeSettings.varnish(varnish.url("/"));
        HttpOutbox dying = node("dying", settings);
        EdgePurge purge = purger(dying, settings);
        dying.close();
        commit(purge, published());
        long id = lastId();
        // as the dying node left it: claimed, its lease running
        jdbc.sql("""
                        update outgoing_requests set state = 'SENDING', attempts = 1, locked_by = 'dead-node',
                               locked_until = :until where id = :id""")
                .param("until", java.sql.Timestamp.from(clock.instant().plus(OUTBOX.lease())))
                .param("id", id)
                .update();

        HttpOutbox other = node("other", settings);
        other.sendDue();
        assertThat(varnish.received()).as("still the dead node's").isEmpty();

        clock.advance(OUTBOX.lease().plusSeconds(1));
        other.sendDue();

        assertThat(varnish.received()).hasSize(1);
        assertThat(state(id)).isEqualTo("SENT");
    }

    @Test
    void onlyAdminsSeeTheCachePageAndPurgeEverything() throws Exception {
        Http reader = Http.reader(port);
        reader.get("/");
        StaffHttp editor = StaffHttp.demo(port, "editor");
        assertThat(editor.get("/admin/cache").statusCode()).isEqualTo(403);

        StaffHttp admin = StaffHttp.demo(port, "admin");
        HttpResponse<String> page = admin.get("/admin/cache");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"cache-no-targets\"", "id=\"purge-everything\"");
        assertThat(admin.postForm("/admin/cache/purge-everything", java.util.Map.of())
                        .statusCode())
                .as("no CSRF token")
                .isEqualTo(403);
        assertThat(pages.keys()).isNotEmpty();
        long audited = audited();

        HttpResponse<String> purged = admin.submit("/admin/cache", "/admin/cache/purge-everything", java.util.Map.of());

        assertThat(purged.statusCode()).isEqualTo(302);
        assertThat(pages.keys()).isEmpty();
        assertThat(audited()).isEqualTo(audited + 1);
        assertThat(admin.get("/admin/cache").body()).contains("Every cache was purged.");
    }

    long audited() {
        return jdbc.sql("select count(*) from audit_events where action = 'cache.purge-everything'")
                .query(Long.class)
                .single();
    }

    @Test
    void anEditorCannotPurgeEverything() {
        StaffHttp editor = StaffHttp.demo(port, "editor");
        String token = StaffHttp.csrfToken(editor.get("/admin").body());
        assertThat(editor.postForm("/admin/cache/purge-everything", java.util.Map.of("_csrf", token))
                        .statusCode())
                .isEqualTo(403);
    }
}
