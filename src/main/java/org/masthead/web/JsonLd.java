package org.masthead.web;

import tools.jackson.databind.json.JsonMapper;

/**
 * Serialises structured data for a {@code <script type="application/ld+json">} block, the one inline script the
 * pages carry (data, never executed). Jackson writes the JSON; then {@code <}, {@code >} and {@code &} are written
 * as {@code \u003c}, {@code \u003e}, {@code \u0026}, so no text in it (a headline, a name) can close the element
 * or open a comment. Outside strings JSON never contains those characters, so the result is the same JSON.
 */
public final class JsonLd {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonLd() {}

    public static String write(Object value) {
        String json = MAPPER.writeValueAsString(value);
        StringBuilder safe = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> safe.append("\\u003c");
                case '>' -> safe.append("\\u003e");
                case '&' -> safe.append("\\u0026");
                case '\u2028' -> safe.append("\\u2028");
                case '\u2029' -> safe.append("\\u2029");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}
