package org.masthead.article;

import java.time.Instant;

/** A public page's slug and the last change of its public content (for the sitemap). */
public record LastModified(String slug, Instant at) {}
