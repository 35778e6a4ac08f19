package org.masthead.demo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A Markdown file with a YAML front matter block between two {@code ---} lines. */
record FrontMatterDocument(Map<String, Object> fields, String body) {

    static FrontMatterDocument parse(String name, String text) {
        String normalised = text.replace("\r\n", "\n");
        if (!normalised.startsWith("---\n")) {
            throw new IllegalArgumentException(name + ": no front matter");
        }
        int end = normalised.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new IllegalArgumentException(name + ": front matter is not closed by ---");
        }
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(normalised.substring(4, end));
        if (!(yaml instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(name + ": front matter is not a map");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        return new FrontMatterDocument(fields, normalised.substring(end + 5).strip() + "\n");
    }

    String text(String key) {
        Object value = fields.get(key);
        return value == null ? "" : value.toString().strip();
    }

    /** YAML reads an unquoted ISO timestamp as a date; a quoted one stays text. Both are accepted. */
    static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return OffsetDateTime.parse(value.toString().strip()).toInstant();
    }

    int number(String key) {
        Object value = fields.get(key);
        return value instanceof Number number ? number.intValue() : 0;
    }

    List<String> list(String key) {
        Object value = fields.get(key);
        return value instanceof List<?> list
                ? list.stream().map(Object::toString).toList()
                : List.of();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> maps(String key) {
        Object value = fields.get(key);
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
