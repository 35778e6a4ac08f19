package org.masthead.cache;

/**
 * Something a reader can see has changed: an article was published, unpublished, archived, restored, edited or
 * corrected, a scheduled article went out, an author, section, topic, image or slug changed. The services that
 * make such a change publish this one event; after their transaction commits, the page cache of this node is
 * cleared and every other node is told through PostgreSQL (see {@link PostgresInvalidationBridge}).
 *
 * @param what a short description for the log, such as {@code article.publish #12}
 */
public record PublicContentChanged(String what) {}
