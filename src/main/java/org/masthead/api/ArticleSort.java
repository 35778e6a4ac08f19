package org.masthead.api;

import java.util.Arrays;
import java.util.List;

import org.masthead.article.PublicArticleQuery;

/**
 * The orders of {@code /api/v1/articles} ({@code sort=}): by publication or title, either way (a leading {@code -}
 * for descending), or by relevance to a search ({@code q}), the default when searching.
 */
enum ArticleSort {
    NEWEST("-published", PublicArticleQuery.Order.NEWEST),
    OLDEST("published", PublicArticleQuery.Order.OLDEST),
    TITLE("title", PublicArticleQuery.Order.TITLE),
    TITLE_DESCENDING("-title", PublicArticleQuery.Order.TITLE_DESCENDING),
    RELEVANCE("relevance", null);

    private final String parameter;
    private final PublicArticleQuery.Order order;

    ArticleSort(String parameter, PublicArticleQuery.Order order) {
        this.parameter = parameter;
        this.order = order;
    }

    /** The value of {@code sort} that asks for this order. */
    String parameter() {
        return parameter;
    }

    /** The order of the article list (null for relevance, which the search decides). */
    PublicArticleQuery.Order order() {
        return order;
    }

    /** Every value {@code sort} takes, as the 400 answer lists them. */
    static List<String> parameters() {
        return Arrays.stream(values()).map(ArticleSort::parameter).toList();
    }

    /**
     * The order a request asks for: {@code value} (null: the default, relevance when searching, else newest
     * first). An unknown value, relevance without a search, or another order with one is a 400 naming {@code sort}.
     */
    static ArticleSort of(String value, boolean searching) {
        if (value == null) {
            return searching ? RELEVANCE : NEWEST;
        }
        String wanted = value.strip();
        for (ArticleSort sort : values()) {
            if (sort.parameter.equals(wanted)) {
                if (sort == RELEVANCE && !searching) {
                    throw new ApiBadRequestException("sort", "api.error.sort-relevance");
                }
                if (sort != RELEVANCE && searching) {
                    throw new ApiBadRequestException("sort", "api.error.sort-search", wanted);
                }
                return sort;
            }
        }
        throw new ApiBadRequestException("sort", "api.error.sort", wanted, String.join(", ", parameters()));
    }
}
