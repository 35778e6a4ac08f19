package org.masthead.archive.wordpress;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.masthead.archive.source.ArchiveReader;
import org.masthead.archive.source.ImportFileException;
import org.masthead.archive.source.ImportModel.ImportedAttachment;
import org.masthead.archive.source.ImportModel.ImportedAuthor;
import org.masthead.archive.source.ImportModel.ImportedPost;
import org.masthead.archive.source.ImportModel.ImportedTerm;
import org.masthead.archive.source.ImportModel.Listener;
import org.masthead.archive.source.ImportModel.PostStatus;
import org.masthead.archive.source.ImportModel.PostType;
import org.masthead.archive.source.ImportModel.TermKind;
import org.springframework.web.util.HtmlUtils;

/**
 * Reads a WordPress export (WXR 1.1 and 1.2) as a stream with StAX: one item in memory at a time, whatever the size
 * of the file. DTDs are not supported and external entities are never resolved; a file with a DOCTYPE is refused
 * before anything in it is expanded (the "billion laughs" and external-entity attacks need one). Each element's
 * text is capped, so one enormous field cannot exhaust the heap.
 *
 * <p>Posts, pages and attachments are passed on; menus, revisions, comments and other post types are skipped.
 * Co-authors come from the {@code author} taxonomy of Co-Authors Plus, when the export carries it.
 */
public final class WxrReader implements ArchiveReader {

    /** The longest text one element may hold (a post's body, say), in characters. */
    public static final int DEFAULT_MAX_TEXT = 16 * 1024 * 1024;

    /** WordPress's own namespace, {@code http://wordpress.org/export/1.2/}, which some exports spell with https. */
    private static final List<String> WP_NS = List.of("http://wordpress.org/export/", "https://wordpress.org/export/");

    private static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final int maxText;

    public WxrReader() {
        this(DEFAULT_MAX_TEXT);
    }

    public WxrReader(int maxText) {
        this.maxText = maxText;
    }

