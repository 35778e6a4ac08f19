package org.masthead.archive.wordpress;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.masthead.archive.source.ImportModel.ImportedAttachment;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns what WordPress stores in {@code content:encoded} into plain HTML: classic content gets its paragraphs
 * (WordPress adds them only when it shows a post, "wpautop"); {@code [caption]} becomes a figure with its caption,
 * {@code [gallery]} the gallery's images, {@code [embed]} a link. Block (Gutenberg) markup is HTML already: its
 * {@code <!-- wp:… -->} comments are dropped later, and the blocks this does not know are listed. Unknown
 * shortcodes stay in the text, as text, and are listed too: nothing is dropped silently.
 */
public final class WordPressMarkup {

    /** Blocks whose HTML says everything (or whose content converts as it is). */
    private static final Set<String> KNOWN_BLOCKS = Set.of(
            "paragraph",
            "heading",
            "list",
            "list-item",
            "quote",
            "pullquote",
            "image",
            "gallery",
            "table",
            "separator",
            "preformatted",
            "code",
            "verse",
            "group",
            "columns",
            "column",
            "spacer",
            "more",
            "html",
            "freeform",
            "embed",
            "audio",
            "video",
            "footnotes",
            "shortcode");

    private static final Pattern BLOCK = Pattern.compile("<!--\\s+wp:([a-z0-9-]+(?:/[a-z0-9-]+)?)");
    private static final Pattern SHORTCODE = Pattern.compile(
            "\\[(\\[?)([a-zA-Z][a-zA-Z0-9_-]*)(\\s[^\\]]*)?(/?)\\](?:(.*?)\\[/\\2\\])?(\\]?)", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE =
            Pattern.compile("([a-zA-Z0-9_-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "(?i)^\\s*<(p|div|h[1-6]|ul|ol|li|blockquote|table|thead|tbody|tr|td|th|pre|figure|hr|dl|dd|dt|section"
                    + "|address|aside|form|!--)[\\s>/]");

    private WordPressMarkup() {}

    /** What the conversion met that it could not carry over exactly. */
    public record Notes(Set<String> unknownBlocks, Set<String> unknownShortcodes) {}

    /**
     * The HTML of a post's content. {@code attachments} answers an attachment by its source id (for galleries).
     */
    public static String toHtml(String content, Function<String, ImportedAttachment> attachments, Notes notes) {
        return toHtml(content, attachments, List.of(), notes);
    }

    /**
     * As {@link #toHtml(String, Function, Notes)}; {@code attached} are the images attached to the post, in order,
     * which a {@code [gallery]} without {@code ids} shows (as WordPress does).
     */
    public static String toHtml(
            String content,
            Function<String, ImportedAttachment> attachments,
            List<ImportedAttachment> attached,
            Notes notes) {
        if (content == null || content.isBlank()) {
            return "";
        }
        Matcher blocks = BLOCK.matcher(content);
        boolean blockEditor = false;
        while (blocks.find()) {
            blockEditor = true;
            String name = blocks.group(1);
            String plain = name.startsWith("core/") ? name.substring(5) : name;
            if (!KNOWN_BLOCKS.contains(plain) && !plain.startsWith("core-embed/")) {
                notes.unknownBlocks().add(name);
            }
        }
        String html = shortcodes(content, attachments, attached, notes);
        return blockEditor ? html : autop(html);
    }

    public static Notes notes() {
        return new Notes(new LinkedHashSet<>(), new LinkedHashSet<>());
    }

    private static String shortcodes(
            String content,
            Function<String, ImportedAttachment> attachments,
            List<ImportedAttachment> attached,
            Notes notes) {
        Matcher matcher = SHORTCODE.matcher(content);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            if (!matcher.group(1).isEmpty() && !matcher.group(6).isEmpty()) {
                // [[tag]] is WordPress's escape for a literal [tag]
                matcher.appendReplacement(
                        out,
                        Matcher.quoteReplacement(
                                matcher.group().substring(1, matcher.group().length() - 1)));
                continue;
            }
            String tag = matcher.group(2).toLowerCase();
            Map<String, String> attributes = attributes(matcher.group(3));
            String inner = matcher.group(5);
            String replacement;
            switch (tag) {
                case "caption", "wp_caption" -> replacement = caption(inner == null ? "" : inner, attributes);
                case "gallery" -> replacement = gallery(attributes, attachments, attached, inner);
                case "embed" -> {
                    String url = inner == null ? "" : inner.strip();
                    replacement = url.matches("https?://\\S+") ? embed(url) : matcher.group();
                }
                case "audio", "video" -> {
                    String src = media(attributes);
                    replacement = src.isEmpty()
                            ? matcher.group()
                            : "<figure class=\"wp-block-" + tag + "\"><" + tag + " src=\"" + HtmlUtils.htmlEscape(src)
                                    + "\"></" + tag + "></figure>";
                }
                default -> {
                    if (looksLikeText(matcher.group())) {
                        replacement = matcher.group();
                    } else {
                        notes.unknownShortcodes().add(tag);
                        replacement = matcher.group();
                    }
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** "[1]" or "[sic]" in running text is not a shortcode: shortcodes have attributes, a closing tag or a "_". */
    private static boolean looksLikeText(String match) {
        return !match.contains("=") && !match.contains("[/") && !match.contains("_") && match.length() < 8;
    }

    private static String caption(String inner, Map<String, String> attributes) {
        Matcher image = Pattern.compile("(?is)(<a\\b[^>]*>)?\\s*(<img\\b[^>]*>)\\s*(</a>)?")
                .matcher(inner);
        if (!image.find()) {
            return inner;
        }
        String img = image.group(2);
        String text = (inner.substring(0, image.start()) + inner.substring(image.end())).strip();
        if (text.isEmpty() && attributes.containsKey("caption")) {
            text = HtmlUtils.htmlEscape(attributes.get("caption"));
        }
        return "<figure>" + img + (text.isEmpty() ? "" : "<figcaption>" + text + "</figcaption>") + "</figure>";
    }

    /** An embed's address as the block editor writes it, for the body's conversion to a link card. */
    private static String embed(String url) {
        return "<figure class=\"wp-block-embed\"><div class=\"wp-block-embed__wrapper\">" + HtmlUtils.htmlEscape(url)
                + "</div></figure>";
    }

    /** The file of an {@code [audio]} or {@code [video]} shortcode: {@code src}, else its first format's. */
    private static String media(Map<String, String> attributes) {
        for (String name : List.of("src", "mp3", "m4a", "ogg", "wav", "mp4", "m4v", "webm", "ogv", "flv")) {
            String value = attributes.getOrDefault(name, "").strip();
            if (value.matches("(?i)https?://\\S+|/\\S+")) {
                return value;
            }
        }
        return "";
    }

    private static String gallery(
            Map<String, String> attributes,
            Function<String, ImportedAttachment> attachments,
            List<ImportedAttachment> attached,
            String inner) {
        String ids = attributes.getOrDefault("ids", attributes.getOrDefault("include", ""));
        List<ImportedAttachment> shown = new ArrayList<>();
        for (String id : ids.split(",")) {
            if (!id.isBlank()) {
                ImportedAttachment attachment = attachments.apply(id.strip());
                if (attachment != null) {
                    shown.add(attachment);
                }
            }
        }
        if (ids.isBlank()) {
            // no ids: WordPress shows the images attached to the post, less those excluded
            Set<String> excluded = new java.util.HashSet<>();
            for (String id : attributes.getOrDefault("exclude", "").split(",")) {
                excluded.add(id.strip());
            }
            for (ImportedAttachment attachment : attached) {
                if (!excluded.contains(attachment.sourceId())) {
                    shown.add(attachment);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        if (shown.isEmpty() && inner != null && inner.contains("<img")) {
            // a gallery written around its images: they are found by their addresses
            return "<figure>" + inner + "</figure>";
        }
        for (ImportedAttachment attachment : shown) {
            if (attachment == null
                    || attachment.url() == null
                    || attachment.url().isBlank()) {
                continue;
            }
            out.append("<figure><img src=\"")
                    .append(HtmlUtils.htmlEscape(attachment.url()))
                    .append("\" alt=\"")
                    .append(HtmlUtils.htmlEscape(attachment.alt() == null ? "" : attachment.alt()))
                    .append("\">");
            if (attachment.caption() != null && !attachment.caption().isBlank()) {
                out.append("<figcaption>")
                        .append(HtmlUtils.htmlEscape(attachment.caption()))
                        .append("</figcaption>");
            }
            out.append("</figure>");
        }
        return out.toString();
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new java.util.HashMap<>();
        if (text == null) {
            return attributes;
        }
        Matcher matcher = ATTRIBUTE.matcher(text);
        while (matcher.find()) {
            String value = matcher.group(2) != null
                    ? matcher.group(2)
                    : matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
            attributes.put(matcher.group(1).toLowerCase(), value);
        }
        return attributes;
    }

    /**
     * WordPress's "wpautop", simplified: text separated by a blank line becomes paragraphs, a single line break
     * inside one a {@code <br>}; chunks that already start with a block element stay as they are.
     */
    static String autop(String html) {
        String normalised = html.replace("\r\n", "\n").replace('\r', '\n');
        List<String> out = new ArrayList<>();
        for (String chunk : normalised.split("\n\\s*\n")) {
            String trimmed = chunk.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (BLOCK_TAG.matcher(trimmed).find()) {
                out.add(trimmed);
            } else if (trimmed.matches("https?://[^\\s<>\"]+")) {
                // WordPress embeds a link alone on its line (YouTube, Vimeo…): a link card here
                out.add(embed(trimmed));
            } else {
                out.add("<p>" + trimmed.replace("\n", "<br>\n") + "</p>");
            }
        }
        return String.join("\n", out);
    }
}
