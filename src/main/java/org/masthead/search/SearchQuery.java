package org.masthead.search;

import java.time.LocalDate;

/**
 * What a reader asked for: web-search syntax ({@code "exact phrase"}, {@code or}, {@code -exclude}) and
 * optional filters by section, author and topic slug and by publication date (both days included).
 */
public record SearchQuery(String text, String section, String author, String topic, LocalDate from, LocalDate to) {

    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, null, null);
    }
}
