package org.masthead.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.masthead.MastheadApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * The whole application in a JVM of its own, as it runs in production, on a free port: prints {@code READY <port>}
 * once it answers, or {@code FAILED <message>}. Arguments are passed on to Spring Boot.
 */
public final class MastheadChild {

    private MastheadChild() {}

    public static void main(String[] args) {
        ConfigurableApplicationContext context;
        try {
            context = SpringApplication.run(MastheadApplication.class, args);
        } catch (RuntimeException ex) {
            System.out.println("FAILED " + ex);
            System.out.flush();
            System.exit(3);
            return;
        }
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        System.out.println("READY " + port);
        System.out.flush();
    }

    /**
     * The command line that starts the application in a JVM of its own with this test run's class path: {@code heap}
     * as {@code -Xmx}, then Spring Boot arguments. Only the quick first compiler runs (a child lives for seconds, so
     * the optimising one would not pay off) and the output stays quiet but for warnings.
     */
    public static List<String> command(String heap, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                MastheadChild.class.getName(),
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn"));
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * Waits until a child started with this class, its output going to {@code log}, says it is ready, and returns its
     * port; fails the test if it says it failed, exits, or takes longer than {@code timeout}.
     */
    public static int awaitReady(Process app, Path log, Duration timeout) {
        return await("the application's start")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> readyPort(app, log), port -> port != null);
    }

    /** The port the child said it is ready on, or null while it is still starting. */
    private static Integer readyPort(Process app, Path log) throws IOException {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("READY ")) {
                return Integer.parseInt(line.substring("READY ".length()).trim());
            }
            if (line.startsWith("FAILED ")) {
                throw new AssertionError("the application did not start: " + line);
            }
        }
        if (!app.isAlive()) {
            throw new AssertionError("the application exited: " + Files.readString(log));
        }
        return null;
    }
}
