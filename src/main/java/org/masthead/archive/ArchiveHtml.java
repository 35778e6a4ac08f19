package org.masthead.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
     * An embed, audio or video of the body, kept as a link card: what it is called, who provides it, where it is.
     * Nothing of it is loaded on the article's page; the reader follows the link.
     */
    public record Card(String title, String provider, String url) {}

    /** The embeds, players and bookmark cards of WordPress and Ghost, outermost first. */
    private static final String CARDS = "figure.wp-block-embed, figure.wp-block-audio, figure.wp-block-video,"
            + " .kg-embed-card, .kg-video-card, .kg-audio-card, .kg-bookmark-card, iframe[src], audio, video";

    private static final Pattern YOUTUBE_EMBED =
            Pattern.compile("(?i)^https?://(?:www\\.)?youtube(?:-nocookie)?\\.com/embed/([\\w-]+).*$");
    private static final Pattern VIMEO_PLAYER = Pattern.compile("(?i)^https?://player\\.vimeo\\.com/video/(\\d+).*$");

    /** Providers by the host's name, as readers know them. */
    private static final Map<String, String> PROVIDERS = Map.ofEntries(
            Map.entry("youtube", "YouTube"),
            Map.entry("youtu", "YouTube"),
            Map.entry("vimeo", "Vimeo"),
            Map.entry("soundcloud", "SoundCloud"),
            Map.entry("spotify", "Spotify"),
            Map.entry("twitter", "X"),
            Map.entry("x", "X"),
            Map.entry("flickr", "Flickr"),
            Map.entry("instagram", "Instagram"),
            Map.entry("tiktok", "TikTok"),
            Map.entry("ted", "TED"),
            Map.entry("slideshare", "SlideShare"),
            Map.entry("scribd", "Scribd"),
            Map.entry("mixcloud", "Mixcloud"),
            Map.entry("wordpress", "WordPress"),
            Map.entry("bluesky", "Bluesky"),
            Map.entry("bsky", "Bluesky"));

    /**
     * The Markdown of {@code html}, with its embeds kept as link cards (each one given to {@code cards}), and the
     * captions of images not found given to {@code lostCaptions}: see {@link #toMarkdown(String, Function, List)}.
     */
    public String toMarkdown(
            String html,
            Function<String, Optional<String>> images,
            List<String> missing,
            List<Card> cards,
            List<String> lostCaptions) {
        List<String> found = new ArrayList<>();
        String markdown = convert(html, images, found, cards);
        missing.addAll(found);
        captions.forEach(lostCaptions::add);
        captions.clear();
        return markdown;
    }

    /** The captions of the images not found in the last conversion (one converter per import run). */
    private final List<String> captions = new ArrayList<>();

    /**
     * The Markdown of {@code html}. {@code images} answers the {@code /media/…} address of an image stored for
     * this source address, or empty; {@code missing} receives the addresses that had none.
     */
    public String toMarkdown(String html, Function<String, Optional<String>> images, List<String> missing) {
        String markdown = convert(html, images, missing, new ArrayList<>());
        captions.clear();
        return markdown;
    }

    private String convert(
            String html, Function<String, Optional<String>> images, List<String> missing, List<Card> cards) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parseBodyFragment(html);
        List<String> replacements = new ArrayList<>();
        for (Element element : document.body().select(CARDS)) {
            if (element.parent() == null || element.parents().stream().anyMatch(parent -> parent.is(CARDS))) {
                continue; // inside a card met already
            }
            Card card = card(element);
            if (card == null) {
                element.remove();
                continue;
            }
            cards.add(card);
            String token = TOKEN + replacements.size() + "x";
            replacements.add(cardMarkdown(card));
            element.replaceWith(new Element("p").appendChild(new TextNode(token)));
        }
        for (Element gallery : document.body().select("figure:has(img)")) {
            if (gallery.parent() == null || gallery.select("img").size() < 2) {
                continue;
            }
            // a gallery: each of its images a paragraph of its own (with its own caption), then the gallery's
            List<Element> paragraphs = new ArrayList<>();
            for (Element img : gallery.select("img")) {
                Element own = img.closest("figure");
                Element figcaption =
                        own != gallery && own != null && own.select("img").size() == 1
                                ? own.selectFirst("figcaption")
                                : null;
                String caption = figcaption == null ? "" : figcaption.text().strip();
                String token = TOKEN + replacements.size() + "x";
                replacements.add(image(
                        new BodyImage(img.attr("src").strip(), img.attr("alt").strip(), caption),
                        images,
                        missing,
                        captions));
                paragraphs.add(new Element("p").appendChild(new TextNode(token)));
            }
            for (Element figcaption : gallery.select("figcaption")) {
                Element own =
                        figcaption.parent() == null ? null : figcaption.parent().closest("figure");
                if (own == gallery) {
                    paragraphs.add(new Element("p").text(figcaption.text().strip()));
                }
            }
            for (Element paragraph : paragraphs) {
                gallery.before(paragraph);
            }
            gallery.remove();
        }
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
            String markdown = image(new BodyImage(src, alt, caption), images, missing, captions);
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

    /** What an embed, player or bookmark card leads to; null when it names no address. */
    static Card card(Element element) {
        String url = "";
        String title = "";
        String provider = "";
        Element caption = element.selectFirst("figcaption");
        if (element.hasClass("kg-bookmark-card")) {
            Element link = element.selectFirst("a[href]");
            url = link == null ? "" : link.attr("href");
            title = text(element.selectFirst(".kg-bookmark-title"));
            provider = text(element.selectFirst(".kg-bookmark-publisher"));
            caption = null;
        } else if (element.hasClass("wp-block-embed")) {
            Element wrapper = element.selectFirst(".wp-block-embed__wrapper");
            Element link = element.selectFirst("a[href], iframe[src]");
            url = wrapper != null && wrapper.ownText().strip().startsWith("http")
                    ? wrapper.ownText().strip()
                    : link == null ? "" : link.hasAttr("href") ? link.attr("href") : link.attr("src");
            for (String name : element.classNames()) {
                if (name.startsWith("is-provider-")) {
                    String slug = name.substring("is-provider-".length());
                    provider = PROVIDERS.getOrDefault(slug, capitalised(slug.replace('-', ' ')));
                }
            }
        } else {
            Element media = element.is("iframe, audio, video") ? element : element.selectFirst("iframe, audio, video");
            if (media != null) {
                url = media.attr("src");
                if (url.isBlank()) {
                    Element source = media.selectFirst("source[src]");
                    url = source == null ? "" : source.attr("src");
                }
                title = media.attr("title");
                if (!media.nameIs("iframe")) {
                    provider = media.nameIs("audio") ? "Audio" : "Video";
                }
            }
            if (title.isBlank()) {
                title = text(element.selectFirst(".kg-audio-title, .kg-video-title"));
            }
        }
        url = watchUrl(url.strip());
        if (!url.matches("(?i)(https?://|/)\\S+")) {
            return null;
        }
        if (title.isBlank()) {
            title = text(caption);
        }
        if (provider.isBlank()) {
            provider = provider(url);
        }
        if (title.isBlank()) {
            String name = fileName(url);
            title = name.isBlank() || !name.contains(".") ? url : name;
        }
        return new Card(title.strip(), provider.strip(), url);
    }

    /** The Markdown of a link card: a paragraph of one link, its title {@code card: provider}. */
    static String cardMarkdown(Card card) {
        String url = card.url().replace(" ", "%20").replace("(", "%28").replace(")", "%29");
        String provider = card.provider().replace("\\", "").replace("\"", "");
        return "[" + escapeText(card.title()) + "](" + url + " \"card: " + provider + "\")";
    }

    /** A player's address made the page readers know ({@code youtube.com/embed/ID} is {@code watch?v=ID}). */
    private static String watchUrl(String url) {
        Matcher youtube = YOUTUBE_EMBED.matcher(url);
        if (youtube.matches()) {
            return "https://www.youtube.com/watch?v=" + youtube.group(1);
        }
        Matcher vimeo = VIMEO_PLAYER.matcher(url);
        if (vimeo.matches()) {
            return "https://vimeo.com/" + vimeo.group(1);
        }
        return url.startsWith("//") ? "https:" + url : url;
    }

    private static String provider(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            if (host == null) {
                return "";
            }
            host = host.toLowerCase(java.util.Locale.ROOT).replaceFirst("^(www|m|player|w|open)\\.", "");
            String name = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
            return PROVIDERS.getOrDefault(name, host);
        } catch (IllegalArgumentException ex) {
            return "";
        }
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String text(Element element) {
        return element == null ? "" : element.text().strip();
    }

    private static String image(
            BodyImage image, Function<String, Optional<String>> images, List<String> missing, List<String> captions) {
        Optional<String> stored = image.src().isEmpty() ? Optional.empty() : images.apply(image.src());
        String alt = escapeText(image.alt().isEmpty() ? image.caption() : image.alt());
        if (stored.isPresent()) {
            String title = image.caption().isEmpty()
                    ? ""
                    : " \"" + image.caption().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            return "![" + alt + "](" + stored.get() + title + ")";
        }
        missing.add(image.src());
        if (!image.caption().isBlank()) {
            captions.add(image.caption());
        }
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
