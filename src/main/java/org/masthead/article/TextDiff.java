package org.masthead.article;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/** A line-by-line diff of two texts (java-diff-utils), with long unchanged stretches folded away. */
public final class TextDiff {

    /** Unchanged lines kept on each side of a change. */
    static final int CONTEXT = 2;

    public enum Kind {
        SAME,
        DELETED,
        INSERTED,
        FOLDED
    }

    /** One line of a diff; a FOLDED line stands for {@code folded} unchanged lines not shown. */
    public record Line(Kind kind, String text, int folded) {

        public String cssClass() {
            return "diff__" + kind.name().toLowerCase();
        }
    }

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
            delta.getSource().getLines().forEach(line -> all.add(new Line(Kind.DELETED, line, 0)));
            delta.getTarget().getLines().forEach(line -> all.add(new Line(Kind.INSERTED, line, 0)));
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
