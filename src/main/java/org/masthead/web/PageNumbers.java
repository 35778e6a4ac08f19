package org.masthead.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;

/** Public lists are numbered from 1 in URLs ({@code ?page=2}). */
public final class PageNumbers {

    private PageNumbers() {}

    public static Pageable of(int page, int size) {
        return of(page, size, Sort.unsorted());
    }

    /**
     * Page {@code page} (from 1) of {@code size} rows. A page whose first row lies past what an offset can address
     * cannot exist: it is not found, like any page past the last one (and never reaches the database).
     */
    public static Pageable of(int page, int size, Sort sort) {
        if (page < 1) {
            throw new BadRequestException("error.page-number");
        }
        if ((long) (page - 1) * size > Integer.MAX_VALUE - size) {
            throw new PageNotFoundException("page " + page);
        }
        return PageRequest.of(page - 1, size, sort);
    }

    /** A page past the last one does not exist; page 1 of an empty list does (it says there is nothing yet). */
    public static <T> Slice<T> existing(Slice<T> slice, String what) {
        if (slice.isEmpty() && slice.getNumber() > 0) {
            throw new PageNotFoundException(what + " page " + (slice.getNumber() + 1));
        }
        return slice;
    }
}
