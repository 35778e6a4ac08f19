package org.masthead.archive.ghost;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Ghost's JSON export ({@code db[0].data}: posts, tags, users, posts_tags, posts_authors). A post's body is
 * its {@code html} when the export has it; otherwise its Lexical or Mobiledoc document is rendered
 * ({@link GhostDocuments}: paragraphs, headings, lists, quotes, images, code, dividers; other cards are reported
 * as text). Ghost's own addresses ({@code /slug/}, {@code /tag/slug/}, {@code /author/slug/}) are the old URLs.
 * Images point at {@code /content/images/…}, found in the folder given as the uploads (a copy of
 * {@code content/images}).
 *
 * <p>A Ghost export is read whole (it is JSON, and its parts refer to one another), with Jackson's limits on
 * nesting and string length; exports of even large Ghost sites are tens of megabytes.
 */
public final class GhostReader implements ArchiveReader {

    private static final String GHOST_URL = "__GHOST_URL__";

    /** The versions read: Ghost 1.0 and later write their own version ({@code 5.82.3}) in the export's meta. */
    private static final Pattern SUPPORTED_VERSION = Pattern.compile("[1-9][0-9]*\\.[0-9]+");

    /** How Ghost on SQLite writes a date (UTC): {@code 2024-03-05 09:30:00}. */
    private static final DateTimeFormatter SQLITE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    @Override
    public void read(Path file, Listener listener) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            JsonFactory factory = JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(200)
                            .maxStringLength(16 * 1024 * 1024)
                            .build())
                    .build();
            root = JsonMapper.builder(factory).build().readTree(in);
        } catch (JacksonException ex) {
            String message = ex.getOriginalMessage() == null ? "" : ex.getOriginalMessage();
            if (message.toLowerCase().contains("end-of-input")
                    || message.toLowerCase().contains("unexpected end")) {
                throw new ImportFileException(
                        "import.file.truncated",
                        message,
                        ex.getLocation() == null ? -1 : ex.getLocation().getLineNr());
            }
            throw new ImportFileException("import.file.malformed-json", message, message);
        } catch (IOException ex) {
            throw new ImportFileException("import.file.unreadable", ex.getMessage());
        }
        JsonNode db = root.path("db").path(0);
        JsonNode data = db.path("data");
        if (!data.isObject() || !data.path("posts").isArray()) {
            throw new ImportFileException("import.file.not-an-export", "no db[0].data.posts", "another kind of JSON");
        }
        String version = text(db.path("meta"), "version");
        if (!SUPPORTED_VERSION.matcher(version).lookingAt()) {
            // Ghost 0.x wrote its database schema's number ("003", "004"); its posts are Markdown of its own
            throw new ImportFileException("import.file.ghost-too-old", version, version.isEmpty() ? "0.x" : version);
        }
        listener.site("");
        listener.version("Ghost " + version);

        Map<String, String> userSlugs = new HashMap<>();
        for (JsonNode user : data.path("users")) {
            String id = text(user, "id");
            String slug = text(user, "slug");
            userSlugs.put(id, slug);
            List<String> urls = slug.isEmpty() ? List.of() : List.of("/author/" + slug + "/");
            listener.author(new ImportedAuthor(
                    id,
                    id,
                    text(user, "name").isBlank() ? slug : text(user, "name"),
                    text(user, "email"),
                    text(user, "bio"),
                    urls));
        }
        Map<String, String> tagSlugs = new HashMap<>();
        for (JsonNode tag : data.path("tags")) {
            String id = text(tag, "id");
            String slug = text(tag, "slug");
            tagSlugs.put(id, slug);
            if (slug.isEmpty() || "internal".equals(text(tag, "visibility"))) {
                continue;
            }
            listener.term(new ImportedTerm(
                    id,
                    TermKind.TAG,
                    slug,
                    text(tag, "name"),
                    null,
                    text(tag, "description"),
                    List.of("/tag/" + slug + "/")));
        }
        Map<String, List<JsonNode>> postTags = byPost(data.path("posts_tags"));
        Map<String, List<JsonNode>> postAuthors = byPost(data.path("posts_authors"));
        Map<String, JsonNode> postMeta = new HashMap<>();
        for (JsonNode meta : data.path("posts_meta")) {
            postMeta.put(text(meta, "post_id"), meta);
        }
        // A post's primary tag (its first, by sort_order) is its section, as Ghost's themes show it: each primary
        // tag is a category too (the mapping step may send it to an existing section)
        Map<String, JsonNode> tagsById = new HashMap<>();
        for (JsonNode tag : data.path("tags")) {
            tagsById.put(text(tag, "id"), tag);
        }
        Map<String, String> primaryTags = new HashMap<>();
        java.util.Set<String> sectionTags = new java.util.LinkedHashSet<>();
        for (Map.Entry<String, List<JsonNode>> links : postTags.entrySet()) {
            for (JsonNode link : links.getValue()) {
                JsonNode tag = tagsById.get(text(link, "tag_id"));
                if (tag != null
                        && !text(tag, "slug").isEmpty()
                        && !"internal".equals(text(tag, "visibility"))
                        && !text(tag, "slug").startsWith("hash-")) {
                    primaryTags.put(links.getKey(), text(tag, "slug"));
                    if (sectionTags.add(text(tag, "slug"))) {
                        listener.term(new ImportedTerm(
                                "primary:" + text(tag, "id"),
                                TermKind.CATEGORY,
                                text(tag, "slug"),
                                text(tag, "name").isBlank() ? text(tag, "slug") : text(tag, "name"),
                                null,
                                text(tag, "description"),
                                List.of()));
                    }
                    break;
                }
            }
        }

        for (JsonNode post : data.path("posts")) {
            String id = text(post, "id");
            // Ghost 5 keeps the image's alt and caption and the SEO texts in posts_meta; earlier ones on the post
            JsonNode meta = postMeta.getOrDefault(id, post);
            String featured = text(post, "feature_image");
            String featuredId = null;
            if (!featured.isBlank()) {
                featuredId = "feature:" + id;
                listener.attachment(new ImportedAttachment(
                        featuredId,
                        "",
                        featured.replace(GHOST_URL, ""),
                        null,
                        either(meta, post, "feature_image_caption"),
                        either(meta, post, "feature_image_alt")));
            }
            List<String> authors = new ArrayList<>();
            for (JsonNode link : postAuthors.getOrDefault(id, List.of())) {
                authors.add(text(link, "author_id"));
            }
            if (authors.isEmpty() && !text(post, "author_id").isBlank()) {
                authors.add(text(post, "author_id"));
            }
            List<String> tags = new ArrayList<>();
            for (JsonNode link : postTags.getOrDefault(id, List.of())) {
                String slug = tagSlugs.get(text(link, "tag_id"));
                if (slug != null && !slug.startsWith("hash-")) {
                    tags.add(slug);
                }
            }
            String html = text(post, "html");
            List<String> unknownCards = new ArrayList<>();
            if (html.isBlank()) {
                html = GhostDocuments.render(text(post, "lexical"), text(post, "mobiledoc"), unknownCards);
            }
            html = html.replace(GHOST_URL, "");
            String slug = text(post, "slug");
            String visibility = text(post, "visibility");
            boolean page =
                    "page".equals(text(post, "type")) || post.path("page").asBoolean(false);
            List<String> urls = new ArrayList<>();
            if (!slug.isEmpty()) {
                urls.add("/" + slug + "/");
            }
            listener.post(new ImportedPost(
                    id,
                    page ? PostType.PAGE : PostType.POST,
                    text(post, "title"),
                    slug,
                    status(text(post, "status")),
                    false,
                    !visibility.isEmpty() && !"public".equals(visibility),
                    date(post.path("published_at")),
                    date(post.path("updated_at")),
                    escape(text(post, "custom_excerpt")),
                    html + unknown(unknownCards),
                    authors,
                    primaryTags.containsKey(id) ? List.of(primaryTags.get(id)) : List.of(),
                    tags,
                    featuredId,
                    urls,
                    blankToNull(either(meta, post, "meta_title")),
                    blankToNull(either(meta, post, "meta_description"))));
        }
    }

    private static String unknown(List<String> cards) {
        StringBuilder out = new StringBuilder();
        for (String card : cards) {
            out.append("<p data-unknown-card=\"")
                    .append(escape(card))
                    .append("\">[")
                    .append(escape(card))
                    .append("]</p>");
        }
        return out.toString();
    }

    private static Map<String, List<JsonNode>> byPost(JsonNode links) {
        Map<String, List<JsonNode>> byPost = new HashMap<>();
        for (JsonNode link : links) {
            byPost.computeIfAbsent(text(link, "post_id"), k -> new ArrayList<>())
                    .add(link);
        }
        byPost.values()
                .forEach(list -> list.sort(
                        Comparator.comparingInt(n -> n.path("sort_order").asInt(0))));
        return byPost;
    }

    private static PostStatus status(String status) {
        return switch (status) {
            case "published" -> PostStatus.PUBLISH;
            case "scheduled" -> PostStatus.FUTURE;
            case "draft" -> PostStatus.DRAFT;
            default -> PostStatus.OTHER;
        };
    }

    /**
     * A date as Ghost writes it: ISO 8601 ({@code 2024-03-05T09:30:00.000Z}, MySQL), {@code 2024-03-05 09:30:00}
     * (SQLite, in UTC), or milliseconds since 1970; null when there is none or it cannot be read.
     */
    static Instant date(JsonNode value) {
        if (value.isNumber()) {
            return Instant.ofEpochMilli(value.asLong());
        }
        String text =
                value.isNull() || value.isMissingNode() ? "" : value.asString().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ex) {
            try {
                return LocalDateTime.parse(text, SQLITE_DATE).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** The field of {@code first} when it has one, else of {@code second}. */
    private static String either(JsonNode first, JsonNode second, String field) {
        String value = text(first, field);
        return value.isBlank() ? text(second, field) : value;
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? "" : value.asString();
    }

    static String escape(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text);
    }
}
