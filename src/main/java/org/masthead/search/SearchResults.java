package org.masthead.search;

import java.util.List;

/**
 * A page of results (numbered from 1) and how many there are in all, as exactly as the search could tell cheaply
 * (see {@link Count}). Pages end at {@link ArticleSearch#MAX_PAGE}.
 */
public record SearchResults(List<SearchHit> hits, long total, Count count, int page, int pageSize) {

    /** How {@link #total()} should be read. */
    public enum Count {
        /** Exactly this many articles match. */
        EXACT,
        /** At least this many match; counting stopped there. */
        AT_LEAST,
        /** About this many match: the database's estimate, for a query found in much of the archive. */
        ABOUT
    }

    public static SearchResults none(int page, int pageSize) {
        return new SearchResults(List.of(), 0, Count.EXACT, page, pageSize);
    }

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
