package org.masthead.slug;

/** The kinds of public page that have slugs. */
public enum SlugKind {
    ARTICLE,
    SECTION,
    AUTHOR,
    TOPIC
}
