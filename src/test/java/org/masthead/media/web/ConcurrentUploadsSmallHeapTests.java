package org.masthead.media.web;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.masthead.StaffHttp;
import org.masthead.media.TestImages;
import org.masthead.web.MastheadChild;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application, in a JVM of its own with a 256 MB heap, gets many large uploads at once from a signed-in staff
 * member: 6000 × 6000 pictures (more than this heap's pixel budget), 3000 × 3000 ones (each fits the budget, two do
 * not) and smaller ones. Every answer is a stored image or a clear message on the upload form (too many pixels for
 * this server, or a 503 "busy, upload it again" with {@code Retry-After}); no other error, no
 * {@code OutOfMemoryError}; afterwards the application is healthy and a normal upload is stored.
 */
@Execution(ExecutionMode.CONCURRENT)
class ConcurrentUploadsSmallHeapTests {

    private static final String EMAIL = "admin@example.org";
    private static final String PASSWORD = "heap-test-admin-password";

    /** Past this wait for its share of the budget an upload is answered "busy": short, so the test stays short. */
    private static final String WORK_WAIT = "2s";

    private static final String TOO_MANY_PIXELS = "more than this server can process";
    private static final String BUSY = "The server is busy processing other images";

    @TempDir
    Path dir;

    private EmbeddedPostgres database;
    private Process app;
    private Path log;
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
        if (log != null && Files.exists(log)) {
            Files.copy(
                    log,
                    Path.of("target", "concurrent-uploads-app.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private record Upload(String name, int width, int height, byte[] bytes) {}

    private record Outcome(Upload upload, HttpResponse<String> response, Duration took) {
        int status() {
            return response.statusCode();
        }

        @Override
        public String toString() {
            return upload.name() + " " + status() + " in " + took.toMillis() + " ms";
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void concurrentLargeUploadsUnder256MbAreStoredOrAnsweredWithAMessageNeverAnOutOfMemoryError() throws Exception {
        Path data = dir.resolve("postgres");
        Files.createDirectories(data);
        database = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        startApp(database.getJdbcUrl("postgres", "postgres"));
        StaffHttp staff = StaffHttp.signIn(port, EMAIL, PASSWORD);
        // The session's CSRF token is made on the first form shown after signing in; forms shown at once before
        // that each make one and only the last one stored is accepted. Open the form once first, as staff do.
        assertThat(staff.get("/admin/media/new").statusCode()).isEqualTo(200);

        byte[] huge = TestImages.streamedPng(6000, 6000);
        byte[] large = TestImages.streamedPng(3000, 3000);
        byte[] largeTransparent = TestImages.transparentPng(3000, 3000);
        byte[] medium = TestImages.streamedPng(2000, 1500);
        List<Upload> uploads = List.of(
                new Upload("huge-1.png", 6000, 6000, huge),
                new Upload("huge-2.png", 6000, 6000, huge),
                new Upload("large-1.png", 3000, 3000, large),
                new Upload("large-2.png", 3000, 3000, large),
                new Upload("large-3.png", 3000, 3000, large),
                new Upload("large-4.png", 3000, 3000, large),
                new Upload("large-transparent.png", 3000, 3000, largeTransparent),
                new Upload("medium-1.png", 2000, 1500, medium),
                new Upload("medium-2.png", 2000, 1500, medium));

        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(uploads.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> answers = new ArrayList<>();
            for (Upload upload : uploads) {
                answers.add(pool.submit(() -> {
                    start.await();
                    long begin = System.nanoTime();
                    HttpResponse<String> response = staff.upload(upload.name(), upload.bytes(), "A test picture");
                    return new Outcome(upload, response, Duration.ofNanos(System.nanoTime() - begin));
                }));
            }
            start.countDown();
            for (Future<Outcome> answer : answers) {
                outcomes.add(answer.get(150, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("Concurrent uploads under -Xmx256m: " + outcomes);

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(output).as("the application's output").doesNotContain("OutOfMemoryError", "Java heap space");
        assertThat(app.isAlive()).isTrue();

        int stored = 0;
        int busy = 0;
        for (Outcome outcome : outcomes) {
            HttpResponse<String> response = outcome.response();
            String body = response.body();
            boolean overBudget =
                    (long) outcome.upload().width() * outcome.upload().height() > 10_000_000L;
            if (overBudget) {
                // More than what a 256 MB heap's budget holds (about 9.6 million pixels): refused from its header.
                assertThat(outcome.status()).as(outcome.toString()).isEqualTo(400);
                assertThat(body)
                        .as(outcome.toString())
                        .contains(TOO_MANY_PIXELS)
                        .contains("about 9 million pixels");
                continue;
            }
            assertThat(outcome.status()).as(outcome + ": " + body).isIn(302, 503);
            if (outcome.status() == 503) {
                busy++;
                assertThat(response.headers().firstValue("Retry-After"))
                        .as(outcome.toString())
                        .isPresent();
                assertThat(body).as(outcome.toString()).contains(BUSY).contains("id=\"file-error\"");
            } else {
                stored++;
                String location = response.headers().firstValue("Location").orElseThrow();
                assertThat(location).as(outcome.toString()).matches(".*/admin/media/\\d+");
                HttpResponse<String> page = staff.get(URI.create(location).getPath());
                assertThat(page.statusCode()).as(location).isEqualTo(200);
                assertThat(page.body())
                        .as("the stored picture's size")
                        .containsPattern(size(outcome.upload().width()) + " × "
                                + size(outcome.upload().height()));
            }
        }
        assertThat(stored)
                .as("the first picture to take the budget is processed: " + outcomes)
                .isGreaterThanOrEqualTo(1);
        System.out.println("stored " + stored + ", busy " + busy);

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        HttpResponse<String> normal = staff.upload("after.jpg", TestImages.jpeg(1200, 800), "After the rush");
        assertThat(normal.statusCode()).as(normal.body()).isEqualTo(302);
        assertThat(staff.get(URI.create(normal.headers().firstValue("Location").orElseThrow())
                                .getPath())
                        .statusCode())
                .isEqualTo(200);
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).doesNotContain("OutOfMemoryError");
    }

    /** A width or height as the page shows it, with or without a thousands separator. */
    private static String size(int pixels) {
        String digits = Integer.toString(pixels);
        return digits.length() > 3
                ? digits.substring(0, digits.length() - 3) + ",?" + digits.substring(digits.length() - 3)
                : digits;
    }

    private void startApp(String jdbcUrl) throws Exception {
        log = dir.resolve("app.log");
        app = new ProcessBuilder(MastheadChild.command(
                        "256m",
                        "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--masthead.demo-content=false",
                        "--masthead.admin-email=" + EMAIL,
                        "--masthead.admin-password=" + PASSWORD,
                        // signs in with the password alone, as the uploads are what is measured
                        "--masthead.security.second-factor-required-roles=",
                        "--masthead.security.new-device-check=false",
                        "--masthead.scheduler.enabled=false",
                        "--masthead.jobs.enabled=false",
                        "--masthead.media.work-wait=" + WORK_WAIT))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        port = MastheadChild.awaitReady(app, log, Duration.ofMinutes(3));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
