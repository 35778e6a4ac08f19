package org.masthead.event;

import java.util.Set;

/**
 * Something a reader can see has changed, or will at a set time. The services that make such a change publish one
 * of these in its transaction; after the commit, the page cache of this node is cleared and every other node is
 * told through PostgreSQL ({@code cache.PostgresInvalidationBridge}).
 */
public sealed interface PublicContentEvent
        permits ArticlePublished,
                ArticleChanged,
                ArticleUnpublished,
                ArticleArchived,
                ArticleScheduled,
                AuthorChanged,
                SectionChanged,
                TopicChanged,
                ImageChanged,
                FrontPageChanged {

    /**
     * The {@code Surrogate-Key} / {@code Cache-Tag} values ({@link SurrogateKey}) of the pages this change touches,
     * for a purge by tag; see {@link #touchesEveryPage()} for changes no tag can bound.
     */
    Set<String> surrogateKeys();

    /**
     * Whether the change may show on any page whatever its tags (a section's name is in every page's navigation;
     * an image may be shown anywhere): a purge of everything.
     */
    default boolean touchesEveryPage() {
        return false;
    }
}
