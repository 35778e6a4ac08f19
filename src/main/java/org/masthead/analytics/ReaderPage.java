package org.masthead.analytics;

import java.util.Locale;

/** The kinds of reader page that are counted: articles one by one, the others by kind. */
public enum ReaderPage {
    ARTICLE,
    HOME,
    SECTION,
    AUTHOR,
    TOPIC,
    SEARCH;

    /** As written into pages and stored ({@code article}, {@code home}…). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a page's counting script named, or {@code null} for anything else. */
    public static ReaderPage of(String code) {
        if (code == null) {
            return null;
        }
        for (ReaderPage page : values()) {
            if (page.code().equals(code)) {
                return page;
            }
        }
        return null;
    }
}
