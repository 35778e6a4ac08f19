package org.masthead.article;

/** Where an article stands in the editorial workflow (docs/DESIGN.md, "Lifecycle"). */
public enum ArticleStatus {
    DRAFT,
    IN_REVIEW,
    SCHEDULED,
    PUBLISHED,
    ARCHIVED,
    /** A deleted draft, restorable for a time (the trash) before it is purged. */
    TRASHED
}
