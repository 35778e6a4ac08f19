package org.masthead.article;

import java.time.Instant;

/** A public article's id, slug and last change of its public content: a URL of the sitemap, read in id order. */
public record ArticleLastModified(long id, String slug, Instant at) {}
