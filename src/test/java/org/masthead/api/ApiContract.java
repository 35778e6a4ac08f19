package org.masthead.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's OpenAPI document as the tests read it: the YAML kept in the repository, and its component schemas as JSON
 * Schemas (OpenAPI 3.1 dialect, formats asserted), to check answers against.
 */
final class ApiContract {

    static final String DOCUMENT_URI = "https://masthead.invalid/api/v1/openapi.json";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String YAML = read();
    private static final String DOCUMENT_JSON =
            JSON.writeValueAsString(new Yaml(new SafeConstructor(new LoaderOptions())).<Map<String, Object>>load(YAML));
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(DOCUMENT_URI, DOCUMENT_JSON)));

    private ApiContract() {}

    static String yaml() {
        return YAML;
    }

    static JsonNode document() {
        return JSON.readTree(DOCUMENT_JSON);
    }

    /** The component schema of that name. */
    static Schema schema(String component) {
        return SCHEMAS.getSchema(SchemaLocation.of(DOCUMENT_URI + "#/components/schemas/" + component));
    }

    /** The schema at a location of the document (a component, or one written inline in an operation). */
    static Schema schemaAt(SchemaLocation location) {
        return SCHEMAS.getSchema(location);
    }

    /** Asserts that the JSON body conforms to the component schema, listing every violation if not. */
    static JsonNode assertConforms(String body, String component) {
        JsonNode node = JSON.readTree(body);
        List<com.networknt.schema.Error> errors = schema(component)
                .validate(node, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
        assertThat(errors)
                .as("answer against #/components/schemas/%s: %s", component, body)
                .isEmpty();
        return node;
    }

    private static String read() {
        try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream(ApiDocumentController.DOCUMENT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
