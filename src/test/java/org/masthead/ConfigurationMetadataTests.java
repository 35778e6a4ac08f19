package org.masthead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code masthead.*} setting is described in the configuration metadata the build writes from the
 * {@code @ConfigurationProperties} types (and {@code additional-spring-configuration-metadata.json}): the keys the
 * code reads by name, those set in {@code application.properties}, and those in the configuration tables of the
 * Markdown documents. A setting renamed in code then fails here until every place that names it follows.
 */
class ConfigurationMetadataTests {

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    private static final Pattern KEY = Pattern.compile("masthead\\.[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

    private static final Set<String> properties = new TreeSet<>();
    private static final Set<String> groups = new TreeSet<>();
    private static final Map<String, String> defaults = new TreeMap<>();

    @BeforeAll
    static void readMetadata() throws IOException {
        JsonNode metadata = JsonMapper.builder().build().readTree(Files.readString(METADATA));
        for (JsonNode p : metadata.get("properties")) {
            properties.add(p.get("name").asString());
            defaults.put(p.get("name").asString(), p.path("defaultValue").asString());
        }
        metadata.get("groups").forEach(g -> groups.add(g.get("name").asString()));
    }

    @Test
    void theMetadataHoldsTheDefaultsOfTheCode() {
        assertThat(properties).contains("masthead.page-cache.max-size", "masthead.embedded-db.dir");
        assertThat(defaultOf("masthead.page-cache.max-size")).isEqualTo("64MB");
        assertThat(defaultOf("masthead.tomcat.socket-write-buffer")).isEqualTo("32KB");
        assertThat(defaultOf("masthead.scheduler.enabled")).isEqualTo("true");
    }

    @Test
    void everyKeyTheCodeReadsByNameIsDescribed() throws IOException {
        Pattern literal = Pattern.compile("\"(" + KEY.pattern() + ")\"");
        Set<String> read = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(source));
                while (m.find()) {
                    read.add(m.group(1));
                }
            }
        }
        assertThat(read).contains("masthead.scheduler.enabled", "masthead.demo-content");
        assertThat(read)
                .allSatisfy(key -> assertThat(properties.contains(key) || groups.contains(key))
                        .as("%s is a property or a group of the metadata", key)
                        .isTrue());
    }

    @Test
    void everyKeyOfApplicationPropertiesIsDescribed() throws IOException {
        Set<String> set = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            Matcher m = Pattern.compile("^(" + KEY.pattern() + ")\\s*=").matcher(line);
            if (m.find()) {
                set.add(m.group(1));
            }
        }
        assertThat(set).isNotEmpty();
        assertThat(properties).containsAll(set);
    }

    @Test
    void everyKeyOfTheDocumentsConfigurationTablesIsDescribed() throws IOException {
        Pattern row = Pattern.compile("^\\|\\s*`(" + KEY.pattern() + ")`", Pattern.MULTILINE);
        Set<String> documented = new TreeSet<>();
        try (Stream<Path> docs = Stream.concat(
                Stream.of(Path.of("README.md")),
                Files.exists(Path.of("docs")) ? Files.walk(Path.of("docs")) : Stream.empty())) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
                    .toList()) {
                Matcher m = row.matcher(Files.readString(doc));
                while (m.find()) {
                    documented.add(m.group(1));
                }
            }
        }
        assertThat(properties).containsAll(documented);
    }

    private static String defaultOf(String name) {
        return defaults.get(name);
    }
}
