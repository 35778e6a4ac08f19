package org.masthead.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.masthead.MastheadApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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
     * Waits until a child started with this class, its output going to {@code log}, says it is ready, and returns its
     * port; fails the test if it says it failed, exits, or takes longer than {@code timeout}.
     */
    public static int awaitReady(Process app, Path log, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
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
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not start in time");
    }
}
