package org.masthead.media;

/**
 * A place that shows an image: an author's photo, an article's featured image, an inline image in a body.
 *
 * @param kind     a message key naming the kind of use, such as {@code media.use.author-photo}
 * @param label    what uses it, such as the author's name or the article's title
 * @param adminUrl where staff edit it
 */
public record ImageUse(String kind, String label, String adminUrl) {}
