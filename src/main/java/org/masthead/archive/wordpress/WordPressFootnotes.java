package org.masthead.archive.wordpress;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gutenberg's footnotes (WordPress 6.3 and later): the references in the text are
 * {@code <sup data-fn="id" class="fn"><a href="#id" id="id-link">1</a></sup>}, and the texts live apart, in the
 * post's {@code footnotes} meta as JSON ({@code [{"id": "…", "content": "…"}]}), shown where the
 * {@code <!-- wp:footnotes /-->} block stands. This renders that block as WordPress does, a list whose items have the
 * notes' ids and link back to their references, so the conversion to Markdown pairs each reference with its text.
 */
final class WordPressFootnotes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The footnotes block, self-closing as WordPress saves it (with or without attributes). */
    private static final Pattern BLOCK = Pattern.compile("<!--\\s+wp:(?:core/)?footnotes\\b[^>]*?/-->");

    private static final Pattern REFERENCE = Pattern.compile("data-fn=\"");

    private WordPressFootnotes() {}

    /**
     * The content with its footnotes block filled in from {@code meta}; {@code unreadable} is told when the post
     * has references but its notes' texts cannot be read.
     */
    static String render(String content, String meta, Runnable unreadable) {
        boolean references = REFERENCE.matcher(content).find();
        if (!references && !BLOCK.matcher(content).find()) {
            return content;
        }
        StringBuilder list = new StringBuilder();
        if (meta != null && !meta.isBlank()) {
            try {
                JsonNode notes = JSON.readTree(meta);
                for (JsonNode note : notes) {
                    String id = note.path("id").asString("");
                    if (id.isBlank()) {
                        continue;
                    }
                    String escaped = HtmlUtils.htmlEscape(id);
                    list.append("<li id=\"")
                            .append(escaped)
                            .append("\">")
                            .append(note.path("content").asString(""))
                            .append(" <a href=\"#")
                            .append(escaped)
                            .append("-link\">↩︎</a></li>");
                }
            } catch (JacksonException ex) {
                list.setLength(0);
            }
        }
        if (list.isEmpty()) {
            if (references) {
                unreadable.run();
            }
            return content;
        }
        String block = "<ol class=\"wp-block-footnotes\">" + list + "</ol>";
        Matcher matcher = BLOCK.matcher(content);
        if (matcher.find()) {
            return content.substring(0, matcher.start()) + block + content.substring(matcher.end());
        }
        return content + "\n" + block;
    }
}
