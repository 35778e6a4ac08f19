package org.masthead.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.masthead.event.PublicContentEvent;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells every other app node of a change to public content, with PostgreSQL's {@code LISTEN/NOTIFY}: no new
 * infrastructure. The notification is sent in the transaction that made the change, so PostgreSQL delivers it
 * exactly when (and only if) that transaction commits. Each node listens on a dedicated connection of its own
 * (not one of the pool's) and, when another node's notification arrives, drops the pages tagged with the change's
 * surrogate keys, as that node did ({@link PageCache#invalidate}): the payload is the sending node's id, then the
 * keys separated by spaces, or {@code *} for a change no tag bounds (or too many keys for a notification).
 * Whenever that connection is (re)opened, the cache is cleared: notifications sent while it was down are lost.
 */
@Component
class PostgresInvalidationBridge implements SmartLifecycle {

    static final String CHANNEL = "masthead_public_content";
    static final String APPLICATION_NAME = "masthead-page-cache-listener";
    static final String EVERYTHING = "*";
    /** PostgreSQL takes payloads under 8000 bytes. */
    private static final int MAX_PAYLOAD = 7900;

    private static final Logger log = LoggerFactory.getLogger(PostgresInvalidationBridge.class);

    private final PageCache cache;
    private final JdbcTemplate jdbc;
    private final Environment environment;
    private final boolean enabled;
    /** This node, so that it can ignore its own notifications (its cache was cleared after its commit). */
    private final String node = UUID.randomUUID().toString();

    private volatile boolean running;
    private volatile Connection connection;
    private volatile long connections;
    private Thread listener;

    PostgresInvalidationBridge(
            PageCache cache, JdbcTemplate jdbc, Environment environment, PageCacheProperties properties) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.environment = environment;
        this.enabled = properties.notifyOtherNodes();
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void tellOtherNodes(PublicContentEvent change) {
        notify(change.touchesEveryPage() ? EVERYTHING : String.join(" ", change.surrogateKeys()));
    }

    /** Tells the other nodes, in the caller's transaction, to forget every page. */
    void tellOtherNodesEverything() {
        notify(EVERYTHING);
    }

    private void notify(String keys) {
        if (enabled) {
            String payload = node + " " + keys;
            if (payload.length() > MAX_PAYLOAD) {
                payload = node + " " + EVERYTHING;
            }
            // Identical notifications in one transaction are delivered once.
            jdbc.query("select pg_notify(?, ?)", rs -> null, CHANNEL, payload);
        }
    }

    /** Applies another node's notification here; one of this node's own is ignored. */
    void received(String payload) {
        int space = payload.indexOf(' ');
        String from = space < 0 ? payload : payload.substring(0, space);
        if (node.equals(from)) {
            return;
        }
        String keys = space < 0 ? EVERYTHING : payload.substring(space + 1).trim();
        if (keys.equals(EVERYTHING)) {
            cache.clear("changed on another node");
        } else {
            cache.invalidate(
                    keys.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(keys.split(" +"))), "changed on another node");
        }
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "page-cache-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        closeQuietly(connection);
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** How many times the listening connection was opened (tests watch it reconnect). */
    long connections() {
        return connections;
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection listening = open()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                cache.clear("listening for other nodes' changes (again)");
                connections++;
                backoff = 500;
                PGConnection pg = listening.unwrap(PGConnection.class);
                long checked = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(5000);
                    if (notifications != null && notifications.length > 0) {
                        for (PGNotification notification : notifications) {
                            received(notification.getParameter());
                        }
                    } else if (System.nanoTime() - checked > 30_000_000_000L) {
                        // A connection can die without telling a reader that only waits; ask it now and then.
                        try (Statement ping = listening.createStatement()) {
                            ping.execute("select 1");
                        }
                        checked = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException ex) {
                if (running) {
                    log.warn(
                            "Lost the connection that listens for other nodes' changes; reconnecting: {}",
                            ex.toString());
                }
            } finally {
                connection = null;
            }
            if (running) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private Connection open() throws SQLException {
        Properties info = new Properties();
        String username = environment.getProperty("spring.datasource.username");
        String password = environment.getProperty("spring.datasource.password");
        if (username != null) {
            info.setProperty("user", username);
        }
        if (password != null) {
            info.setProperty("password", password);
        }
        info.setProperty("ApplicationName", APPLICATION_NAME);
        Connection opened = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"), info);
        opened.setAutoCommit(true);
        return opened;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing to stop listening; nothing to do
            }
        }
    }
}
