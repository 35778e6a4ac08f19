package org.masthead.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.masthead.web.ETags;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The API's OpenAPI 3.1 description, kept by hand in {@code resources/api/openapi.yaml} (the contract tests check the
 * answers against it), served as YAML and as JSON; and a problem 404 for any other path under {@code /api}.
 */
@RestController
class ApiDocumentController {

    static final String DOCUMENT = "api/openapi.yaml";
    static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

    private final byte[] yaml;
    private final byte[] json;
    private final String cacheControl;

    ApiDocumentController(ApiResponder responder) {
        this.cacheControl = responder.cacheControl();
        try (InputStream in = new ClassPathResource(DOCUMENT).getInputStream()) {
            this.yaml = in.readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException("The API description " + DOCUMENT + " is missing", ex);
        }
        Map<String, Object> tree =
                new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(yaml, StandardCharsets.UTF_8));
        this.json = responder.writePlain(tree);
    }

    @GetMapping("/api/v1/openapi.yaml")
    ResponseEntity<byte[]> yaml() {
        return document(yaml, YAML);
    }

    @GetMapping("/api/v1/openapi.json")
    ResponseEntity<byte[]> json() {
        return document(json, MediaType.APPLICATION_JSON);
    }

    @GetMapping({"/api", "/api/", "/api/**"})
    ResponseEntity<byte[]> unknown() {
        throw new ApiNotFoundException("path", null);
    }

    private ResponseEntity<byte[]> document(byte[] bytes, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .eTag(ETags.strong(bytes))
                .body(bytes);
    }
}
