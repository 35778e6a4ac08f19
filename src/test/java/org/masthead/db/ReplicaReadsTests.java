package org.masthead.db;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.MastheadApplication;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An app node on a real PostgreSQL primary with a real streaming replica of it (both embedded, on loopback):
 * readers' read-only transactions read the replica; a read after a write in the same request, a staff member's
 * and a background job's reads go to the primary; a replica that lags past the bound, or stops, is bypassed, and
 * readers' pages keep answering.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaReadsTests {

    @TempDir
    static Path dir;

    static StreamingReplica databases;
    static ConfigurableApplicationContext node;
    static Article article;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeAll
    static void start() throws Exception {
        databases = StreamingReplica.start(dir);
        node = new SpringApplicationBuilder(MastheadApplication.class)
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + databases.primary.getJdbcUrl("postgres", "postgres"),
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=",
                        "masthead.datasource.replica.url=" + databases.replica.getJdbcUrl("postgres", "postgres"),
                        "masthead.datasource.replica.max-lag=2s",
                        "masthead.datasource.replica.check-interval=200ms",
                        "masthead.page-cache.enabled=false",
                        "masthead.scheduler.enabled=false",
                        "masthead.jobs.enabled=false",
                        "masthead.security.second-factor-required-roles=",
                        "masthead.security.new-device-check=false")
                .run();
        TestContent content = node.getBean(TestContent.class);
        Section section = content.section();
        Author author = content.author();
        article = content.published(
                section,
                List.of(author),
                List.of(),
                node.getBean(java.time.Clock.class).instant());
        ReplicaReads replica = node.getBean(ReplicaReads.class);
        await().atMost(Duration.ofSeconds(20)).until(replica::usable);
        // usable means at most max-lag behind: wait until the replica holds the article as published, so the readers'
        // pages
        // below find it there (a reader may see a publication up to max-lag late: that is the bound)
        await().atMost(Duration.ofSeconds(20)).until(() -> replicaHolds(article.getId()));
    }

    private static boolean replicaHolds(long articleId) throws java.sql.SQLException {
        try (java.sql.Connection connection =
                        databases.replica.getPostgresDatabase().getConnection();
                java.sql.PreparedStatement query = connection.prepareStatement(
                        "select count(*) from articles where id = ? and status = 'PUBLISHED'")) {
            query.setLong(1, articleId);
            try (java.sql.ResultSet row = query.executeQuery()) {
                return row.next() && row.getLong(1) == 1;
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (databases != null) {
            databases.close();
        }
    }

    @AfterEach
    void leaveTheRequest() {
        ReaderReads.end();
    }

    @Test
    @Order(1)
    void aReadersReadOnlyTransactionReadsTheReplica() {
        ReaderReads.begin();
        assertThat(readOnlyInRecovery()).isTrue();
    }

    @Test
    @Order(2)
    void aReadAfterAWriteInTheSameRequestReadsThePrimary() {
        ReaderReads.begin();
        assertThat(readOnlyInRecovery()).isTrue();
        new TransactionTemplate(node.getBean(PlatformTransactionManager.class))
                .executeWithoutResult(status -> jdbc().queryForObject("select 1", Integer.class));
        assertThat(readOnlyInRecovery()).isFalse();
    }

    @Test
    @Order(3)
    void outsideAReadersRequestEveryReadIsThePrimarys() {
        // a staff member's request, a job, the scheduler: no reader's request on the thread
        assertThat(readOnlyInRecovery()).isFalse();
    }

    @Test
    @Order(4)
    void readersPagesReadTheReplicaAndASignedInRequestDoesNot() throws Exception {
        ReplicaReads replica = node.getBean(ReplicaReads.class);
        long before = replica.readsServed();
        assertThat(get("/articles/" + article.getSlug(), null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/articles", null).statusCode()).isEqualTo(200);
        long afterReader = replica.readsServed();
        assertThat(afterReader).isGreaterThan(before);

        assertThat(get("/articles/" + article.getSlug(), "SESSION=someone").statusCode())
                .isEqualTo(200);
        assertThat(replica.readsServed()).isEqualTo(afterReader);
    }

    @Test
    @Order(5)
    void aReplicaLaggingPastTheBoundIsBypassedUntilItCatchesUp() throws Exception {
        ReplicaReads replica = node.getBean(ReplicaReads.class);
        databases.pauseReplay(true);
        try {
            // a change the replica receives but does not apply
            node.getBean(TestContent.class).section();
            await().atMost(Duration.ofSeconds(15)).until(() -> !replica.usable());
            ReaderReads.begin();
            assertThat(readOnlyInRecovery()).isFalse();
            assertThat(get("/articles/" + article.getSlug(), null).statusCode()).isEqualTo(200);
        } finally {
            databases.pauseReplay(false);
        }
        await().atMost(Duration.ofSeconds(15)).until(replica::usable);
        assertThat(readOnlyInRecovery()).isTrue();
    }

    @Test
    @Order(6)
    void aReadersRequestWhoseReplicaConnectionIsCutIsAnsweredFromThePrimary() throws Exception {
        ReplicaReads replica = node.getBean(ReplicaReads.class);
        long retriedBefore = replica.readsRetried();
        // The pooled connections die under the node, as when the replica restarts: the next read fails on one and
        // the request is answered from the primary. (The node's own check may notice first and bypass the replica
        // before any request fails; then there is nothing to retry, so this tries a few times.)
        for (int attempt = 0; attempt < 10 && replica.readsRetried() == retriedBefore; attempt++) {
            await().atMost(Duration.ofSeconds(15)).until(replica::usable);
            assertThat(get("/articles/" + article.getSlug(), null).statusCode()).isEqualTo(200);
            databases.cutReplicaConnections();
            assertThat(get("/articles/" + article.getSlug(), null).statusCode()).isEqualTo(200);
        }
        assertThat(replica.readsRetried()).isGreaterThan(retriedBefore);
        await().atMost(Duration.ofSeconds(15)).until(replica::usable);
    }

    @Test
    @Order(7)
    void aStoppedReplicaIsBypassedAndReadersPagesKeepAnswering() throws Exception {
        ReplicaReads replica = node.getBean(ReplicaReads.class);
        databases.stopReplica();
        // before any check notices: the first connection refused sends the read to the primary
        for (int i = 0; i < 3; i++) {
            assertThat(get("/articles/" + article.getSlug(), null).statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !replica.usable());
        ReaderReads.begin();
        assertThat(readOnlyInRecovery()).isFalse();
    }

    private static JdbcTemplate jdbc() {
        return node.getBean(JdbcTemplate.class);
    }

    /** Whether a read-only transaction, as readers' reads run, lands on a server in recovery (the replica). */
    private static boolean readOnlyInRecovery() {
        TransactionTemplate readOnly = new TransactionTemplate(node.getBean(PlatformTransactionManager.class));
        readOnly.setReadOnly(true);
        return Boolean.TRUE.equals(
                readOnly.execute(status -> jdbc().queryForObject("select pg_is_in_recovery()", Boolean.class)));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        int port = Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
