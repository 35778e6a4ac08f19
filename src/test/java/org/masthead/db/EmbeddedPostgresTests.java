package org.masthead.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database as a user meets it: data kept across restarts, a crashed run cleaned up after,
 * a second instance on the same folder refused, and nothing started when a datasource URL is configured.
 * Each start happens in a JVM of its own, as the app's would.
 */
@Execution(ExecutionMode.CONCURRENT)
class EmbeddedPostgresTests {

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroy();
            child.waitFor(30, TimeUnit.SECONDS);
            child.destroyForcibly();
        }
        postmasterPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
    }

    @Test
    void aConfiguredDatasourceStartsNoEmbeddedServer() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/masthead")
                .withProperty("masthead.embedded-db.dir", dir.toString());
        new EmbeddedPostgresEnvironmentPostProcessor(destination -> destination.get())
                .postProcessEnvironment(environment, null);
        assertThat(environment
                        .getPropertySources()
                        .contains(EmbeddedPostgresEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
                .isFalse();
        assertThat(environment.getProperty("masthead.demo-content")).isNull();
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void theBinariesAreFoundForThisMachineAndMissedWhereTheJarLeftThemOut() {
        ClassLoader withBinaries = getClass().getClassLoader();
        assertThat(EmbeddedPostgresEnvironmentPostProcessor.binariesAvailable(
                        withBinaries, System.getProperty("os.name"), System.getProperty("os.arch")))
                .isTrue();
        assertThat(EmbeddedPostgresEnvironmentPostProcessor.binariesAvailable(withBinaries, "Linux", "amd64"))
                .isTrue();
        assertThat(EmbeddedPostgresEnvironmentPostProcessor.binariesAvailable(withBinaries, "Mac OS X", "aarch64"))
                .isTrue();
        assertThat(EmbeddedPostgresEnvironmentPostProcessor.binariesAvailable(withBinaries, "Windows 11", "amd64"))
                .as("the Windows binaries are left out of the build")
                .isFalse();
        ClassLoader without = new java.net.URLClassLoader(new java.net.URL[0], null);
        assertThat(EmbeddedPostgresEnvironmentPostProcessor.binariesAvailable(without, "Linux", "amd64"))
                .isFalse();
    }

    @Test
    void withoutTheBinariesAndWithoutADatasourceItStopsSayingWhatToSet() {
        // The jar's case, reproduced here with a platform whose binaries are not in the build.
        MockEnvironment environment = new MockEnvironment().withProperty("masthead.embedded-db.dir", dir.toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new EmbeddedPostgresEnvironmentPostProcessor(destination -> destination.get())
                                .postProcessEnvironment(environment, "Windows 11", "amd64"))
                .isInstanceOf(EmbeddedPostgresMissingException.class)
                .hasMessageContaining("SPRING_DATASOURCE_URL")
                .hasMessageContaining("./mvnw spring-boot:run");
        assertThat(new EmbeddedPostgresMissingFailureAnalyzer()
                        .analyze(new IllegalStateException(new EmbeddedPostgresMissingException()))
                        .getAction())
                .contains("SPRING_DATASOURCE_URL")
                .contains("./mvnw spring-boot:run");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void theEmbeddedServerCanBeTurnedOff() {
        MockEnvironment environment = new MockEnvironment().withProperty("masthead.embedded-db.enabled", "false");
        new EmbeddedPostgresEnvironmentPostProcessor(destination -> destination.get())
                .postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("spring.datasource.url")).isNull();
    }

    @Test
    void dataSurvivesACrashAndTheLeftoverServerIsStoppedOnTheNextStart() throws Exception {
        Process first = start();
        String url = awaitReady(first);
        execute(url, "create table survivor (name text); insert into survivor values ('kept')");
        long leftover = postmasterPid().orElseThrow();

        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive))
                .as("the crashed run left its server")
                .contains(true);

        Process second = start();
        String secondUrl = awaitReady(second);
        assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false))
                .as("leftover stopped")
                .isFalse();
        assertThat(query(secondUrl, "select name from survivor")).isEqualTo("kept");

        second.destroy(); // SIGTERM, as Ctrl-C: the server stops with the app
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long secondServer = postmasterPidAfterStop();
        assertThat(secondServer)
                .as("no server left running after a normal stop")
                .isZero();
    }

    @Test
    void thePersistentServerIsDurable() throws Exception {
        String url = awaitReady(start());
        // An acknowledged commit is on disk (WAL flushed before the answer), and a crash cannot tear a page.
        assertThat(query(url, "show fsync")).isEqualTo("on");
        assertThat(query(url, "show synchronous_commit")).isEqualTo("on");
        assertThat(query(url, "show full_page_writes")).isEqualTo("on");
    }

    @Test
    void aSecondInstanceOnTheSameFolderIsRefusedWithAClearMessage() throws Exception {
        Process first = start();
        String url = awaitReady(first);
        Process second = start();
        String line = firstLine(second);
        assertThat(line).startsWith("FAILED").contains("already uses the embedded database");
        assertThat(query(url, "select 'still running'")).isEqualTo("still running");
    }

    private Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-XX:TieredStopAtLevel=1", // a child lives for seconds: the quick compiler is enough
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedPostgresChild.class.getName(),
                        dir.toString())
                .redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        children.add(process);
        return process;
    }

    private static String awaitReady(Process process) throws IOException {
        String line = firstLine(process);
        assertThat(line).startsWith("READY ");
        return line.substring("READY ".length());
    }

    private static String firstLine(Process process) throws IOException {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("READY") || line.startsWith("FAILED")) {
                return line;
            }
        }
        return "EXITED " + process.exitValue();
    }

    private Optional<Long> postmasterPid() {
        Path pidFile = dir.resolve("postmaster.pid");
        try {
            return Files.isRegularFile(pidFile)
                    ? Optional.of(
                            Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                    : Optional.empty();
        } catch (IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    private long postmasterPidAfterStop() {
        return postmasterPid()
                .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .orElse(0L);
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.createStatement().execute(sql);
        }
    }

    private static String query(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
