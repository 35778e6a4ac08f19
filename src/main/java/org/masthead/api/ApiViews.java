package org.masthead.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the content API answers, as records written in snake_case JSON. Every URL in them is absolute; text fields
 * that a page would leave out when empty are null.
 */
final class ApiViews {

    private ApiViews() {}

    /** An article as its public page shows it. */
    record ArticleView(
            long id,
            String slug,
            String url,
            String title,
            String standfirst,
            String excerpt,
            String html,
            String markdown,
            int readingMinutes,
            SectionRef section,
            List<AuthorRef> authors,
            List<TopicRef> topics,
            ImageView featuredImage,
            List<NoteView> notes,
            Instant publishedAt,
            Instant firstPublishedAt,
            Instant updatedAt,
            Instant modifiedAt) {}

    record SectionRef(String slug, String name, String url) {}

    record AuthorRef(String slug, String name, String titleLine, String url) {}

    record TopicRef(String slug, String name, String url) {}

    /** A library image: the full-size file, and every stored width for {@code srcset}. */
    record ImageView(
            String url,
            int width,
            int height,
            String contentType,
            String alt,
            String caption,
            String credit,
            List<VariantView> variants) {}

    record VariantView(int width, String url) {}

    record NoteView(String kind, String body, Instant notedAt) {}

    record AuthorView(
            String slug,
            String name,
            String titleLine,
            String url,
            String bioHtml,
            String bioMarkdown,
            ImageView photo,
            List<LinkView> links,
            long articleCount,
            Instant modifiedAt) {}

    record LinkView(String label, String url) {}

    record SectionView(
            String slug,
            String name,
            String url,
            String description,
            String disclaimer,
            long articleCount,
            Instant modifiedAt) {}

    record TopicView(String slug, String name, String url, long articleCount, Instant modifiedAt) {}

    /** The journal itself: its name, its public URL and the description its front page gives. */
    record SettingsView(String name, String url, String description) {}

    /**
     * A list: its items, and for articles the cursor and URL of the next page (null on the last page) and, when
     * asked for ({@code include=total}), how many there are in all and how exact that figure is ({@code exact},
     * or for a broad search {@code at_least} or {@code about}); both are left out otherwise.
     */
    record ListView<T>(
            List<T> data,
            String nextCursor,
            String next,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long total,
            @JsonInclude(JsonInclude.Include.NON_NULL) String totalAccuracy) {

        ListView(List<T> data, String nextCursor, String next) {
            this(data, nextCursor, next, null, null);
        }
    }

    /** The JSON names of a view's properties, for {@code fields}. */
    static Set<String> propertyNames(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(component -> snakeCase(component.getName()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** {@code readingMinutes} → {@code reading_minutes}, as the API's mapper names properties. */
    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
