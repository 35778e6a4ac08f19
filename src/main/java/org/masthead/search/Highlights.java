package org.masthead.search;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns PostgreSQL's {@code ts_headline} output into safe HTML. The database marks matches with two
 * private-use characters instead of tags; the whole text is HTML-escaped first, then only those markers
 * become {@code <mark>} elements, always balanced. No HTML from an article or a reader ever passes through.
 */
final class Highlights {

    static final char START = '\uE000';
    static final char STOP = '\uE001';

    /** The {@code ts_headline} options that select the markers. */
    static final String MARKERS = "StartSel=\"" + START + "\", StopSel=\"" + STOP + "\"";

    private Highlights() {}

    static String toHtml(String marked) {
        if (marked == null) {
            return "";
        }
        String escaped = HtmlUtils.htmlEscape(marked, "UTF-8");
        StringBuilder html = new StringBuilder(escaped.length() + 32);
        boolean open = false;
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == START) {
                if (!open) {
                    html.append("<mark>");
                    open = true;
                }
            } else if (c == STOP) {
                if (open) {
                    html.append("</mark>");
                    open = false;
                }
            } else {
                html.append(c);
            }
        }
        if (open) {
            html.append("</mark>");
        }
        return html.toString();
    }
}
