package org.masthead.testing;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A kept PostgreSQL server for the reader-pages benchmark ({@code bench/pages.sh}): the embedded server's own
 * binaries on a data folder that survives runs, on a fixed port, until the process is stopped (its shutdown hook
 * stops the server). Usage: {@code BenchDatabase <data-folder> <port>}.
 */
public final class BenchDatabase {

    private BenchDatabase() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "60")
                .start();
        System.out.println("PostgreSQL ready on port " + postgres.getPort() + ", data in " + dir);
        new CountDownLatch(1).await();
    }
}
