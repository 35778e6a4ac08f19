package org.masthead.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application, in a JVM of its own, loses its PostgreSQL server (killed) and gets it back: readers get a fast
 * 503 page with {@code Retry-After} instead of waiting for a 500, staff a clear word that nothing was saved,
 * readiness reports the outage, and everything answers again once the database is back, without a restart.
 */
@Execution(ExecutionMode.CONCURRENT)
class DatabaseOutageTests {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private EmbeddedPostgres database;
    private Process app;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void readersGetAQuick503WhileTheDatabaseIsDownAndPagesAgainWhenItIsBack() throws Exception {
        Path data = dir.resolve("postgres");
        database = startDatabase(data, 0);
        int databasePort = database.getPort();
        startApp(database.getJdbcUrl("postgres", "postgres"));

        assertThat(get("/", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);

        // A connection used just now is handed out again without a check: the first request after the kill
        // breaks on it, in whatever way, and still gets the 503 page.
        assertThat(get("/search?q=warm", null).statusCode()).isEqualTo(200);
        killDatabase(data);
        HttpResponse<String> first = get("/search?q=first", null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(503);
        assertThat(first.body()).contains("id=\"unavailable\"");

        // Pages never read before: the page cache has no copy of them (a page read before may still be served from
        // memory until this node's listener notices the outage and clears it).
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            HttpResponse<String> reader = get("/articles/never-read-" + i, null);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(reader.statusCode()).as(reader.body()).isEqualTo(503);
            assertThat(reader.headers().firstValue("Retry-After")).isPresent();
            assertThat(reader.body()).contains("id=\"unavailable\"").contains("try again in a minute");
            // Loosely: far from the 30 s the pool used to wait (the pool gives up after 1.5 s, here 250 ms).
            assertThat(took).as("answered in " + took).isLessThan(Duration.ofSeconds(15));
        }
        HttpResponse<String> article = get("/articles/any-article", null);
        assertThat(article.statusCode()).isEqualTo(503);

        // A staff member's session lives in the database: their request gets the newsroom's version of the page.
        HttpResponse<String> staff = get("/admin/articles", "SESSION=c29tZS1zZXNzaW9u");
        assertThat(staff.statusCode()).isEqualTo(503);
        assertThat(staff.headers().firstValue("Retry-After")).isPresent();
        assertThat(staff.body()).contains("id=\"unavailable\"").contains("your last action was not saved");

        // The sign-in page: shown without the database (nothing is stored before signing in), and with a session
        // cookie it fails fast; signing in fails fast too.
        for (String cookie : new String[] {null, "SESSION=c29tZS1zZXNzaW9u"}) {
            long start = System.nanoTime();
            HttpResponse<String> login = get("/login", cookie);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(login.statusCode()).as("GET /login, cookie " + cookie).isIn(200, 503);
            assertThat(took).as("GET /login answered in " + took).isLessThan(Duration.ofSeconds(2));
        }
        long start = System.nanoTime();
        HttpResponse<String> signIn = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("email=a%40b.c&password=x&_csrf=x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(signIn.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(took).as("POST /login answered in " + took).isLessThan(Duration.ofSeconds(2));

        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(503);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);

        database.close(); // releases the library's lock on the folder; the server is already gone
        database = startDatabase(data, databasePort);

        await("readiness once the database is back")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> get("/actuator/health/readiness", null).statusCode() == 200);
        assertThat(get("/", null).statusCode())
                .as("the front page once the database is back")
                .isEqualTo(200);
        // A page that needs the database again: an unknown article is a plain 404, no longer a 503.
        assertThat(get("/articles/never-read-after", null).statusCode()).isEqualTo(404);
    }

    private static EmbeddedPostgres startDatabase(Path data, int port) throws IOException {
        Files.createDirectories(data);
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    /** As a crash or the OOM killer would: the server and all its processes, at once, without a word. */
    private static void killDatabase(Path data) throws Exception {
        long pid = Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(0, postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private void startApp(String jdbcUrl) throws Exception {
        Path log = dir.resolve("app.log");
        app = new ProcessBuilder(MastheadChild.command(
                        "384m",
                        "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        // The production setting (1.5 s) would only make each refused request of this test slower.
                        "--spring.datasource.hikari.connection-timeout=250",
                        "--masthead.demo-content=false",
                        "--masthead.scheduler.enabled=false"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        port = MastheadChild.awaitReady(app, log, Duration.ofMinutes(4));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", path.startsWith("/actuator/") ? "application/json" : "text/html")
                .timeout(Duration.ofSeconds(45))
                .GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
