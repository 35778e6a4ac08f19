package org.masthead.archive.ghost;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a Ghost post's Lexical (Ghost 5) or Mobiledoc (earlier) document to HTML, for exports without {@code html}.
 * The simple node and card types are rendered; any other card is named in {@code unknown} (and kept as text by the
 * caller), never dropped silently.
 */
final class GhostDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GhostDocuments() {}

    static String render(String lexical, String mobiledoc, List<String> unknown) {
        try {
            if (!lexical.isBlank()) {
                StringBuilder out = new StringBuilder();
                for (JsonNode node : JSON.readTree(lexical).path("root").path("children")) {
                    lexicalNode(node, out, unknown);
                }
                return out.toString();
            }
            if (!mobiledoc.isBlank()) {
                return mobiledoc(JSON.readTree(mobiledoc), unknown);
            }
        } catch (JacksonException ex) {
            unknown.add("unreadable document");
        }
        return "";
    }

    private static void lexicalNode(JsonNode node, StringBuilder out, List<String> unknown) {
        String type = GhostReader.text(node, "type");
        switch (type) {
            case "paragraph" -> wrap("p", node, out, unknown);
            case "heading" -> wrap(safeTag(GhostReader.text(node, "tag"), "h2"), node, out, unknown);
            case "quote", "aside" -> wrap("blockquote", node, out, unknown);
            case "list" -> wrap("number".equals(GhostReader.text(node, "listType")) ? "ol" : "ul", node, out, unknown);
            case "listitem" -> wrap("li", node, out, unknown);
            case "link" -> {
                out.append("<a href=\"")
                        .append(GhostReader.escape(GhostReader.text(node, "url")))
                        .append("\">");
                children(node, out, unknown);
                out.append("</a>");
            }
            case "text", "extended-text" -> {
                int format = node.path("format").asInt(0);
                String text = GhostReader.escape(GhostReader.text(node, "text"));
                if ((format & 1) != 0) {
                    text = "<strong>" + text + "</strong>";
                }
                if ((format & 2) != 0) {
                    text = "<em>" + text + "</em>";
                }
                if ((format & 16) != 0) {
                    text = "<code>" + text + "</code>";
                }
                out.append(text);
            }
            case "linebreak" -> out.append("<br>");
            case "horizontalrule" -> out.append("<hr>");
            case "image" ->
                image(
                        GhostReader.text(node, "src"),
                        GhostReader.text(node, "alt"),
                        GhostReader.text(node, "caption"),
                        out);
            case "codeblock" ->
                out.append("<pre><code>")
                        .append(GhostReader.escape(GhostReader.text(node, "code")))
                        .append("</code></pre>");
            case "html" -> out.append(GhostReader.text(node, "html"));
            case "markdown" ->
                out.append("<pre>")
                        .append(GhostReader.escape(GhostReader.text(node, "markdown")))
                        .append("</pre>");
            default -> {
                if (node.path("children").isArray()) {
                    children(node, out, unknown);
                } else {
                    unknown.add(type);
                }
            }
        }
    }

    private static void wrap(String tag, JsonNode node, StringBuilder out, List<String> unknown) {
        out.append('<').append(tag).append('>');
        children(node, out, unknown);
        out.append("</").append(tag).append('>');
    }

    private static void children(JsonNode node, StringBuilder out, List<String> unknown) {
        for (JsonNode child : node.path("children")) {
            lexicalNode(child, out, unknown);
        }
    }

    private static String safeTag(String tag, String fallback) {
        return tag.matches("h[1-6]") ? tag : fallback;
    }

    private static void image(String src, String alt, String caption, StringBuilder out) {
        out.append("<figure><img src=\"")
                .append(GhostReader.escape(src))
                .append("\" alt=\"")
                .append(GhostReader.escape(alt))
                .append("\">");
        if (!caption.isBlank()) {
            out.append("<figcaption>").append(caption).append("</figcaption>");
        }
        out.append("</figure>");
    }

    /** Mobiledoc: markup sections (p, h2…, blockquote), list sections, and the image, code, hr and html cards. */
    private static String mobiledoc(JsonNode doc, List<String> unknown) {
        StringBuilder out = new StringBuilder();
        JsonNode cards = doc.path("cards");
        JsonNode markups = doc.path("markups");
        for (JsonNode section : doc.path("sections")) {
            int kind = section.path(0).asInt();
            if (kind == 1) {
                String tag = section.path(1).asString("p").toLowerCase();
                tag = tag.matches("p|h[1-6]|blockquote") ? tag : "p";
                out.append('<').append(tag).append('>');
                markers(section.path(2), markups, out);
                out.append("</").append(tag).append('>');
            } else if (kind == 3) {
                String tag = "ol".equalsIgnoreCase(section.path(1).asString("ul")) ? "ol" : "ul";
                out.append('<').append(tag).append('>');
                for (JsonNode item : section.path(2)) {
                    out.append("<li>");
                    markers(item, markups, out);
                    out.append("</li>");
                }
                out.append("</").append(tag).append('>');
            } else if (kind == 10) {
                JsonNode card = cards.path(section.path(1).asInt());
                String name = card.path(0).asString("");
                JsonNode payload = card.path(1);
                switch (name) {
                    case "image" ->
                        image(
                                GhostReader.text(payload, "src"),
                                GhostReader.text(payload, "alt"),
                                GhostReader.text(payload, "caption"),
                                out);
                    case "hr" -> out.append("<hr>");
                    case "code" ->
                        out.append("<pre><code>")
                                .append(GhostReader.escape(GhostReader.text(payload, "code")))
                                .append("</code></pre>");
                    case "html" -> out.append(GhostReader.text(payload, "html"));
                    case "markdown", "card-markdown" ->
                        out.append("<pre>")
                                .append(GhostReader.escape(GhostReader.text(payload, "markdown")))
                                .append("</pre>");
                    default -> unknown.add(name);
                }
            }
        }
        return out.toString();
    }

    /** Mobiledoc text markers: [type, openMarkups, closeCount, text]; links and emphasis are kept. */
    private static void markers(JsonNode markers, JsonNode markups, StringBuilder out) {
        java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
        for (JsonNode marker : markers) {
            for (JsonNode index : marker.path(1)) {
                JsonNode markup = markups.path(index.asInt());
                String tag = markup.path(0).asString("").toLowerCase();
                if ("a".equals(tag)) {
                    String href = "";
                    JsonNode attributes = markup.path(1);
                    for (int i = 0; i + 1 < attributes.size(); i += 2) {
                        if ("href".equals(attributes.path(i).asString(""))) {
                            href = attributes.path(i + 1).asString("");
                        }
                    }
                    out.append("<a href=\"").append(GhostReader.escape(href)).append("\">");
                } else {
                    tag = tag.matches("strong|b|em|i|code|s") ? tag : "span";
                    out.append('<').append(tag).append('>');
                }
                open.push(tag);
            }
            if (marker.path(0).asInt() == 0) {
                out.append(GhostReader.escape(marker.path(3).asString("")));
            }
            for (int i = 0; i < marker.path(2).asInt(0) && !open.isEmpty(); i++) {
                out.append("</").append(open.pop()).append('>');
            }
        }
        while (!open.isEmpty()) {
            out.append("</").append(open.pop()).append('>');
        }
    }
}
