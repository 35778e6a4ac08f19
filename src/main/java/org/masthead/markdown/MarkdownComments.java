package org.masthead.markdown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Markdown source without its HTML comments ({@code <!-- EDITOR NOTE: … -->}), which the site's renderer drops and
 * which are the editors' own: what a reader of the source (the content API) may see. Comments are found as
 * CommonMark finds them, HTML blocks and inline HTML, so a comment shown inside a code span or block stays; the rest
 * of the text is kept byte for byte. Thread-safe.
 */
public final class MarkdownComments {

    private static final String OPEN = "<!--";
    private static final String CLOSE = "-->";

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(
                    TablesExtension.create(),
                    StrikethroughExtension.create(),
                    AutolinkExtension.create(),
                    FootnotesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private MarkdownComments() {}

    /** {@code markdown} without its HTML comments; null stays null. */
    public static String strip(String markdown) {
        if (markdown == null || !markdown.contains(OPEN)) {
            return markdown;
        }
        List<int[]> cuts = new ArrayList<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                for (SourceSpan span : block.getSourceSpans()) {
                    commentsIn(markdown, span.getInputIndex(), span.getInputIndex() + span.getLength(), cuts);
                }
            }

            @Override
            public void visit(HtmlInline inline) {
                if (inline.getLiteral().startsWith(OPEN)) {
                    for (SourceSpan span : inline.getSourceSpans()) {
                        cuts.add(new int[] {span.getInputIndex(), span.getInputIndex() + span.getLength()});
                    }
                }
            }
        });
        if (cuts.isEmpty()) {
            return markdown;
        }
        cuts.sort(Comparator.comparingInt(cut -> cut[0]));
        StringBuilder kept = new StringBuilder(markdown.length());
        int from = 0;
        for (int[] cut : cuts) {
            int[] whole = wholeLines(markdown, cut);
            int start = Math.max(whole[0], from);
            kept.append(markdown, from, start);
            from = Math.max(from, whole[1]);
        }
        kept.append(markdown, from, markdown.length());
        return kept.toString();
    }

    /**
     * A cut that leaves its line(s) empty takes the line(s) with it, and a blank line after them when a blank line
     * or the start of the text is before: a comment between two paragraphs leaves one blank line, not three.
     */
    private static int[] wholeLines(String markdown, int[] cut) {
        int lineStart = markdown.lastIndexOf('\n', cut[0] - 1) + 1;
        int lineEnd = markdown.indexOf('\n', cut[1]);
        lineEnd = lineEnd < 0 ? markdown.length() : lineEnd;
        if (!markdown.substring(lineStart, cut[0]).isBlank()
                || !markdown.substring(cut[1], lineEnd).isBlank()) {
            return cut;
        }
        int end = Math.min(lineEnd + 1, markdown.length());
        boolean blankBefore = lineStart == 0 || lineStart >= 2 && markdown.charAt(lineStart - 2) == '\n';
        int nextEnd = markdown.indexOf('\n', end);
        if (blankBefore && nextEnd >= 0 && markdown.substring(end, nextEnd).isBlank()) {
            end = nextEnd + 1;
        }
        return new int[] {lineStart, end};
    }

    /** The comments inside one line of an HTML block (a comment may run over several of its lines). */
    private static void commentsIn(String markdown, int start, int end, List<int[]> cuts) {
        int at = start;
        while (at < end) {
            int open = markdown.indexOf(OPEN, at);
            if (open < 0 || open >= end) {
                return;
            }
            int close = markdown.indexOf(CLOSE, open + OPEN.length());
            int stop = close < 0 ? markdown.length() : close + CLOSE.length();
            cuts.add(new int[] {open, stop});
            at = stop;
        }
    }
}
