package org.masthead.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL primary and a streaming replica of it, both from the embedded binaries, on loopback. The binaries
 * have no {@code pg_basebackup}, so the replica is made as PostgreSQL documents a low-level base backup: the
 * primary's data directory copied between {@code pg_backup_start()} and {@code pg_backup_stop()}, the backup label
 * written into the copy, then {@code standby.signal} and {@code primary_conninfo}.
 */
final class StreamingReplica implements AutoCloseable {

    /** Files of a running server that a base backup leaves out (and the library's lock). */
    private static final Set<String> NOT_COPIED =
            Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label", "tablespace_map");

    final EmbeddedPostgres primary;
    final EmbeddedPostgres replica;

    private StreamingReplica(EmbeddedPostgres primary, EmbeddedPostgres replica) {
        this.primary = primary;
        this.replica = replica;
    }

    static StreamingReplica start(Path dir) throws IOException, SQLException {
        Path primaryData = dir.resolve("primary");
        Path replicaData = dir.resolve("replica");
        EmbeddedPostgres primary = EmbeddedPostgres.builder()
                .setDataDirectory(primaryData)
                .setCleanDataDirectory(false)
                .setServerConfig("wal_level", "replica")
                .setServerConfig("wal_keep_size", "256MB")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        try (Connection connection = primary.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_backup_start('replica', true)");
            copy(primaryData, replicaData);
            try (ResultSet stop = statement.executeQuery("select labelfile from pg_backup_stop(false)")) {
                stop.next();
                Files.writeString(replicaData.resolve("backup_label"), stop.getString(1), StandardCharsets.UTF_8);
            }
        }
        // the server refuses a data directory others may read
        Files.setPosixFilePermissions(
                replicaData, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Files.createFile(replicaData.resolve("standby.signal"));
        // in the configuration file: the server's command line would split the value at its spaces
        Files.writeString(
                replicaData.resolve("postgresql.auto.conf"),
                "primary_conninfo = 'host=127.0.0.1 port=" + primary.getPort() + " user=postgres'\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        EmbeddedPostgres replica = EmbeddedPostgres.builder()
                .setDataDirectory(replicaData)
                .setCleanDataDirectory(false)
                .setServerConfig("hot_standby", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        return new StreamingReplica(primary, replica);
    }

    /** The data directory as it is, but for a running server's own files; the WAL comes by streaming. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(source);
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!NOT_COPIED.contains(relative.toString())
                        && !relative.startsWith("pg_wal")
                        && !relative.startsWith("pg_replslot")) {
                    try {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // a temporary file the server removed while the copy ran
                    }
                }
            }
        }
    }

    /** Stops replaying the primary's changes (they keep arriving), or replays them again. */
    void pauseReplay(boolean paused) {
        try (Connection connection = replica.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(paused ? "select pg_wal_replay_pause()" : "select pg_wal_replay_resume()");
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Ends every client's connection to the replica, as a restart of it would. */
    void cutReplicaConnections() {
        try (Connection connection = replica.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where backend_type = 'client backend' and pid <> pg_backend_pid()");
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    void stopReplica() {
        try {
            replica.close();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            replica.close();
        } finally {
            primary.close();
        }
    }
}
