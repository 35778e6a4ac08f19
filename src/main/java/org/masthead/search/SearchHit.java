package org.masthead.search;

import java.time.Instant;
import java.util.List;

/**
 * One result. {@code titleHtml} and {@code snippetHtml} are safe HTML: the text escaped, with only
 * {@code <mark>} elements around the matched words.
 */
public record SearchHit(
        long id,
        String slug,
        String title,
        String titleHtml,
        String dek,
        String snippetHtml,
        Instant publishedAt,
        String sectionSlug,
        String sectionName,
        List<Byline> authors,
        double rank) {

    /** An author of a result, for its byline. */
    public record Byline(String slug, String name) {}
}
