package org.masthead.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

/**
 * A three-way merge of two edits of one text, line by line (diff3's rule on java-diff-utils' diffs): where only
 * one side changed a stretch of lines, that change is taken; where both changed the same stretch differently, both
 * versions are kept between marker lines, for the editor to choose from. The markers are refused on save
 * ({@link #hasMarkers}), so a merge cannot be published half-chosen.
 */
public final class TextMerge {

    public static final String MINE_MARKER = "<<<<<<< ";
    public static final String SEPARATOR = "=======";
    public static final String THEIRS_MARKER = ">>>>>>> ";

    /** The merged text, and whether it holds stretches that both sides changed (between markers). */
    public record Result(String text, boolean conflicted) {}

    private TextMerge() {}

    /**
     * Merges {@code mine} and {@code theirs}, both edits of {@code base}; the labels name the two sides on the
     * marker lines.
     */
    public static Result merge(String base, String mine, String theirs, String mineLabel, String theirsLabel) {
        List<String> original = lines(base);
        List<Change> changes = new ArrayList<>();
        DiffUtils.diff(original, lines(mine)).getDeltas().forEach(delta -> changes.add(Change.of(delta, true)));
        DiffUtils.diff(original, lines(theirs)).getDeltas().forEach(delta -> changes.add(Change.of(delta, false)));
        changes.sort(Comparator.comparingInt(Change::start).thenComparingInt(Change::end));

        List<String> out = new ArrayList<>();
        boolean conflicted = false;
        int position = 0;
        int i = 0;
        while (i < changes.size()) {
            // A cluster: changes whose stretches of the base overlap or touch.
            int start = changes.get(i).start();
            int end = changes.get(i).end();
            List<Change> cluster = new ArrayList<>();
            while (i < changes.size() && changes.get(i).start() <= end) {
                end = Math.max(end, changes.get(i).end());
                cluster.add(changes.get(i));
                i++;
            }
            out.addAll(original.subList(position, start));
            List<String> ours = side(original, start, end, cluster, true);
            List<String> others = side(original, start, end, cluster, false);
            boolean mineChanged = cluster.stream().anyMatch(Change::mine);
            boolean theirsChanged = cluster.stream().anyMatch(change -> !change.mine());
            if (!theirsChanged || ours.equals(others)) {
                out.addAll(ours);
            } else if (!mineChanged) {
                out.addAll(others);
            } else {
                conflicted = true;
                out.add(MINE_MARKER + mineLabel);
                out.addAll(ours);
                out.add(SEPARATOR);
                out.addAll(others);
                out.add(THEIRS_MARKER + theirsLabel);
            }
            position = end;
        }
        out.addAll(original.subList(position, original.size()));
        return new Result(String.join("\n", out), conflicted);
    }

    /** Whether a text still holds the marker lines of a merge. */
    public static boolean hasMarkers(String text) {
        if (text == null) {
            return false;
        }
        List<String> all = lines(text);
        return all.stream().anyMatch(line -> line.startsWith(MINE_MARKER))
                && all.stream().anyMatch(line -> line.startsWith(THEIRS_MARKER));
    }

    /** One side's version of the base's lines {@code start..end}: the base with that side's changes applied. */
    private static List<String> side(List<String> original, int start, int end, List<Change> cluster, boolean mine) {
        List<String> version = new ArrayList<>();
        int position = start;
        for (Change change : cluster) {
            if (change.mine() != mine) {
                continue;
            }
            version.addAll(original.subList(position, change.start()));
            version.addAll(change.lines());
            position = change.end();
        }
        version.addAll(original.subList(position, end));
        return version;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
    }

    /** A side's replacement of the base's lines {@code start..end} (an insertion when they are equal). */
    private record Change(int start, int end, List<String> lines, boolean mine) {

        static Change of(AbstractDelta<String> delta, boolean mine) {
            int start = delta.getSource().getPosition();
            return new Change(
                    start, start + delta.getSource().size(), delta.getTarget().getLines(), mine);
        }
    }
}
