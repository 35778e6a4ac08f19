package org.masthead.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.html2md.converter.ExtensionConversion;
import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.html2md.converter.LinkConversion;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.springframework.stereotype.Component;

/**
 * Turns rich text (what Word, Google Docs, LibreOffice or a browser put on the clipboard, or an imported archive's
 * HTML) into the Markdown the editor stores. The one HTML-to-Markdown converter of the product.
 *
 * <p>Two steps. First jsoup cleans the HTML down to what an article can hold: paragraphs, headings, bold and
 * italic, links, lists, block quotes, tables, code and rules. Word's list paragraphs ({@code mso-list}) become real
 * lists; Google Docs' styled spans become bold and italic and its wrapper {@code <b>} goes; comments, conditional
 * markup, Office namespaces ({@code o:p}…), styles, scripts, images, classes and every attribute but a link's
 * address are dropped. Then flexmark's HTML-to-Markdown converter writes the Markdown. The result is plain Markdown,
 * which goes through {@link MarkdownRenderer} (and its allowlist) like anything typed by hand.
 *
 * <p>Thread-safe: the converter is built once and only read afterwards; each call parses its own document.
 */
@Component
public class HtmlToMarkdown {

    /** Elements that carry nothing for an article, removed with their content. */
    private static final String DROPPED = "head, title, meta, link, style, script, noscript, template, iframe, object,"
            + " embed, svg, math, canvas, video, audio, img, picture, source, map, area, form, input, button, select,"
            + " textarea, label, nav, xml, col, colgroup";

    /** Elements an article keeps; anything else is unwrapped (its content stays). */
    private static final Set<String> KEPT = Set.of(
            "body",
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "strong",
            "em",
            "a",
            "ul",
            "ol",
            "li",
            "blockquote",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "th",
            "td",
            "pre",
            "code",
            "hr",
            "br",
            "del",
            "sup",
            "sub",
            "div");

    /** Block elements: a {@code <br>} or blank text between two of them is not content. */
    private static final Set<String> BLOCKS = Set.of(
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "table", "pre", "hr", "div");

    /** Office's own namespaces: their elements are markup, not text ({@code o:p} holds a paragraph's end). */
    private static final Set<String> OFFICE_PREFIXES = Set.of("o", "v", "w", "m", "x");

