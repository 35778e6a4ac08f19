package org.masthead.search;

import java.util.List;

/**
 * A page of results (numbered from 1) and how many there are in all; when {@code totalIsLowerBound}, there are
 * more than {@code total} (counting stops there) and the pages end at {@link ArticleSearch#MAX_PAGE}.
 */
public record SearchResults(List<SearchHit> hits, long total, boolean totalIsLowerBound, int page, int pageSize) {

    public int totalPages() {
        return (int) Math.min(ArticleSearch.MAX_PAGE, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }
}
