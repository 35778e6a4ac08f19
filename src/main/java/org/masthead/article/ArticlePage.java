package org.masthead.article;

import java.util.List;

/**
 * What an article's public page shows: the article (with section, featured image, authors, topics and notes), the
 * newest other articles of its section and its related reading, both as cards.
 */
public record ArticlePage(Article article, List<ArticleCard> more, List<ArticleCard> related) {

    /** How many of the section's other articles the page lists under "More from". */
    public static final int MORE_FROM_SECTION = 4;

    /** How many articles of related reading the page lists. */
    public static final int RELATED = 3;
}