    private static final Pattern MSO_LIST = Pattern.compile("mso-list:\\s*(l\\d+)\\s+level(\\d+)");
    /*
     * A style's own font-weight and font-style, not Office's look-alikes: Word writes a bold run as
     * <b style='mso-bidi-font-weight:normal'>, which says nothing of the weight the reader sees.
     */
    private static final Pattern BOLD = Pattern.compile("(?<![\\w-])font-weight:\\s*(bold|bolder|[6-9]00)");
    private static final Pattern NOT_BOLD = Pattern.compile("(?<![\\w-])font-weight:\\s*(normal|lighter|[1-5]00)");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w-])font-style:\\s*(italic|oblique)");
    private static final Pattern NOT_ITALIC = Pattern.compile("(?<![\\w-])font-style:\\s*normal");
    private static final Pattern STRIKE = Pattern.compile("text-decoration(-line)?:[^;]*line-through");
    private static final Pattern ORDERED_MARKER = Pattern.compile("^\\(?([0-9]+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)]");
    private static final Pattern GOOGLE_REDIRECT = Pattern.compile("^https?://www\\.google\\.[a-z.]+/url\\?(.*)$");
    private static final Pattern SAFE_LINK = Pattern.compile("(?i)^(https?:|mailto:|#|/)[^\\s]*$");

    /**
     * Stands for a backslash until the Markdown is written: text that would read as Markdown syntax (a paragraph
     * starting "1. " or "# ") is escaped with it, since the converter escapes only some characters.
     */
    private static final String ESCAPE = "\uE000";

    /**
     * Put right after bold or italic that text follows directly: the converter then writes a space, which this
     * mark tells to take out again ("**faded** , one" would otherwise keep a space that the source did not have).
     */
    private static final String JOIN = "\uE001";

    /** Opens and closes a footnote label until the Markdown is written: {@code [^} and {@code ]} there. */
    private static final String NOTE_OPEN = "\uE002";

    private static final String NOTE_CLOSE = "\uE003";

    /** Stands between two block quotes until the Markdown is written (then a blank line). */
    private static final String QUOTE_BREAK = "\uE004";

    private static final Pattern NOTE_LABEL = Pattern.compile(NOTE_OPEN + "(\\d+)" + NOTE_CLOSE);

    private static final Pattern LINE_START_NUMBER = Pattern.compile("^(\\s*\\d{1,9})(?=[.)])");
    private static final Pattern LINE_START_SIGN = Pattern.compile("^(\\s*)(?=[-+#=])");
    private static final Pattern LOOSE_UNDERSCORE = Pattern.compile("(?<![\\p{L}\\p{N}])_|_(?![\\p{L}\\p{N}])");

    private final FlexmarkHtmlConverter converter;

    public HtmlToMarkdown() {
        MutableDataSet options = new MutableDataSet()
                .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
                .set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)
                .set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, false)
                .set(FlexmarkHtmlConverter.RENDER_COMMENTS, false)
                .set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false)
                .set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false)
                .set(FlexmarkHtmlConverter.EXTRACT_AUTO_LINKS, true)
                .set(FlexmarkHtmlConverter.WRAP_AUTO_LINKS, false)
                .set(FlexmarkHtmlConverter.MAX_BLANK_LINES, 1)
                .set(FlexmarkHtmlConverter.THEMATIC_BREAK, "---")
                .set(FlexmarkHtmlConverter.MAX_TRAILING_BLANK_LINES, 0)
                .set(FlexmarkHtmlConverter.NBSP_TEXT, " ")
                .set(FlexmarkHtmlConverter.DIV_AS_PARAGRAPH, true)
                .set(FlexmarkHtmlConverter.UNORDERED_LIST_DELIMITER, '-')
                .set(FlexmarkHtmlConverter.LISTS_END_ON_DOUBLE_BLANK, false)
                .set(FlexmarkHtmlConverter.EXT_INLINE_INS, ExtensionConversion.TEXT)
                // superscripts and subscripts (E = mc², H₂O) stay as inline HTML, which the renderer allows
                .set(FlexmarkHtmlConverter.EXT_INLINE_SUB, ExtensionConversion.HTML)
                .set(FlexmarkHtmlConverter.EXT_INLINE_SUP, ExtensionConversion.HTML)
                .set(FlexmarkHtmlConverter.EXT_INLINE_LINK, LinkConversion.MARKDOWN_EXPLICIT)
                .set(FlexmarkHtmlConverter.EXT_INLINE_IMAGE, LinkConversion.NONE)
                .set(FlexmarkHtmlConverter.EXT_MATH, ExtensionConversion.TEXT);
        converter = FlexmarkHtmlConverter.builder(options).build();
    }

    /** The Markdown for {@code html}; null or blank input gives an empty string. */
    public String convert(String html) {
        return convert(html, Set.of());
    }

    /**
     * The Markdown for {@code html}, its footnotes labelled so that none takes a label in {@code takenLabels} (those
     * of the text it is pasted into): numbered on from 1, skipping the taken ones, so two pastes with a note each
     * give two notes. Null or blank input gives an empty string.
     */
    public String convert(String html, Set<String> takenLabels) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parse(html.replace(ESCAPE, "")
                .replace(JOIN, "")
                .replace(NOTE_OPEN, "")
                .replace(NOTE_CLOSE, "")
                .replace(QUOTE_BREAK, ""));
        Element body = clean(document.body(), takenLabels);
        protectMarkdown(body);
        String markdown = converter.convert(body);
        return tidy(markdown);
    }

    /** The cleaning step alone, for tests and for callers that want to look at what is kept. */
    Element clean(Element body) {
        return clean(body, Set.of());
    }

    private Element clean(Element body, Set<String> takenLabels) {
        removeComments(body);
        body.select(DROPPED).remove();
        footnotes(body, takenLabels);
        removeOfficeMarkup(body);
        wordLists(body);
        styledText(body);
        for (Element element : body.select("*")) {
            if (element != body && element.parent() != null) {
                simplify(element);
            }
        }
        unwrapSingleParagraphs(body);
        tableHeaders(body);
        separateQuotes(body);
        removeEmptyBlocks(body);
        removeBreaksBetweenBlocks(body);
        wrapLooseText(body);
        hoistWhitespace(body);
        mergeAdjacent(body);
        collapseWhitespace(body);
        return body;
    }

    /** Comments, Word's conditional markup ({@code <!--[if …]>}, {@code <![if …]>}) and stray data nodes. */
    private static void removeComments(Element root) {
        List<Node> junk = new ArrayList<>();
        root.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Comment || (node instanceof DataNode && !(node.parent() instanceof Element))) {
                    junk.add(node);
                }
                return FilterResult.CONTINUE;
            }
        });
        junk.forEach(Node::remove);
    }

    /**
     * Footnotes become Markdown footnotes. Word and Google Docs write a note as a pair of links: the reference in
     * the text ({@code <a href="#_ftn1" name="_ftnref1">[1]</a>}) and, in the notes at the end, a link back to it
     * before the note's text. Each such pair becomes {@code [^n]} in the text and {@code [^n]: text} at the end;
     * the rule Word and Google Docs draw above their notes goes.
     */
    private static void footnotes(Element root, Set<String> takenLabels) {
        Map<String, Element> targets = new HashMap<>();
        for (Element element : root.select("[id], a[name]")) {
            if (element.hasAttr("name")) {
                targets.putIfAbsent(element.attr("name"), element);
            }
            if (!element.id().isEmpty()) {
                targets.putIfAbsent(element.id(), element);
            }
        }
        List<Element> references = new ArrayList<>();
        List<Element> backLinks = new ArrayList<>();
        for (Element reference : root.select("a[href^=#]")) {
            if (backLinks.contains(reference)) {
                continue;
            }
            Element target = targets.get(reference.attr("href").substring(1));
            Element back = target == null ? null : target.nameIs("a") ? target : target.selectFirst("a[href^=#]");
            if (back == null || back == reference || !pointsTo(back, reference)) {
                continue;
            }
            references.add(reference);
            backLinks.add(back);
        }
        List<Element> definitions = new ArrayList<>();
        int number = 0;
        for (int i = 0; i < references.size(); i++) {
            do {
                number++;
            } while (takenLabels.contains(Integer.toString(number)));
            String label = NOTE_OPEN + number + NOTE_CLOSE;
            Element back = backLinks.get(i);
            Element block = back.closest("p, li, div");
            if (block == null || block == root) {
                continue;
            }
            if (i == 0) {
                removeRuleAbove(block, root);
            }
            back.remove();
            Element definition = new Element("p");
            definition.appendText(label + ": ");
            definition.appendChildren(new ArrayList<>(block.childNodes()));
            definitions.add(definition);
            block.remove();

            Element reference = references.get(i);
            Element sup = reference.parent();
            Element replaced =
                    sup != null && sup.nameIs("sup") && sup.text().equals(reference.text()) ? sup : reference;
            replaced.replaceWith(new TextNode(label));
        }
        definitions.forEach(root::appendChild);
    }

    /** Whether the back link leads to the reference (by its id or name, or its sup's id). */
    private static boolean pointsTo(Element back, Element reference) {
        String to = back.attr("href").substring(1);
        if (to.isEmpty()) {
            return false;
        }
        Element parent = reference.parent();
        return to.equals(reference.id())
                || to.equals(reference.attr("name"))
                || (parent != null && parent.nameIs("sup") && to.equals(parent.id()));
    }

    /** The rule drawn above the notes: right before the first note's block, or before the division holding it. */
    private static void removeRuleAbove(Element block, Element root) {
        Element anchor = block;
        while (anchor.previousElementSibling() == null && anchor.parent() != null && anchor.parent() != root) {
            anchor = anchor.parent();
        }
        Element before = anchor.previousElementSibling();
        while (before != null && before.nameIs("br")) {
            before = before.previousElementSibling();
        }
        if (before != null && before.nameIs("hr")) {
            before.remove();
        }
    }

    /**
     * {@code o:p} (an empty paragraph end), VML shapes and the like go; other prefixed elements (Word's smart tags,
     * {@code st1:place}) keep their text. Word's list bullets ({@code mso-list:Ignore}) are read by
     * {@link #wordLists} first, so they are left for it.
     */
    private static void removeOfficeMarkup(Element root) {
        for (Element element : root.select("*")) {
            String name = element.tagName();
            int colon = name.indexOf(':');
            if (colon > 0 && element.parent() != null) {
                if (OFFICE_PREFIXES.contains(name.substring(0, colon).toLowerCase(Locale.ROOT))) {
                    element.remove();
                } else {
                    element.unwrap();
                }
            }
        }
    }

    /**
     * Word writes a list as paragraphs ({@code class="MsoListParagraphCxSpFirst"…}, or any class) whose style
     * says {@code mso-list:l0 level1 lfo1}, each starting with its bullet or number in a span styled
     * {@code mso-list:Ignore}. Runs of them become {@code ul}/{@code ol} lists, nested by level.
     */
    private static void wordLists(Element root) {
        for (Element paragraph : root.select("p")) {
            if (paragraph.parent() == null || wordListLevel(paragraph) == 0) {
                continue;
            }
            if (paragraph.previousElementSibling() != null && wordListLevel(paragraph.previousElementSibling()) > 0) {
                continue; // part of a run that started earlier
            }
            List<Element> run = new ArrayList<>();
            for (Element item = paragraph; item != null && wordListLevel(item) > 0; item = item.nextElementSibling()) {
                run.add(item);
            }
            buildList(run);
        }
        root.select("span[style~=(?i)mso-list:\\s*ignore]").remove();
    }

    private static int wordListLevel(Element element) {
        if (!element.nameIs("p")) {
            return 0;
        }
        Matcher matcher = MSO_LIST.matcher(style(element));
        if (matcher.find()) {
            return Integer.parseInt(matcher.group(2));
        }
        return element.className().toLowerCase(Locale.ROOT).startsWith("msolistparagraph") ? 1 : 0;
    }

    private static String wordListId(Element paragraph) {
        Matcher matcher = MSO_LIST.matcher(style(paragraph));
        return matcher.find() ? matcher.group(1) : "";
    }

    /** Replaces a run of Word list paragraphs with nested lists. */
    private static void buildList(List<Element> run) {
        Element first = run.get(0);
        Element holder = new Element("div");
        first.before(holder);
        Deque<Element> lists = new ArrayDeque<>(); // the innermost open list on top
        Deque<Integer> levels = new ArrayDeque<>();
        String listId = wordListId(first);
        for (Element paragraph : run) {
            int level = wordListLevel(paragraph);
            String id = wordListId(paragraph);
            if (!id.equals(listId) && levels.size() > 0 && level <= levels.getLast()) {
                // A different Word list right after this one: close everything and start again.
                lists.clear();
                levels.clear();
            }
            listId = id;
            while (!levels.isEmpty() && levels.peek() > level) {
                levels.pop();
                lists.pop();
            }
            if (levels.isEmpty() || levels.peek() < level) {
                Element list = new Element(isOrdered(paragraph) ? "ol" : "ul");
                if (lists.isEmpty()) {
                    holder.appendChild(list);
                } else {
                    Element parentItem = lists.peek().children().last();
                    (parentItem != null ? parentItem : lists.peek()).appendChild(list);
                }
                lists.push(list);
                levels.push(level);
            }
            Element item = new Element("li");
            paragraph.select("span[style~=(?i)mso-list:\\s*ignore]").remove();
            item.appendChildren(new ArrayList<>(paragraph.childNodes()));
            lists.peek().appendChild(item);
            paragraph.remove();
        }
        holder.unwrap();
    }

    /** Whether the item's bullet, in Word's {@code mso-list:Ignore} span, is a number or letter rather than a sign. */
    private static boolean isOrdered(Element paragraph) {
        Element marker = paragraph.selectFirst("span[style~=(?i)mso-list:\\s*ignore]");
        if (marker == null) {
            return false;
        }
        return ORDERED_MARKER
                .matcher(marker.text().replace('\u00a0', ' ').strip())
                .find();
    }

    /**
     * Bold and italic written as styles (Google Docs' spans, LibreOffice's and Word's) become {@code strong} and
     * {@code em}; a {@code b} or {@code strong} styled as normal weight (Google Docs wraps a whole paste in one) is
     * unwrapped. Inside headings bold adds nothing and is dropped.
     */
    private static void styledText(Element root) {
        for (Element element : root.select("b, strong")) {
            if (NOT_BOLD.matcher(style(element)).find() || insideHeading(element)) {
                element.unwrap();
            }
        }
        for (Element element : root.select("i, em")) {
            if (NOT_ITALIC.matcher(style(element)).find()) {
                element.unwrap();
            }
        }
        for (Element element : root.select("[style]")) {
            if (element.parent() == null || !(element.nameIs("span") || element.nameIs("font"))) {
                continue;
            }
            String style = style(element);
            Element inner = element;
            if (STRIKE.matcher(style).find()) {
                inner = wrapContent(inner, "del");
            }
            if (ITALIC.matcher(style).find() && !inside(element, "em, i")) {
                inner = wrapContent(inner, "em");
            }
            if (BOLD.matcher(style).find() && !insideHeading(element) && !inside(element, "strong, b")) {
                wrapContent(inner, "strong");
            }
        }
    }

    private static Element wrapContent(Element element, String tag) {
        Element wrapper = new Element(tag);
        wrapper.appendChildren(new ArrayList<>(element.childNodes()));
        element.appendChild(wrapper);
        return wrapper;
    }

    private static boolean insideHeading(Element element) {
        return inside(element, "h1, h2, h3, h4, h5, h6");
    }

    private static String style(Element element) {
        return element.attr("style").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** Renames to the kept vocabulary, unwraps the rest, and drops every attribute but a link's safe address. */
    private static void simplify(Element element) {
        switch (element.normalName()) {
            case "b" -> element.tagName("strong");
            case "i", "cite", "dfn", "var" -> element.tagName("em");
            case "s", "strike" -> element.tagName("del");
            case "kbd", "samp", "tt" -> element.tagName("code");
            case "article", "section", "main", "header", "footer", "aside", "figure", "center", "address" ->
                element.tagName("div");
            case "figcaption", "caption", "dt", "dd" -> element.tagName("p");
            case "dl" -> element.tagName("div");
            default -> {}
        }
        if (element.nameIs("a")) {
            String href = linkAddress(element.attr("href"));
            element.clearAttributes();
            if (href == null) {
                element.unwrap();
                return;
            }
            element.attr("href", href);
            return;
        }
        element.clearAttributes();
        if (!KEPT.contains(element.normalName())) {
            element.unwrap();
        }
    }

    /** The link's address to keep, or null for an anchor without one or a scheme an article may not link to. */
    private static String linkAddress(String href) {
        String address = href.strip();
        Matcher google = GOOGLE_REDIRECT.matcher(address);
        if (google.matches()) {
            for (String parameter : google.group(1).split("&")) {
                if (parameter.startsWith("q=")) {
                    address =
                            java.net.URLDecoder.decode(parameter.substring(2), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        return SAFE_LINK.matcher(address).matches() ? address : null;
    }

    /** Google Docs and LibreOffice put each list item's and table cell's text in a paragraph of its own. */
    private static void unwrapSingleParagraphs(Element root) {
        for (Element container : root.select("li, td, th")) {
            List<Element> paragraphs = container.children().stream()
                    .filter(child -> child.nameIs("p") || child.nameIs("div"))
                    .toList();
            if (container.nameIs("li") && paragraphs.size() == 1) {
                paragraphs.get(0).unwrap();
            } else if (!container.nameIs("li")) {
                // A table cell holds one line in Markdown: its paragraphs are joined with line breaks.
                for (int i = 0; i < paragraphs.size(); i++) {
                    if (i > 0) {
                        paragraphs.get(i).before(new Element("br"));
                    }
                    paragraphs.get(i).unwrap();
                }
            }
        }
    }

    /**
     * A Markdown table has one header row, then body rows: the header is the table's head ({@code <thead>}), else a
     * first row of header cells, else the first row; the foot ({@code <tfoot>}) comes last, as rows of the body;
     * a header cell in a body row (a row header, {@code <th scope="row">}) is a bold cell.
     */
    private static void tableHeaders(Element root) {
        for (Element table : root.select("table")) {
            if (!table.select("table table").isEmpty()) {
                continue;
            }
            List<Element> head = new ArrayList<>();
            List<Element> body = new ArrayList<>();
            List<Element> foot = new ArrayList<>();
            for (Element row : table.select("tr")) {
                if (row.closest("table") != table) {
                    continue;
                }
                Element group = row.parent();
                if (group != null && group.nameIs("thead")) {
                    head.add(row);
                } else if (group != null && group.nameIs("tfoot")) {
                    foot.add(row);
                } else {
                    body.add(row);
                }
            }
            body.addAll(foot);
            Element header;
            if (!head.isEmpty()) {
                header = head.get(0);
                body.addAll(0, head.subList(1, head.size()));
            } else if (!body.isEmpty() && rowHeaders(body)) {
                // only row headers: an empty header row, so that every row stays a row
                header = new Element("tr");
                int columns = body.stream()
                        .mapToInt(row -> row.select("td, th").size())
                        .max()
                        .orElse(1);
                for (int i = 0; i < columns; i++) {
                    header.appendElement("th");
                }
            } else if (!body.isEmpty()) {
                header = body.remove(0);
            } else {
                continue;
            }
            header.select("td").forEach(cell -> cell.tagName("th"));
            for (Element row : body) {
                for (Element cell : row.select("th")) {
                    cell.tagName("td");
                    if (cell.hasText()) {
                        Element strong = new Element("strong");
                        strong.appendChildren(new ArrayList<>(cell.childNodes()));
                        cell.appendChild(strong);
                    }
                }
            }
            Element thead = new Element("thead").appendChild(header);
            Element tbody = new Element("tbody");
            body.forEach(tbody::appendChild);
            table.empty();
            table.appendChild(thead);
            if (!body.isEmpty()) {
                table.appendChild(tbody);
            }
        }
        // A header cell is bold already.
        root.select("th strong").unwrap();
    }

    /** Whether every row starts with a header cell and holds no other (a table of row headers). */
    private static boolean rowHeaders(List<Element> rows) {
        for (Element row : rows) {
            Element first = row.selectFirst("td, th");
            if (first == null || !first.nameIs("th") || row.select("th").size() != 1) {
                return false;
            }
        }
        return true;
    }

    /** Block quotes one after another stay apart: a mark between them, taken out when the Markdown is written. */
    private static void separateQuotes(Element root) {
        for (Element quote : root.select("blockquote + blockquote")) {
            quote.before(new Element("p").text(QUOTE_BREAK));
        }
    }

    /** Empty paragraphs (Word's {@code <p><o:p>&nbsp;</o:p></p>}) and empty inline wrappers. */
    private static void removeEmptyBlocks(Element root) {
        boolean removed = true;
        while (removed) {
            removed = false;
            for (Element element : root.select("p, h1, h2, h3, h4, h5, h6, strong, em, del, a, div, blockquote, li")) {
                if (element != root
                        && element.parent() != null
                        && element.select("br, hr, table, td, th").isEmpty()
                        && element.text().replace('\u00a0', ' ').isBlank()) {
                    if (element.nameIs("li")
                            && element.parent() != null
                            && element.parent().childrenSize() > 1) {
                        element.remove();
                    } else if (!element.nameIs("li")) {
                        element.remove();
                    } else {
                        continue;
                    }
                    removed = true;
                }
            }
        }
    }

    /**
     * Line breaks and whitespace between blocks are layout (Google Docs puts a {@code <br>} between its
     * paragraphs); a break at the start or end of a paragraph is nothing either.
     */
    private static void removeBreaksBetweenBlocks(Element root) {
        for (Element br : root.select("br")) {
            Element parent = br.parent();
            if (parent == null) {
                continue;
            }
            if (!isInline(parent)
                    && !parent.nameIs("p")
                    && !parent.nameIs("td")
                    && !parent.nameIs("th")
                    && !parent.nameIs("li")
                    && !isHeading(parent)) {
                br.remove();
                continue;
            }
            if (isEdge(br, true) || isEdge(br, false) || beforeBlock(br)) {
                br.remove();
            }
        }
        for (Element block : root.select("body, div, blockquote, li, ul, ol, table, thead, tbody, tfoot, tr")) {
            for (Node child : new ArrayList<>(block.childNodes())) {
                if (child instanceof TextNode text
                        && text.isBlank()
                        && (isBlockOrNone(text.previousSibling()) || isBlockOrNone(text.nextSibling()))) {
                    text.remove();
                }
            }
        }
    }

    /** A break right before a block (a nested list after an item's text) breaks nothing. */
    private static boolean beforeBlock(Element br) {
        Node next = br.nextSibling();
        while (next instanceof TextNode text && text.isBlank()) {
            next = next.nextSibling();
        }
        return next instanceof Element element && !isInline(element);
    }

    private static boolean isBlockOrNone(Node node) {
        return node == null || (node instanceof Element element && !isInline(element));
    }

    /**
     * Text directly inside a block quote or a division that also holds blocks becomes a paragraph of its own, so
     * that it is written as one (a LibreOffice quotation holds its text directly).
     */
    private static void wrapLooseText(Element root) {
        for (Element container : root.select("body, blockquote, div")) {
            boolean hasBlocks = container.children().stream().anyMatch(child -> !isInline(child));
            if (!hasBlocks && !container.nameIs("blockquote")) {
                continue;
            }
            List<Node> run = new ArrayList<>();
            for (Node child : new ArrayList<>(container.childNodes())) {
                if (child instanceof Element element && !isInline(element)) {
                    wrapInParagraph(run);
                    run = new ArrayList<>();
                } else {
                    run.add(child);
                }
            }
            wrapInParagraph(run);
        }
    }

    private static void wrapInParagraph(List<Node> run) {
        boolean hasText = run.stream()
                .anyMatch(node ->
                        node instanceof Element || !((TextNode) node).text().isBlank());
        if (!hasText) {
            return;
        }
        Element paragraph = new Element("p");
        run.get(0).before(paragraph);
        paragraph.appendChildren(run);
    }

    /** Spaces at the edges of bold, italic, struck-out text and links belong outside them in Markdown. */
    private static void hoistWhitespace(Element root) {
        for (Element element : root.select("strong, em, del, a")) {
            Node first = element.firstChild();
            if (first instanceof TextNode text && startsWithSpace(text.getWholeText())) {
                String whole = text.getWholeText();
                String stripped = whole.stripLeading();
                text.text(stripped);
                element.before(new TextNode(whole.substring(0, whole.length() - stripped.length())));
            }
            Node last = element.lastChild();
            if (last instanceof TextNode text && endsWithSpace(text.getWholeText())) {
                String whole = text.getWholeText();
                String stripped = whole.stripTrailing();
                text.text(stripped);
                element.after(new TextNode(whole.substring(stripped.length())));
            }
        }
    }

    private static boolean startsWithSpace(String text) {
        return !text.isEmpty() && Character.isWhitespace(text.charAt(0));
    }

    private static boolean endsWithSpace(String text) {
        return !text.isEmpty() && Character.isWhitespace(text.charAt(text.length() - 1));
    }

    /** Google Docs splits text into runs: two bold runs in a row become one bold run. */
    private static void mergeAdjacent(Element root) {
        for (Element element : root.select("strong, em, del")) {
            if (element.parent() == null) {
                continue;
            }
            Node next = element.nextSibling();
            while (next instanceof Element sibling && sibling.normalName().equals(element.normalName())) {
                element.appendChildren(new ArrayList<>(sibling.childNodes()));
                sibling.remove();
                next = element.nextSibling();
            }
        }
    }

    /** Line breaks in the HTML source are spaces (Word wraps its lines); preformatted text keeps its own. */
    private static void collapseWhitespace(Element root) {
        for (TextNode text : textNodes(root)) {
            if (!inside(text, "pre")) {
                String collapsed = text.getWholeText().replaceAll("[ \\t\\r\\n\\f]+", " ");
                text.text(collapsed);
            }
        }
        // A space at the start or end of a block shows nothing.
        for (Element block : root.select("p, li, h1, h2, h3, h4, h5, h6, td, th")) {
            if (block.firstChild() instanceof TextNode first) {
                first.text(first.getWholeText().stripLeading());
            }
            if (block.lastChild() instanceof TextNode last) {
                last.text(last.getWholeText().stripTrailing());
            }
        }
    }

    private static List<TextNode> textNodes(Element root) {
        List<TextNode> texts = new ArrayList<>();
        root.traverse((node, depth) -> {
            if (node instanceof TextNode text) {
                texts.add(text);
            }
        });
        return texts;
    }

    private static boolean inside(Node node, String query) {
        for (Element parent = node.parent() instanceof Element element ? element : null;
                parent != null;
                parent = parent.parent()) {
            if (parent.is(query)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks text the converter would write as Markdown syntax: a line that starts like a list item, a heading or a
     * rule, and underscores at the edge of a word; and marks where bold or italic is directly followed by text.
     */
    private static void protectMarkdown(Element root) {
        boolean[] lineStart = {true};
        root.traverse(new org.jsoup.select.NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element && (!isInline(element) || element.nameIs("br"))) {
                    lineStart[0] = true;
                } else if (node instanceof TextNode text && !inside(text, "pre, code")) {
                    String value = text.getWholeText();
                    value = LOOSE_UNDERSCORE.matcher(value).replaceAll(ESCAPE + "_");
                    if (lineStart[0]) {
                        value = LINE_START_NUMBER.matcher(value).replaceFirst("$1" + ESCAPE);
                        value = LINE_START_SIGN.matcher(value).replaceFirst("$1" + ESCAPE);
                    }
                    text.text(value);
                    if (!value.isBlank()) {
                        lineStart[0] = false;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && !isInline(element)) {
                    lineStart[0] = true;
                }
            }
        });
        for (Element element : root.select("strong, em, del")) {
            if (element.nextSibling() instanceof TextNode next
                    && !next.getWholeText().isEmpty()
                    && !Character.isWhitespace(next.getWholeText().charAt(0))) {
                next.text(JOIN + next.getWholeText());
            }
        }
    }

    private static boolean isEdge(Element br, boolean first) {
        Node sibling = first ? br.previousSibling() : br.nextSibling();
        while (sibling instanceof TextNode text
                && text.text().replace('\u00a0', ' ').isBlank()) {
            sibling = first ? sibling.previousSibling() : sibling.nextSibling();
        }
        if (sibling != null) {
            return false;
        }
        Element parent = br.parent();
        return parent.nameIs("p")
                || parent.nameIs("li")
                || parent.nameIs("td")
                || parent.nameIs("th")
                || isHeading(parent);
    }

    private static boolean isInline(Element element) {
        return !BLOCKS.contains(element.normalName()) && !element.nameIs("body");
    }

    private static boolean isHeading(Element element) {
        return element.normalName().matches("h[1-6]");
    }

    /**
     * Puts the escapes in, takes the converter's extra spaces out, writes hard line breaks as a backslash (trailing
     * spaces vanish in editors), and leaves no trailing spaces, no runs of blank lines, no blank lines at either end.
     */
    private static String tidy(String markdown) {
        String text = markdown.replace('\u00a0', ' ')
                .replaceAll(" ?" + JOIN, "")
                .replace(ESCAPE, "\\")
                .replaceAll(NOTE_LABEL.pattern(), "[^$1]")
                .replaceAll("(?m)^[ \\t]*" + QUOTE_BREAK + "[ \\t]*$", "")
                .replaceAll("(?m)^([> ]*>) ?" + QUOTE_BREAK + "[ \\t]*$", "$1")
                .replace(QUOTE_BREAK, "")
                .replaceAll("(?m)(?<=\\S) {2,}$(?=\\n[ \\t]*\\S)", "\\\\")
                .replaceAll("(?m)[ \\t]+$", "");
        text = blankLineBeforeQuotes(text).replaceAll("\\n{3,}", "\n\n").strip();
        return text.isEmpty() ? "" : text + "\n";
    }

    /** The converter writes a block quote right under the paragraph before it; a blank line reads better. */
    private static String blankLineBeforeQuotes(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean fenced = false;
        String previous = "";
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("```") || line.startsWith("~~~")) {
                fenced = !fenced;
            }
            if (!fenced && line.startsWith(">") && !previous.isBlank() && !previous.startsWith(">")) {
                out.append('\n');
            }
            out.append(line).append('\n');
            previous = line;
        }
        return out.toString();
    }
}
