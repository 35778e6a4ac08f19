package org.masthead.markdown;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns user-written Markdown into sanitised HTML plus the plain-text views of it. This is the only place in the
 * application that produces HTML from user text: everything it returns in {@link RenderedMarkdown#html()} has been
 * through the jsoup allowlist, so templates may emit it unescaped.
 *
 * <p>Pipeline: CommonMark (tables, strikethrough, autolinks, footnotes, heading ids) with raw HTML passed through;
 * typographic punctuation on prose text nodes; jsoup {@link Safelist} cleaning; {@code rel="noopener noreferrer"}
 * on external links; a library image alone in its paragraph becomes a {@code <figure>} with its stored widths as
 * {@code srcset}, its size, and a caption (the Markdown image title, else the image's own) and credit. Thread-safe:
 * the parser, renderer and allowlist are built once and only read afterwards.
 */
@Component
public class MarkdownRenderer {

    /** The longest excerpt, "…" included. */
    public static final int EXCERPT_LENGTH = 220;

    private static final int WORDS_PER_MINUTE = 230;

    /** The in-article break goes after this many top-level paragraphs. */
    private static final int LEAD_PARAGRAPHS = 3;

    /**
     * Base URI for cleaning. jsoup checks link protocols on absolute URLs, so relative links are resolved against
     * this placeholder for the check and then kept as written ({@link Safelist#preserveRelativeLinks(boolean)}).
     */
    private static final String BASE_URI = "https://masthead.invalid/";

    private static final Pattern LANGUAGE_CLASS = Pattern.compile("language-[\\w+#.-]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** A library image's URL, full size or one of its widths: {@code /media/12/name.jpg}, {@code /media/12/480/…}. */
    private static final Pattern LIBRARY_IMAGE = Pattern.compile("^/media/(\\d{1,18})/[^?#]*$");

    /** The width a body image takes: the text column on wide screens, the screen on narrow ones. */
    static final String BODY_IMAGE_SIZES = "(min-width: 42rem) 40rem, 100vw";

    private final Parser parser;
    private final HtmlRenderer htmlRenderer;
    private final Safelist safelist = safelist();
    private final Optional<InlineImages> images;

    /** A renderer that knows no library images: body images stay plain {@code <img>} elements. */
    public MarkdownRenderer() {
        this(Optional.empty());
    }

    /** A renderer that turns the library's images into figures. */
    @Autowired
    public MarkdownRenderer(Optional<InlineImages> images) {
        this.images = images;
        List<Extension> extensions = List.of(
                TablesExtension.create(),
                StrikethroughExtension.create(),
                AutolinkExtension.create(),
                FootnotesExtension.create(),
                HeadingAnchorExtension.create());
        parser = Parser.builder().extensions(extensions).build();
        htmlRenderer = HtmlRenderer.builder()
                .extensions(extensions)
                .sanitizeUrls(true)
                // Raw HTML is passed through here and made safe by the allowlist below.
                .escapeHtml(false)
                .build();
    }

    /** Renders {@code markdown}; null or blank input gives an empty result. */
    public RenderedMarkdown render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return RenderedMarkdown.EMPTY;
        }
        Node document = parser.parse(markdown);
        document.accept(new SmartPunctuation());
        Element body = sanitise(htmlRenderer.render(document));
        linkCards(body);
        images.ifPresent(library -> figures(body, library));

        // Serialise the top-level nodes one by one so the lead break falls exactly between two of them.
        StringBuilder html = new StringBuilder();
        int paragraphs = 0;
        int afterThirdParagraph = -1;
        boolean contentAfterIt = false;
        for (org.jsoup.nodes.Node node : body.childNodes()) {
            boolean blank = node instanceof TextNode textNode && textNode.isBlank();
            if (afterThirdParagraph >= 0 && !blank) {
                contentAfterIt = true;
            }
            html.append(node.outerHtml());
            if (node instanceof Element element && element.nameIs("p") && ++paragraphs == LEAD_PARAGRAPHS) {
                afterThirdParagraph = html.length();
            }
        }
        int leadLength = contentAfterIt ? afterThirdParagraph : html.length();

        // Footnote markers and back-references are navigation, not prose.
        Element prose = body.clone();
        prose.select("sup.footnote-ref, a.footnote-backref").remove();
        String text = plainText(prose);
        String excerpt = excerpt(prose);
        return new RenderedMarkdown(html.toString(), text, excerpt, readingMinutes(text), leadLength);
    }

    /** Cleans the rendered HTML against the allowlist and returns the resulting {@code <body>}. */
    private Element sanitise(String html) {
        // A document keeps a reference to its mutable settings, so none are shared between calls.
        Document.OutputSettings outputSettings = new Document.OutputSettings().prettyPrint(false);
        String cleaned = Jsoup.clean(html, BASE_URI, safelist, outputSettings);
        // Parse the cleaned markup again: dropping a disallowed element can leave nestings (a <p> inside a <p>)
        // that a browser would build differently, and the re-parsed tree is exactly what a browser sees.
        Document document = Jsoup.parseBodyFragment(cleaned, BASE_URI);
        document.outputSettings(outputSettings);
        Element body = document.body();

        for (Element element : body.select("[class]")) {
            String tag = element.normalName();
            Set<String> classes = element.classNames();
            classes.removeIf(name -> !isAllowedClass(tag, name));
            element.classNames(classes);
            if (classes.isEmpty()) {
                element.removeAttr("class");
            }
        }
        for (Element link : body.select("a[href]")) {
            if (link.attr("href").isBlank()) {
                // CommonMark replaces a rejected destination (javascript: and the like) with "".
                link.removeAttr("href");
            } else if (isExternal(link.absUrl("href"))) {
                link.attr("rel", "noopener noreferrer");
            }
        }
        return body;
    }

    /**
     * A link card: a paragraph of one link whose title is {@code card: Provider}
     * ({@code [Title](https://… "card: YouTube")}), as an imported embed, audio or video becomes. It shows the
     * title, the provider and the address's site, and loads nothing from the provider. Runs after cleaning, on
     * elements the allowlist kept; the classes it adds are the page's own.
     */
    private static void linkCards(Element body) {
        for (Element link : body.select("p > a[title^=card:]")) {
            Element paragraph = link.parent();
            if (paragraph == null || !aloneIn(link, paragraph) || !link.hasAttr("href")) {
                continue;
            }
            String provider = link.attr("title").substring("card:".length()).strip();
            String title = link.text().strip();
            link.removeAttr("title");
            link.empty();
            link.addClass("link-card__link");
            link.appendElement("span").addClass("link-card__title").text(title);
            if (!provider.isEmpty()) {
                link.appendText(" ");
                link.appendElement("span").addClass("link-card__provider").text(provider);
            }
            paragraph.addClass("link-card");
        }
    }

    /**
     * Library images get their stored widths, their size and lazy loading; one alone in its paragraph becomes a
     * figure with its caption and credit. Runs after cleaning: what it adds comes from the library, not the text.
     */
    private static void figures(Element body, InlineImages library) {
        for (Element img : body.select("img[src]")) {
            Matcher url = LIBRARY_IMAGE.matcher(img.attr("src"));
            if (!url.matches()) {
                continue;
            }
            Optional<InlineImage> found = library.find(Long.parseLong(url.group(1)));
            if (found.isEmpty()) {
                continue;
            }
            InlineImage image = found.get();
            String title = img.attr("title").strip();
            img.removeAttr("title");
            img.attr("src", image.url())
                    .attr("srcset", image.srcset())
                    .attr("sizes", BODY_IMAGE_SIZES)
                    .attr("width", Integer.toString(image.width()))
                    .attr("height", Integer.toString(image.height()))
                    .attr("loading", "lazy")
                    .attr("decoding", "async");
            Element paragraph = img.parent();
            if (paragraph == null || !paragraph.nameIs("p") || !aloneIn(img, paragraph)) {
                continue;
            }
            Element figure = new Element("figure").addClass("figure");
            figure.appendChild(img.clone());
            String caption = title.isEmpty() ? image.caption() : title;
            if (!caption.isBlank() || !image.credit().isBlank()) {
                Element figcaption = figure.appendElement("figcaption").addClass("figure__caption");
                if (!caption.isBlank()) {
                    figcaption.appendElement("span").text(caption);
                }
                if (!image.credit().isBlank()) {
                    if (!caption.isBlank()) {
                        figcaption.appendText(" ");
                    }
                    figcaption.appendElement("span").addClass("figure__credit").text(image.credit());
                }
            }
            paragraph.replaceWith(figure);
        }
    }

    private static boolean aloneIn(Element element, Element paragraph) {
        for (org.jsoup.nodes.Node node : paragraph.childNodes()) {
            if (node != element && !(node instanceof TextNode text && text.isBlank())) {
                return false;
            }
        }
        return true;
    }

    /** An absolute http(s) URL, protocol-relative ones included; relative links resolve under the placeholder. */
    private static boolean isExternal(String absoluteUrl) {
        return (absoluteUrl.startsWith("http:") || absoluteUrl.startsWith("https:"))
                && !absoluteUrl.startsWith(BASE_URI);
    }

    /**
     * Classes jsoup cannot restrict by value: the footnote markup's own classes and a fenced code block's
     * {@code language-*}, nothing else.
     */
    private static boolean isAllowedClass(String tag, String name) {
        return switch (tag) {
            case "sup" -> name.equals("footnote-ref");
            case "section" -> name.equals("footnotes");
            case "a" -> name.equals("footnote-backref");
            case "code" -> LANGUAGE_CLASS.matcher(name).matches();
            default -> false;
        };
    }

    private static Safelist safelist() {
        return Safelist.relaxed()
                .addTags("section", "del", "s", "figure", "figcaption", "hr")
                .addAttributes("h1", "id")
                .addAttributes("h2", "id")
                .addAttributes("h3", "id")
                .addAttributes("h4", "id")
                .addAttributes("h5", "id")
                .addAttributes("h6", "id")
                .addAttributes("li", "id")
                .addAttributes("sup", "id", "class")
                .addAttributes("section", "id", "class", "data-footnotes")
                .addAttributes("a", "id", "class", "data-footnote-ref", "data-footnote-backref", "aria-label")
                .addAttributes("code", "class")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                .removeProtocols("a", "href", "ftp")
                .preserveRelativeLinks(true);
    }

    /**
     * A line of plain text, such as a title or a standfirst, with the punctuation prose gets: curly quotes and
     * apostrophes, dashes for {@code --} and {@code ---}, an ellipsis for {@code ...}. Already typographic text is
     * unchanged, so this may be applied again on every save.
     */
    public String typographic(String text) {
        return text == null || text.isEmpty() ? text : new SmartPunctuation().smarten(text);
    }

    /** Text of the leading top-level paragraphs (or of the whole body if it has none), cut to length. */
    private static String excerpt(Element prose) {
        StringBuilder lead = new StringBuilder();
        for (Element paragraph : prose.children()) {
            if (lead.length() > EXCERPT_LENGTH) {
                break;
            }
            if (paragraph.nameIs("p") && paragraph.hasText()) {
                lead.append(lead.length() == 0 ? "" : " ").append(plainText(paragraph));
            }
        }
        return truncate(lead.length() == 0 ? plainText(prose) : lead.toString());
    }

    /** The element's text on one line: jsoup's {@code text()} keeps the line breaks of {@code <pre>} blocks. */
    private static String plainText(Element element) {
        return WHITESPACE.matcher(element.text()).replaceAll(" ").strip();
    }

    /** Cuts {@code text} to {@link #EXCERPT_LENGTH} characters at a word boundary, ending it with "…". */
    private static String truncate(String text) {
        if (text.length() <= EXCERPT_LENGTH) {
            return text;
        }
        int limit = EXCERPT_LENGTH - 1; // room for the ellipsis
        int cut = text.lastIndexOf(' ', limit);
        if (cut <= 0) {
            // One enormous word: cut inside it, but never between the halves of a surrogate pair.
            cut = Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
        }
        return text.substring(0, cut).replaceAll("[\\s,;:.\\-–—]+$", "") + "…";
    }

    private static int readingMinutes(String text) {
        if (text.isBlank()) {
            return 0;
        }
        int words = WHITESPACE.split(text).length;
        return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
    }

    /**
     * Rewrites straight quotes, apostrophes, {@code --}, {@code ---} and {@code ...} in prose {@link Text} nodes.
     * Code spans and code blocks are separate node types and so are never touched; link destinations are not
     * text either; the visible text of an autolinked URL is skipped explicitly.
     *
     * <p>Whether a quote opens or closes depends on the character before it, which may sit in an earlier node
     * ({@code "*Yes*," she said}), so the visitor remembers the last character it saw within the current block.
     * A new instance is needed per document.
     */
    private static final class SmartPunctuation extends AbstractVisitor {

        private static final Pattern URL_LIKE =
                Pattern.compile("(?i)(?:[a-z][a-z0-9+.-]*:|www\\.)\\S*|[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

        /** The character before the next text node; a space at the start of a block. */
        private char previous = ' ';

        @Override
        protected void visitChildren(Node parent) {
            if (parent instanceof Block || parent instanceof TableCell) {
                previous = ' ';
            }
            super.visitChildren(parent);
        }

        @Override
        public void visit(Text text) {
            String literal = text.getLiteral();
            if (literal.isEmpty()) {
                return;
            }
            if (!isUrlText(text)) {
                literal = smarten(literal);
                text.setLiteral(literal);
            }
            previous = literal.charAt(literal.length() - 1);
        }

        @Override
        public void visit(Code code) {
            String literal = code.getLiteral();
            if (!literal.isEmpty()) {
                previous = literal.charAt(literal.length() - 1);
            }
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            previous = ' ';
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            previous = ' ';
        }

        /** Whether this is a link's visible URL, as produced by autolinking: it must stay exactly as typed. */
        private static boolean isUrlText(Text text) {
            if (!(text.getParent() instanceof Link link)) {
                return false;
            }
            String literal = text.getLiteral();
            // Autolinking may prefix the destination ("www.x.org" links to "http://www.x.org", an address to
            // "mailto:..."), so the text is the destination's tail rather than all of it.
            return link.getDestination().endsWith(literal)
                    || URL_LIKE.matcher(literal).matches();
        }

        private String smarten(String literal) {
            StringBuilder out = new StringBuilder(literal.length());
            char before = previous;
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                if (literal.startsWith("...", i)) {
                    out.append('…');
                    i += 2;
                } else if (literal.startsWith("---", i)) {
                    out.append('—');
                    i += 2;
                } else if (literal.startsWith("--", i)) {
                    out.append('–');
                    i += 1;
                } else if (c == '"') {
                    out.append(opensQuote(before) ? '“' : '”');
                } else if (c == '\'') {
                    // An opening position followed by a digit is an elision ('90s), not a quotation.
                    boolean elision = i + 1 < literal.length() && Character.isDigit(literal.charAt(i + 1));
                    out.append(opensQuote(before) && !elision ? '‘' : '’');
                } else {
                    out.append(c);
                }
                before = out.charAt(out.length() - 1);
            }
            return out.toString();
        }

        private static boolean opensQuote(char before) {
            return Character.isWhitespace(before) || "([{—–“‘".indexOf(before) >= 0;
        }
    }
}
