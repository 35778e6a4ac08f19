package org.masthead.markdown;

/**
 * A library image as a body shows it: its full-size URL, the {@code srcset} of its stored widths, its size (so the
 * page does not shift as it loads), and its own caption and credit, shown where the Markdown gives no caption.
 */
public record InlineImage(String url, String srcset, int width, int height, String caption, String credit) {}
