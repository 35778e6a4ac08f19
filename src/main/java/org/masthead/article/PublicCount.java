package org.masthead.article;

import java.time.Instant;

/** How many public articles a section, author or topic has, and the last change among them. */
public record PublicCount(long id, long articles, Instant lastModified) {}
