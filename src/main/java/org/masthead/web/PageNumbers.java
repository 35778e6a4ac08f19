package org.masthead.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;

/** Public lists are numbered from 1 in URLs ({@code ?page=2}). */
public final class PageNumbers {

    private PageNumbers() {}

    public static Pageable of(int page, int size) {
        if (page < 1) {
            throw new BadRequestException("error.page-number");
        }
        return PageRequest.of(page - 1, size);
    }

    /** A page past the last one does not exist; page 1 of an empty list does (it says there is nothing yet). */
    public static <T> Slice<T> existing(Slice<T> slice, String what) {
        if (slice.isEmpty() && slice.getNumber() > 0) {
            throw new PageNotFoundException(what + " page " + (slice.getNumber() + 1));
        }
        return slice;
    }
}
