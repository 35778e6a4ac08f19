package org.masthead.demo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A Markdown file with a YAML front matter block between two {@code ---} lines: the demo content's format, which the
 * journal's export ({@code archive.JournalExport}) writes and its import reads.
 */
public record FrontMatterDocument(Map<String, Object> fields, String body) {

    /** As the demo content reads it: line ends made LF, the body stripped and ended by one line break. */
    static FrontMatterDocument parse(String name, String text) {
        FrontMatterDocument exact = parseExact(name, text.replace("\r\n", "\n"), new LoaderOptions());
        return new FrontMatterDocument(exact.fields(), exact.body().strip() + "\n");
    }

    /**
     * The body exactly as written after the closing {@code ---} line, for a faithful import; the YAML is read with
     * {@code options} (its size and alias limits) and builds plain maps, lists and scalars only.
     *
     * @throws IllegalArgumentException naming the file, when it has no front matter or it is not a YAML map
     */
    public static FrontMatterDocument parseExact(String name, String text, LoaderOptions options) {
        if (!text.startsWith("---\n")) {
            throw new IllegalArgumentException(name + ": no front matter");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new IllegalArgumentException(name + ": front matter is not closed by ---");
        }
        Object yaml;
        try {
            yaml = new Yaml(new SafeConstructor(options)).load(text.substring(4, end));
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException(name + ": the front matter is not valid YAML", ex);
        }
        if (!(yaml instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(name + ": front matter is not a map");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        return new FrontMatterDocument(fields, text.substring(end + 5));
    }

    public String text(String key) {
        Object value = fields.get(key);
        return value == null ? "" : value.toString().strip();
    }

    /** YAML reads an unquoted ISO timestamp as a date; a quoted one stays text. Both are accepted. */
    public static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return OffsetDateTime.parse(value.toString().strip()).toInstant();
    }

    public int number(String key) {
        Object value = fields.get(key);
        return value instanceof Number number ? number.intValue() : 0;
    }

    public List<String> list(String key) {
        Object value = fields.get(key);
        return value instanceof List<?> list
                ? list.stream().map(Object::toString).toList()
                : List.of();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> maps(String key) {
        Object value = fields.get(key);
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
