package org.masthead.search;

import java.util.List;

/** A page of results (numbered from 1) and how many there are in all. */
public record SearchResults(List<SearchHit> hits, long total, int page, int pageSize) {

    public int totalPages() {
        return (int) ((total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }
}
