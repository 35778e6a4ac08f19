package org.masthead.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * A line-by-line diff of two texts (java-diff-utils), with long unchanged stretches folded away. Within a changed
 * line, the words that changed are marked (a word diff of the line against its counterpart), so a one-word edit in a
 * long paragraph shows as that word.
 */
public final class TextDiff {

    /** Unchanged lines kept on each side of a change. */
    static final int CONTEXT = 2;

    public enum Kind {
        SAME,
        DELETED,
        INSERTED,
        FOLDED
    }

    /** Words, runs of spaces and single punctuation marks: the units a word diff compares. */
    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}’'_-]+|[^\\s\\p{L}\\p{N}]");

    /**
     * One line of a diff, as {@code segments} of text of which the {@code changed} ones differ from the line it
     * replaced or that replaced it; a FOLDED line stands for {@code folded} unchanged lines not shown.
     */
    public record Line(Kind kind, String text, int folded, List<Segment> segments) {

        Line(Kind kind, String text, int folded) {
            this(kind, text, folded, text.isEmpty() ? List.of() : List.of(new Segment(text, false)));
        }

        public String cssClass() {
            return "diff__" + kind.name().toLowerCase();
        }
    }

    /** A stretch of a line's text; {@code changed} when the word diff found it deleted or inserted. */
    public record Segment(String text, boolean changed) {}

    private TextDiff() {}

    public static List<Line> between(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Line> all = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (int i = position; i < delta.getSource().getPosition(); i++) {
                all.add(new Line(Kind.SAME, a.get(i), 0));
            }
            List<String> removed = delta.getSource().getLines();
            List<String> added = delta.getTarget().getLines();
            List<Line> insertedLines = new ArrayList<>();
            for (int i = 0; i < Math.max(removed.size(), added.size()); i++) {
                if (i < removed.size() && i < added.size()) {
                    List<String> oldWords = tokens(removed.get(i));
                    List<String> newWords = tokens(added.get(i));
                    Patch<String> words = DiffUtils.diff(oldWords, newWords);
                    all.add(new Line(Kind.DELETED, removed.get(i), 0, segments(oldWords, words, true)));
                    insertedLines.add(new Line(Kind.INSERTED, added.get(i), 0, segments(newWords, words, false)));
                } else if (i < removed.size()) {
                    all.add(new Line(Kind.DELETED, removed.get(i), 0));
                } else {
                    insertedLines.add(new Line(Kind.INSERTED, added.get(i), 0));
                }
            }
            all.addAll(insertedLines);
            position = delta.getSource().getPosition() + delta.getSource().size();
        }
        for (int i = position; i < a.size(); i++) {
            all.add(new Line(Kind.SAME, a.get(i), 0));
        }
        return fold(all);
    }

    /** Whether the diff shows any change. */
    public static boolean hasChanges(List<Line> diff) {
        return diff.stream().anyMatch(line -> line.kind() == Kind.DELETED || line.kind() == Kind.INSERTED);
    }

    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(line);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /**
     * The tokens of one side of a word diff as segments, neighbours of the same kind joined: {@code source} for the
     * old line (its deleted words changed), else the new line (its inserted words changed).
     */
    private static List<Segment> segments(List<String> tokens, Patch<String> words, boolean source) {
        boolean[] changed = new boolean[tokens.size()];
        for (AbstractDelta<String> delta : words.getDeltas()) {
            var chunk = source ? delta.getSource() : delta.getTarget();
            for (int i = chunk.getPosition(); i < chunk.getPosition() + chunk.size(); i++) {
                changed[i] = true;
            }
        }
        List<Segment> segments = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            boolean startsNewRun = i > 0 && changed[i] != changed[i - 1];
            if (startsNewRun) {
                segments.add(new Segment(run.toString(), changed[i - 1]));
                run.setLength(0);
            }
            run.append(tokens.get(i));
        }
        if (!run.isEmpty()) {
            segments.add(new Segment(run.toString(), changed[tokens.size() - 1]));
        }
        return segments;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
    }

    private static List<Line> fold(List<Line> all) {
        boolean[] keep = new boolean[all.size()];
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).kind() != Kind.SAME) {
                for (int j = Math.max(0, i - CONTEXT); j <= Math.min(all.size() - 1, i + CONTEXT); j++) {
                    keep[j] = true;
                }
            }
        }
        List<Line> shown = new ArrayList<>();
        int hidden = 0;
        for (int i = 0; i < all.size(); i++) {
            if (keep[i]) {
                if (hidden > 0) {
                    shown.add(new Line(Kind.FOLDED, "", hidden));
                    hidden = 0;
                }
                shown.add(all.get(i));
            } else {
                hidden++;
            }
        }
        if (hidden > 0) {
            shown.add(new Line(Kind.FOLDED, "", hidden));
        }
        return shown;
    }
}
