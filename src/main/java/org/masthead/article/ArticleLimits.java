package org.masthead.article;

import org.masthead.slug.Slugs;

/**
 * How long an article's texts may be, in characters: one place, used by the edit form's validation, the templates'
 * {@code maxlength} ({@code ${T(org.masthead.article.ArticleLimits).TITLE}}) and, for the notes, the database's
 * checks (V68).
 */
public final class ArticleLimits {

    public static final int TITLE = 300;
    public static final int SLUG = Slugs.MAX_LENGTH;
    public static final int DEK = 600;
    public static final int TOPICS = 500;
    public static final int BODY = 200_000;
    public static final int SEO_TITLE = 70;
    public static final int SEO_DESCRIPTION = 160;

    /** A correction or update note, and the note left when a draft is returned to its author. */
    public static final int NOTE = 2_000;

    private ArticleLimits() {}
}
