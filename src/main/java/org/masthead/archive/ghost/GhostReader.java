package org.masthead.archive.ghost;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.masthead.archive.ImportFileException;
import org.masthead.archive.ImportModel.ImportedAttachment;
import org.masthead.archive.ImportModel.ImportedAuthor;
import org.masthead.archive.ImportModel.ImportedPost;
import org.masthead.archive.ImportModel.ImportedTerm;
import org.masthead.archive.ImportModel.Listener;
import org.masthead.archive.ImportModel.PostStatus;
import org.masthead.archive.ImportModel.PostType;
import org.masthead.archive.ImportModel.TermKind;
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
public final class GhostReader {

    private static final String GHOST_URL = "__GHOST_URL__";

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
        JsonNode data = root.path("db").path(0).path("data");
        if (!data.isObject()) {
            data = root.path("data");
        }
        if (!data.isObject() || !data.path("posts").isArray()) {
            throw new ImportFileException("import.file.not-ghost", "no db[0].data.posts");
        }
        listener.site("");

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
            String featured = text(post, "feature_image");
            String featuredId = null;
            if (!featured.isBlank()) {
                featuredId = "feature:" + id;
                listener.attachment(new ImportedAttachment(
                        featuredId,
                        "",
                        featured.replace(GHOST_URL, ""),
                        null,
                        text(post, "feature_image_caption"),
                        text(post, "feature_image_alt")));
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
                    !visibility.isEmpty() && !"public".equals(visibility),
                    date(text(post, "published_at")),
                    escape(text(post, "custom_excerpt")),
                    html + unknown(unknownCards),
                    authors,
                    primaryTags.containsKey(id) ? List.of(primaryTags.get(id)) : List.of(),
                    tags,
                    featuredId,
                    urls));
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

    private static Instant date(String iso) {
        if (iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException ex) {
            try {
                return Instant.parse(iso);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? "" : value.asString();
    }

    static String escape(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text);
    }
}
