package org.masthead.feed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The sitemap's XML, written as text: a file of 50,000 URLs is one fixed shape repeated, so each URL is a few
 * appends to a buffered UTF-8 writer (encoded in bulk), with its text escaped and its date formatted without a
 * general-purpose XML writer or date formatter in the way. Nothing is held beyond the writer's buffer.
 */
final class SitemapXml implements AutoCloseable {

    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final Writer out;
    private final StringBuilder date = new StringBuilder(32);
    private String root;

    SitemapXml(OutputStream stream) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 32 * 1024);
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    /** Opens the document's element ({@code urlset} or {@code sitemapindex}), in the sitemap namespace. */
    void start(String element) throws IOException {
        root = element;
        out.write('<');
        out.write(element);
        out.write(" xmlns=\"" + NS + "\">");
    }

    /**
     * One entry ({@code url} or {@code sitemap}): its address is {@code base} (already escaped, see
     * {@link #escape}) followed by {@code path}, and its last change if known.
     */
    void entry(String element, String base, String path, Instant lastModified) throws IOException {
        out.write('<');
        out.write(element);
        out.write("><loc>");
        out.write(base);
        writeEscaped(path);
        out.write("</loc>");
        if (lastModified != null) {
            out.write("<lastmod>");
            date.setLength(0);
            appendInstant(date, lastModified);
            out.append(date);
            out.write("</lastmod>");
        }
        out.write("</");
        out.write(element);
        out.write('>');
    }

    /** Closes the document's element and sends what is still buffered. */
    @Override
    public void close() throws IOException {
        if (root != null) {
            out.write("</");
            out.write(root);
            out.write('>');
            root = null;
        }
        out.close();
    }

    /** The text with XML's special characters escaped. */
    static String escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&' || c == '<' || c == '>') {
                return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            }
        }
        return text;
    }

    private void writeEscaped(String text) throws IOException {
        out.write(escape(text));
    }

    /**
     * The instant as {@link DateTimeFormatter#ISO_INSTANT} writes it (seconds always, then a fraction of three, six
     * or nine digits if any, then {@code Z}), for the years 1000 to 9999 by hand; others by the formatter.
     */
    static void appendInstant(StringBuilder to, Instant at) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            to.append(DateTimeFormatter.ISO_INSTANT.format(at));
            return;
        }
        to.append(year).append('-');
        digits(to, t.getMonthValue(), 2).append('-');
        digits(to, t.getDayOfMonth(), 2).append('T');
        digits(to, t.getHour(), 2).append(':');
        digits(to, t.getMinute(), 2).append(':');
        digits(to, t.getSecond(), 2);
        int nano = at.getNano();
        if (nano > 0) {
            to.append('.');
            if (nano % 1_000_000 == 0) {
                digits(to, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                digits(to, nano / 1000, 6);
            } else {
                digits(to, nano, 9);
            }
        }
        to.append('Z');
    }

    /** A non-negative number in {@code width} digits, zeros first. */
    private static StringBuilder digits(StringBuilder to, int value, int width) {
        for (int limit = 10, i = 1; i < width; i++, limit *= 10) {
            if (value < limit) {
                to.append('0');
            }
        }
        return to.append(value);
    }
}
