package org.masthead.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads of readers' requests served by a streaming replica, everything else by the primary.
 *
 * <p>The application's data source becomes Spring's {@link LazyConnectionDataSourceProxy}, which takes a real
 * connection only at a transaction's first statement, when it knows whether the transaction is read-only: a
 * read-only one takes it from {@link #readOnly}, which gives the replica's when the request may read it
 * ({@link ReaderReads}: a reader's request that has not written) and the replica is usable, and the primary's
 * otherwise. Every other connection (a transaction that may write, Flyway, sessions, jobs) is the primary's.
 *
 * <p>Usable means: it answered this node's last check (every {@code check-interval}) and is at most
 * {@code max-lag} behind the primary (see {@link #measure()}). A replica
 * that is down, lagging or refuses a connection is bypassed at once, never a failed request; it is used again when
 * a check finds it caught up.
 */
public class ReplicaReads implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicaReads.class);

    private final HikariDataSource replica;
    private final ReplicaProperties properties;
    private final ScheduledExecutorService checks;
    private volatile DataSource primary;
    private volatile boolean usable;
    private volatile Duration lag;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    /** The primary's WAL positions this node saw and the replica had not replayed yet: position, when seen. */
    private final java.util.ArrayDeque<long[]> seen = new java.util.ArrayDeque<>();

    ReplicaReads(ReplicaProperties properties, String defaultUsername, String defaultPassword) {
        this.properties = properties;
        HikariConfig config = new HikariConfig();
        config.setPoolName("replica");
        config.setJdbcUrl(properties.url());
        config.setUsername(blank(properties.username()) ? defaultUsername : properties.username());
        config.setPassword(blank(properties.password()) ? defaultPassword : properties.password());
        config.setReadOnly(true);
        config.setMaximumPoolSize(properties.maxPoolSize());
        config.setMinimumIdle(0);
        config.setConnectionTimeout(Math.max(250, properties.connectTimeout().toMillis()));
        config.setValidationTimeout(Math.max(250, properties.connectTimeout().toMillis()));
        // start even while the replica is down: it is used once a check finds it
        config.setInitializationFailTimeout(-1);
        this.replica = new HikariDataSource(config);
        this.checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "replica-check");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The application's data source, reading through the replica where it may. */
    DataSource route(DataSource primary) {
        this.primary = primary;
        LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(new WriteNoting(primary));
        proxy.setReadOnlyDataSource(new ReadOnly());
        long interval = properties.checkInterval().toMillis();
        checks.scheduleWithFixedDelay(this::check, 0, interval, TimeUnit.MILLISECONDS);
        return proxy;
    }

    /** Whether reads may go to the replica now, as of the last check. */
    public boolean usable() {
        return usable;
    }

    /** How far behind the primary the replica was at the last check, or {@code null} if it did not answer. */
    public Duration lag() {
        return lag;
    }

    /** How many connections this node has taken from the replica for readers' transactions. */
    public long readsServed() {
        return served.get();
    }

    /** How many readers' requests this node answered again from the primary after a replica read failed. */
    public long readsRetried() {
        return retried.get();
    }

    /**
     * A reader's request failed on a replica read and is answered again from the primary: stop reading the replica
     * until a check finds it answering and caught up again.
     */
    void retriedOnPrimary(Throwable why) {
        retried.incrementAndGet();
        if (usable) {
            usable = false;
            log.warn("Bypassing the replica: a read from it failed ({})", why.toString());
        }
    }

    /** Measures the replica now (the checks do it every {@code check-interval}). */
    public void check() {
        Duration measured = measure();
        boolean now = measured != null && measured.compareTo(properties.maxLag()) <= 0;
        if (now != usable) {
            if (now) {
                log.info("Reading from the replica again ({} behind the primary)", measured);
            } else {
                log.warn(
                        "Bypassing the replica: {}",
                        measured == null ? "it does not answer" : measured + " behind the primary");
            }
        }
        lag = measured;
        usable = now;
    }

    /**
     * How far behind the primary the replica is: the time since this node first saw the primary at a WAL position
     * the replica has not replayed yet (to the check's interval), or zero when it has replayed all the primary
     * had; {@code null} when either does not answer. Measured on the primary's own positions, so a replica of a
     * primary that has been idle for an hour is not "an hour behind".
     */
    private Duration measure() {
        DataSource primary = this.primary;
        if (primary == null) {
            return null;
        }
        try {
            long written = lsn(primary, "select pg_current_wal_lsn()::text");
            long replayed =
                    lsn(replica, "select case when pg_is_in_recovery() then pg_last_wal_replay_lsn()::text end");
            long now = System.nanoTime();
            synchronized (seen) {
                if (seen.isEmpty() || seen.peekLast()[0] < written) {
                    seen.addLast(new long[] {written, now});
                }
                while (!seen.isEmpty() && (replayed < 0 || seen.peekFirst()[0] <= replayed)) {
                    seen.removeFirst();
                }
                return seen.isEmpty() ? Duration.ZERO : Duration.ofNanos(now - seen.peekFirst()[1]);
            }
        } catch (SQLException | RuntimeException ex) {
            return null;
        }
    }

    /** A WAL position as a number ({@code 16/B374D848}), or -1 where the query gives none (a promoted replica). */
    private static long lsn(DataSource source, String query) throws SQLException {
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            row.next();
            String text = row.getString(1);
            if (text == null) {
                return -1;
            }
            int slash = text.indexOf('/');
            return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
        replica.close();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The primary, noting on the request that it began a transaction that may write. */
    private static final class WriteNoting extends DelegatingDataSource {

        WriteNoting(DataSource primary) {
            super(primary);
        }

        @Override
        public Connection getConnection() throws SQLException {
            noteWrite();
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            noteWrite();
            return super.getConnection(username, password);
        }

        private static void noteWrite() {
            if (TransactionSynchronizationManager.isActualTransactionActive()
                    && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
                ReaderReads.wrote();
            }
        }
    }

    /** For read-only transactions: the replica's connection where the request may read it, else the primary's. */
    private final class ReadOnly extends AbstractDataSource {

        @Override
        public Connection getConnection() throws SQLException {
            if (usable && ReaderReads.allowed()) {
                try {
                    Connection connection = replica.getConnection();
                    served.incrementAndGet();
                    ReaderReads.readTheReplica();
                    return connection;
                } catch (SQLException ex) {
                    usable = false;
                    log.warn("Bypassing the replica: no connection ({})", ex.getMessage());
                }
            }
            return primary.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }
}
