package org.masthead.markdown;

/**
 * The result of rendering one Markdown body.
 *
 * @param html           sanitised HTML, safe to emit unescaped
 * @param text           plain text of the body with whitespace collapsed, for search indexing
 * @param excerpt        plain text from the first paragraphs, at most {@link MarkdownRenderer#EXCERPT_LENGTH}
 *                       characters, ending in "…" when it was cut
 * @param readingMinutes words / 230 rounded up; at least 1 for a non-empty body, 0 for an empty one
 * @param leadLength     index into {@code html} just after the third top-level paragraph when more content
 *                       follows it, else {@code html.length()}; both {@code html.substring(0, leadLength)} and
 *                       {@code html.substring(leadLength)} are sequences of whole top-level elements
 */
public record RenderedMarkdown(String html, String text, String excerpt, int readingMinutes, int leadLength) {

    static final RenderedMarkdown EMPTY = new RenderedMarkdown("", "", "", 0, 0);

    /** The HTML before the in-article break (e.g. the newsletter box). */
    public String lead() {
        return html.substring(0, leadLength);
    }

    /** The HTML after the in-article break. */
    public String rest() {
        return html.substring(leadLength);
    }
}
