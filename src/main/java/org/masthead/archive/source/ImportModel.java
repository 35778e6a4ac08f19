package org.masthead.archive.source;

import java.time.Instant;
import java.util.List;

/**
 * The neutral shape of an archive coming in, whatever wrote it (WordPress's WXR, Ghost's JSON): authors, terms,
 * attachments and posts, each with its id in the source (so a second import finds what the first one made) and the
 * addresses it had there (so they answer 301 to the new pages).
 */
public final class ImportModel {

    private ImportModel() {}

    /** What a post was in its source; the import maps it onto an article's workflow. */
    public enum PostStatus {
        PUBLISH,
        FUTURE,
        DRAFT,
        PENDING,
        PRIVATE,
        /** Anything else (trash, auto-draft, inherit): skipped and reported. */
        OTHER
    }

    public enum PostType {
        POST,
        PAGE
    }

    public enum TermKind {
        CATEGORY,
        TAG
    }

    /**
     * A person who wrote posts. {@code key} is how posts name them (WordPress: the login; Ghost: the user id).
     *
     * @param oldUrls their author archive's addresses in the source
     */
    public record ImportedAuthor(
            String sourceId, String key, String displayName, String email, String bio, List<String> oldUrls) {

        public ImportedAuthor {
            oldUrls = List.copyOf(oldUrls);
        }
    }

    /** A category (possibly nested, through the parent's slug) or a tag. {@code key} is how posts name it. */
    public record ImportedTerm(
            String sourceId,
            TermKind kind,
            String key,
            String name,
            String parentKey,
            String description,
            List<String> oldUrls) {

        public ImportedTerm {
            oldUrls = List.copyOf(oldUrls);
        }
    }

    /**
     * An image the posts use: where it was on the old site ({@code url}), and its path relative to the uploads
     * folder when known ({@code file}, as WordPress's {@code _wp_attached_file} says).
     */
    public record ImportedAttachment(
            String sourceId, String title, String url, String file, String caption, String alt) {}

    /**
     * A post or page.
     *
     * @param slug the source's slug, decoded (it may be non-ASCII)
     * @param date when it was (or is to be) published, in UTC; null when the source has none (a draft)
     * @param modified when it was last changed at the source, in UTC; null when the source does not say
     * @param passwordProtected the source showed it only with a password: never made public here
     * @param membersOnly the source showed it to its members only (Ghost's {@code members}, {@code paid},
     *     {@code tiers}): never made public here
     * @param excerptHtml the excerpt, which becomes the standfirst
     * @param contentHtml the body as the source stores it (WordPress: classic or block markup with shortcodes)
     * @param authorKeys the byline in order (the first author, then co-authors)
     * @param categoryKeys the categories' keys; the first mapped one gives the section
     * @param featuredImageId the source id of its featured image's attachment, or null
     * @param oldUrls every address it answered at in the source: its permalink, guid, {@code /?p=ID}
     * @param seoTitle the title for search engines and shares, when the source has its own; else null
     * @param seoDescription the description for search engines, when the source has its own; else null
     */
    public record ImportedPost(
            String sourceId,
            PostType type,
            String title,
            String slug,
            PostStatus status,
            boolean passwordProtected,
            boolean membersOnly,
            Instant date,
            Instant modified,
            String excerptHtml,
            String contentHtml,
            List<String> authorKeys,
            List<String> categoryKeys,
            List<String> tagKeys,
            String featuredImageId,
            List<String> oldUrls,
            String seoTitle,
            String seoDescription) {

        public ImportedPost {
            authorKeys = List.copyOf(authorKeys);
            categoryKeys = List.copyOf(categoryKeys);
            tagKeys = List.copyOf(tagKeys);
            oldUrls = List.copyOf(oldUrls);
        }
    }

    /**
     * Receives an archive as it is read, one piece at a time (a large archive is never held whole in memory).
     * Every method has a do-nothing default, so a reader pass can listen for only what it needs.
     */
    public interface Listener {

        /** The source's own site address (WordPress: {@code base_site_url}), when it says; called first. */
        default void site(String baseUrl) {}

        /** What wrote the file, in words for the report ({@code Ghost 5.82.3}, {@code WordPress 6.5.2, WXR 1.2}). */
        default void version(String writtenBy) {}

        default void author(ImportedAuthor author) {}

        default void term(ImportedTerm term) {}

        default void attachment(ImportedAttachment attachment) {}

        default void post(ImportedPost post) {}

        /**
         * Something of a post that Masthead has no place for (its comments, a sticky flag, a post format): {@code
         * item} names the post, {@code kind} what was left behind (a key of {@link ImportReport#notCarried}),
         * {@code count} how many of it.
         */
        default void notCarried(String item, String kind, int count) {}

        /**
         * An attachment's own page in the source ({@code /?attachment_id=12}, {@code /post/image-name/}): it should
         * lead to the post it is attached to ({@code parentId}, the source id of a post, or null), else its image.
         */
        default void attachmentPage(String attachmentId, String parentId, List<String> oldUrls) {}
    }
}
