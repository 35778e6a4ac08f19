package org.masthead.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.masthead.markdown.HtmlToMarkdown;

/**
 * An imported body's HTML to Markdown through the product's one converter ({@link HtmlToMarkdown}), with its images
 * kept: each {@code <img>} (with the caption of its {@code <figure>}, if any) is looked up in what the import stored
 * and becomes a Markdown image of its {@code /media/…} address, its caption the image's title (which the renderer
 * shows as the figure's caption). An image that was not stored becomes a link to where it was, and is reported.
 */
public final class ArchiveHtml {

    private static final String TOKEN = "ximportedimage";
    private static final Pattern TOKEN_PATTERN = Pattern.compile(TOKEN + "(\\d+)x");

    private final HtmlToMarkdown converter;

    public ArchiveHtml(HtmlToMarkdown converter) {
        this.converter = converter;
    }

    /** An image of the body: where it pointed, its alternative text and caption. */
    public record BodyImage(String src, String alt, String caption) {}

    /**
     * The Markdown of {@code html}. {@code images} answers the {@code /media/…} address of an image stored for
     * this source address, or empty; {@code missing} receives the addresses that had none.
     */
    public String toMarkdown(String html, Function<String, Optional<String>> images, List<String> missing) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parseBodyFragment(html);
        List<String> replacements = new ArrayList<>();
        for (Element img : document.body().select("img")) {
            if (img.parent() == null) {
                continue;
            }
            Element figure = img.closest("figure");
            String caption = "";
            if (figure != null) {
                Element figcaption = figure.selectFirst("figcaption");
                caption = figcaption == null ? "" : figcaption.text().strip();
            }
            String src = img.attr("src").strip();
            String alt = img.attr("alt").strip();
            String markdown = image(new BodyImage(src, alt, caption), images, missing);
            String token = TOKEN + replacements.size() + "x";
            replacements.add(markdown);
            if (figure != null && figure.select("img").size() == 1) {
                figure.replaceWith(new Element("p").appendChild(new TextNode(token)));
            } else {
                Element link = img.parent() != null && "a".equals(img.parent().tagName()) ? img.parent() : img;
                boolean alone = link.parent() != null
                        && link.parent().text().isBlank()
                        && link.parent().select("img").size() == 1;
                if (alone && !"body".equals(link.parent().tagName())) {
                    link.replaceWith(new TextNode(token));
                } else {
                    link.replaceWith(new Element("p").appendChild(new TextNode(token)));
                }
            }
        }
        for (Element figcaption : document.body().select("figcaption")) {
            // a caption left over (a figure of several images): kept as a paragraph
            figcaption.tagName("p");
        }
        String markdown = converter.convert(document.body().html());
        Matcher matcher = TOKEN_PATTERN.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    out, Matcher.quoteReplacement(replacements.get(Integer.parseInt(matcher.group(1)))));
        }
        matcher.appendTail(out);
        return out.toString().strip();
    }

    private static String image(BodyImage image, Function<String, Optional<String>> images, List<String> missing) {
        Optional<String> stored = image.src().isEmpty() ? Optional.empty() : images.apply(image.src());
        String alt = escapeText(image.alt().isEmpty() ? image.caption() : image.alt());
        if (stored.isPresent()) {
            String title = image.caption().isEmpty()
                    ? ""
                    : " \"" + image.caption().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            return "![" + alt + "](" + stored.get() + title + ")";
        }
        missing.add(image.src());
        if (image.src().matches("(?i)https?://[^\\s()<>]+")) {
            String label = alt.isEmpty() ? escapeText(fileName(image.src())) : alt;
            return "[" + label + "](" + image.src() + ")";
        }
        return alt;
    }

    private static String fileName(String url) {
        String path = url.replaceAll("[?#].*$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String escapeText(String text) {
        return text.replace("\\", "\\\\")
                .replace("[", "\\[")
                .replace("]", "\\]")
                .replace("\n", " ");
    }
}