    /** A factory that reads no DTD and resolves no entity from outside the document. */
    static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("External entities are not read: " + systemId);
        });
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException notSupported) {
            // the JDK's parser supports it; another StAX implementation on the class path may not
        }
        return factory;
    }

    @Override
    public void read(Path file, Listener listener) {
        try (InputStream in = Files.newInputStream(file)) {
            read(in, listener);
        } catch (IOException ex) {
            throw new ImportFileException("import.file.unreadable", ex.getMessage());
        }
    }

    public void read(InputStream in, Listener listener) {
        XMLStreamReader xml = null;
        try {
            xml = safeFactory().createXMLStreamReader(in);
            new Pass(xml, listener).run();
        } catch (XMLStreamException ex) {
            throw malformed(ex);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to read
                }
            }
        }
    }

    private static ImportFileException malformed(XMLStreamException ex) {
        String message = ex.getMessage() == null ? "" : ex.getMessage();
        Location at = ex.getLocation();
        int line = at == null ? -1 : at.getLineNumber();
        int column = at == null ? -1 : at.getColumnNumber();
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("same entity")
                || lower.contains("premature end")
                || lower.contains("end of file")
                || lower.contains("unexpected eof")
                || lower.contains("must be terminated")) {
            return new ImportFileException("import.file.truncated", message, line);
        }
        if (lower.contains("doctype") || lower.contains("dtd") || lower.contains("entity")) {
            return new ImportFileException("import.file.doctype", message);
        }
        int colon = message.lastIndexOf("Message:");
        String reason = colon >= 0 ? message.substring(colon + 8).strip() : message;
        return new ImportFileException("import.file.malformed", message, line, column, reason);
    }

    /** One read through the document. */
    private final class Pass {

        private final XMLStreamReader xml;
        private final Listener listener;
        private String baseUrl = "";
        private String channelLink = "";
        private boolean sawChannel;
        /** Whether any element of WordPress's own vocabulary was seen: a plain RSS feed has none. */
        private boolean sawWordPress;

        private String wxrVersion = "";
        private String generator = "";

        Pass(XMLStreamReader xml, Listener listener) {
            this.xml = xml;
            this.listener = listener;
        }

        void run() throws XMLStreamException {
            boolean rss = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new ImportFileException("import.file.doctype", "DOCTYPE");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new ImportFileException("import.file.doctype", "entity " + xml.getLocalName());
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!rss) {
                    if (!"rss".equals(xml.getLocalName())) {
                        throw new ImportFileException(
                                "import.file.not-an-export", xml.getLocalName(), "another kind of XML");
                    }
                    rss = true;
                    continue;
                }
                String ns = namespace();
                String name = xml.getLocalName();
                if ("wp".equals(ns) && !sawWordPress) {
                    sawWordPress = true;
                }
                if ("channel".equals(name)) {
                    sawChannel = true;
                } else if ("wp".equals(ns) && "wxr_version".equals(name)) {
                    wxrVersion = text().strip();
                    listener.version(writtenBy());
                } else if (ns.isEmpty() && "generator".equals(name)) {
                    generator = text().strip();
                    listener.version(writtenBy());
                } else if ("wp".equals(ns) && "base_blog_url".equals(name)) {
                    baseUrl = stripSlash(text());
                    listener.site(baseUrl);
                } else if ("wp".equals(ns) && "base_site_url".equals(name) && baseUrl.isEmpty()) {
                    baseUrl = stripSlash(text());
                    listener.site(baseUrl);
                } else if ("wp".equals(ns) && "author".equals(name)) {
                    author();
                } else if ("wp".equals(ns) && "category".equals(name)) {
                    category();
                } else if ("wp".equals(ns) && "tag".equals(name)) {
                    tag();
                } else if ("link".equals(name) && ns.isEmpty() && channelLink.isEmpty()) {
                    channelLink = stripSlash(text());
                } else if ("item".equals(name) && ns.isEmpty()) {
                    if (baseUrl.isEmpty() && !channelLink.isEmpty()) {
                        // an export without its site's address: the channel's link names the site (source ids are
                        // per site, so that two sites' posts with the same id are two posts)
                        baseUrl = channelLink;
                        listener.site(baseUrl);
                    }
                    item();
                }
            }
            if (!rss || !sawChannel || !sawWordPress) {
                // an RSS feed is no export: it lacks the posts' ids, statuses, authors and categories
                throw new ImportFileException("import.file.not-an-export", "no WordPress elements", "an RSS feed");
            }
        }

        /** {@code WordPress 6.5.2, WXR 1.2}, as much of it as the file says. */
        private String writtenBy() {
            int v = generator.indexOf("?v=");
            String wordpress = v >= 0 ? "WordPress " + generator.substring(v + 3) : "WordPress";
            return wxrVersion.isEmpty() ? wordpress : wordpress + ", WXR " + wxrVersion;
        }

        private void author() throws XMLStreamException {
            String id = "", login = "", email = "", display = "", first = "", last = "", bio = "";
            while (nextChildOf("author")) {
                switch (xml.getLocalName()) {
                    case "author_id" -> id = text();
                    case "author_login" -> login = text();
                    case "author_email" -> email = text();
                    case "author_display_name" -> display = text();
                    case "author_first_name" -> first = text();
                    case "author_last_name" -> last = text();
                    case "author_description" -> bio = text();
                    default -> skip();
                }
            }
            if (login.isBlank()) {
                return;
            }
            String name = !display.isBlank()
                    ? display
                    : (first + " " + last).isBlank() ? login : (first + " " + last).strip();
            List<String> urls = new ArrayList<>();
            urls.add(baseUrl + "/author/" + nicename(login) + "/");
            if (!id.isBlank()) {
                urls.add(baseUrl + "/?author=" + id.strip());
            }
            listener.author(new ImportedAuthor(
                    id.isBlank() ? "login:" + login : id.strip(), login, name.strip(), email, bio, urls));
        }

        private void category() throws XMLStreamException {
            String id = "", slug = "", parent = "", name = "", description = "";
            while (nextChildOf("category")) {
                switch (xml.getLocalName()) {
                    case "term_id" -> id = text();
                    case "category_nicename" -> slug = text();
                    case "category_parent" -> parent = text();
                    case "cat_name" -> name = HtmlUtils.htmlUnescape(text());
                    case "category_description" -> description = text();
                    default -> skip();
                }
            }
            if (slug.isBlank()) {
                return;
            }
            List<String> urls = new ArrayList<>();
            urls.add(baseUrl + "/category/" + slug + "/");
            if (!id.isBlank()) {
                urls.add(baseUrl + "/?cat=" + id.strip());
            }
            listener.term(new ImportedTerm(
                    id.isBlank() ? "category:" + slug : id.strip(),
                    TermKind.CATEGORY,
                    slug.strip(),
                    name.isBlank() ? slug : name.strip(),
                    parent.isBlank() ? null : parent.strip(),
                    description,
                    urls));
        }

        private void tag() throws XMLStreamException {
            String id = "", slug = "", name = "", description = "";
            while (nextChildOf("tag")) {
                switch (xml.getLocalName()) {
                    case "term_id" -> id = text();
                    case "tag_slug" -> slug = text();
                    case "tag_name" -> name = HtmlUtils.htmlUnescape(text());
                    case "tag_description" -> description = text();
                    default -> skip();
                }
            }
            if (slug.isBlank()) {
                return;
            }
            listener.term(new ImportedTerm(
                    id.isBlank() ? "tag:" + slug : id.strip(),
                    TermKind.TAG,
                    slug.strip(),
                    name.isBlank() ? slug : name.strip(),
                    null,
                    description,
                    List.of(baseUrl + "/tag/" + slug.strip() + "/", baseUrl + "/?tag=" + slug.strip())));
        }

        private void item() throws XMLStreamException {
            String title = "", link = "", guid = "", pubDate = "", creator = "", content = "", excerpt = "";
            String id = "", dateGmt = "", date = "", postName = "", status = "", type = "", password = "";
            String modifiedGmt = "";
            String attachmentUrl = "", attachedFile = "", alt = "", thumbnail = "", footnotes = "", parent = "";
            String format = "";
            int comments = 0;
            boolean sticky = false;
            List<String> categories = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            List<String> coAuthors = new ArrayList<>();
            while (nextChildOf("item")) {
                String ns = namespace();
                String name = xml.getLocalName();
                if (ns.isEmpty()) {
                    switch (name) {
                        // WordPress stores a title with its entities ("Trade &amp; Security"): decoded once
                        case "title" -> title = HtmlUtils.htmlUnescape(text());
                        case "link" -> link = text();
                        case "guid" -> guid = text();
                        case "pubDate" -> pubDate = text();
                        case "category" -> {
                            String domain = attribute("domain");
                            String nicename = attribute("nicename");
                            String label = text();
                            String key = nicename.isBlank() ? label.strip() : nicename.strip();
                            switch (domain) {
                                case "category" -> categories.add(key);
                                case "post_tag" -> tags.add(key);
                                case "author" -> coAuthors.add(label.strip());
                                case "post_format" -> format = nicename.isBlank() ? label.strip() : nicename;
                                default -> {
                                    // other taxonomies (formats, custom ones) are not carried over
                                }
                            }
                        }
                        default -> skip();
                    }
                } else if ("content".equals(ns) && "encoded".equals(name)) {
                    content = text();
                } else if ("excerpt".equals(ns) && "encoded".equals(name)) {
                    excerpt = text();
                } else if ("dc".equals(ns) && "creator".equals(name)) {
                    creator = text();
                } else if ("wp".equals(ns)) {
                    switch (name) {
                        case "post_id" -> id = text().strip();
                        case "post_date_gmt" -> dateGmt = text().strip();
                        case "post_date" -> date = text().strip();
                        case "post_modified_gmt" -> modifiedGmt = text().strip();
                        case "post_name" -> postName = text().strip();
                        case "status" -> status = text().strip();
                        case "post_type" -> type = text().strip();
                        case "post_password" -> password = text();
                        case "attachment_url" -> attachmentUrl = text().strip();
                        case "post_parent" -> parent = text().strip();
                        case "is_sticky" -> sticky = "1".equals(text().strip());
                        case "comment" -> {
                            comments++;
                            skip();
                        }
                        case "postmeta" -> {
                            String[] meta = postmeta();
                            switch (meta[0]) {
                                case "_thumbnail_id" -> thumbnail = meta[1].strip();
                                case "_wp_attached_file" -> attachedFile = meta[1].strip();
                                case "_wp_attachment_image_alt" -> alt = meta[1];
                                case "footnotes" -> footnotes = meta[1];
                                default -> {
                                    // other metadata is not carried over
                                }
                            }
                        }
                        default -> skip();
                    }
                } else {
                    skip();
                }
            }
            if (id.isBlank()) {
                return;
            }
            switch (type) {
                case "attachment" -> {
                    listener.attachment(new ImportedAttachment(
                            id,
                            title,
                            attachmentUrl.isBlank() ? guid.strip() : attachmentUrl,
                            attachedFile,
                            excerpt,
                            alt));
                    Set<String> pages = new LinkedHashSet<>();
                    if (!link.isBlank()) {
                        pages.add(link.strip());
                    }
                    pages.add(baseUrl + "/?attachment_id=" + id);
                    listener.attachmentPage(
                            id, parent.isBlank() || "0".equals(parent) ? null : parent, List.copyOf(pages));
                }
                case "post", "page" -> {
                    PostType postType = "page".equals(type) ? PostType.PAGE : PostType.POST;
                    Set<String> authors = new LinkedHashSet<>();
                    if (!creator.isBlank()) {
                        authors.add(creator.strip());
                    }
                    authors.addAll(coAuthors);
                    Set<String> urls = new LinkedHashSet<>();
                    if (!link.isBlank()) {
                        urls.add(link.strip());
                    }
                    if (guid.strip().startsWith("http")) {
                        urls.add(guid.strip());
                    }
                    urls.add(baseUrl + (postType == PostType.PAGE ? "/?page_id=" : "/?p=") + id);
                    String item = title.isBlank() ? "#" + id : title.strip();
                    if (comments > 0) {
                        listener.notCarried(item, "comments", comments);
                    }
                    if (sticky) {
                        listener.notCarried(item, "sticky", 1);
                    }
                    if (!format.isBlank()) {
                        listener.notCarried(item, "post-format", 1);
                    }
                    content = WordPressFootnotes.render(
                            content, footnotes, () -> listener.notCarried(item, "footnotes", 1));
                    listener.post(new ImportedPost(
                            id,
                            postType,
                            title.strip(),
                            URLDecoder.decode(postName.replace("+", "%2B"), StandardCharsets.UTF_8),
                            status(status),
                            !password.isEmpty(),
                            false,
                            date(dateGmt, date, pubDate),
                            date(modifiedGmt, "", ""),
                            excerpt,
                            content,
                            List.copyOf(authors),
                            categories,
                            tags,
                            thumbnail.isBlank() ? null : thumbnail,
                            List.copyOf(urls),
                            null,
                            null));
                }
                default -> {
                    // nav_menu_item, revision, custom post types: not articles
                }
            }
        }

        private String[] postmeta() throws XMLStreamException {
            String key = "", value = "";
            while (nextChildOf("postmeta")) {
                switch (xml.getLocalName()) {
                    case "meta_key" -> key = text().strip();
                    case "meta_value" -> value = text();
                    default -> skip();
                }
            }
            return new String[] {key, value};
        }

        /** Moves to the next child element of the element named {@code parent}; false at its end. */
        private boolean nextChildOf(String parent) throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return true;
                }
                if (event == XMLStreamConstants.END_ELEMENT && parent.equals(xml.getLocalName())) {
                    return false;
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new ImportFileException("import.file.doctype", "entity " + xml.getLocalName());
                }
            }
            throw new XMLStreamException("Premature end of file inside " + parent, xml.getLocation());
        }

        /** The text of the current element (character data and CDATA), capped; ends on its end tag. */
        private String text() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            int depth = 1;
            while (depth > 0) {
                if (!xml.hasNext()) {
                    throw new XMLStreamException("Premature end of file", xml.getLocation());
                }
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (text.length() + xml.getTextLength() > maxText) {
                            throw new ImportFileException(
                                    "import.file.text-too-large",
                                    "over " + maxText,
                                    xml.getLocation().getLineNumber(),
                                    maxText / (1024 * 1024));
                        }
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                    case XMLStreamConstants.START_ELEMENT -> depth++;
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new ImportFileException("import.file.doctype", "entity " + xml.getLocalName());
                    default -> {
                        // comments and processing instructions carry no text
                    }
                }
            }
            return text.toString();
        }

        private void skip() throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                if (!xml.hasNext()) {
                    throw new XMLStreamException("Premature end of file", xml.getLocation());
                }
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new ImportFileException("import.file.doctype", "entity " + xml.getLocalName());
                }
            }
        }

        private String attribute(String name) {
            String value = xml.getAttributeValue(null, name);
            return value == null ? "" : value;
        }

        /** Which vocabulary the current element belongs to, by namespace (prefixes vary between exports). */
        private String namespace() {
            String uri = xml.getNamespaceURI();
            if (uri == null || uri.isEmpty()) {
                return "";
            }
            if (WP_NS.stream().anyMatch(uri::startsWith)) {
                return uri.contains("/excerpt") ? "excerpt" : "wp";
            }
            if (uri.equals(CONTENT_NS)) {
                return "content";
            }
            if (uri.equals(DC_NS)) {
                return "dc";
            }
            return "other";
        }
    }

    static PostStatus status(String status) {
        return switch (status) {
            case "publish" -> PostStatus.PUBLISH;
            case "future" -> PostStatus.FUTURE;
            case "draft" -> PostStatus.DRAFT;
            case "pending" -> PostStatus.PENDING;
            case "private" -> PostStatus.PRIVATE;
            default -> PostStatus.OTHER;
        };
    }

    /** The GMT date when set, else the RSS date; WordPress writes {@code 0000-00-00 00:00:00} for "none". */
    static Instant date(String gmt, String local, String pubDate) {
        if (!gmt.isBlank() && !gmt.startsWith("0000")) {
            try {
                return LocalDateTime.parse(gmt, WP_DATE).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // fall through to the next date
            }
        }
        if (!pubDate.isBlank()) {
            try {
                return ZonedDateTime.parse(pubDate.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException ignored) {
                // fall through
            }
        }
        if (!local.isBlank() && !local.startsWith("0000")) {
            try {
                return LocalDateTime.parse(local, WP_DATE).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // no date
            }
        }
        return null;
    }

    /** WordPress's user_nicename as its archives use it: the login, lower-cased, other characters as hyphens. */
    static String nicename(String login) {
        return login.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-");
    }

    private static String stripSlash(String url) {
        String stripped = url.strip();
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
