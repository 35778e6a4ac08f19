package org.masthead.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did, or (on a dry run) would do: how many of each kind it would create, leave as they are or skip,
 * and every problem met, item by item. Problems past the first {@value #MAX_LISTED} are counted, not listed.
 */
public final class ImportReport {

    public static final int MAX_LISTED = 2000;

    /** One problem: which item (its title or source id) and what (a message key with arguments). */
    public record Problem(String item, String messageKey, List<String> arguments) {}

    /** How many examples a kind of what is not carried over lists. */
    public static final int EXAMPLES = 5;

    /**
     * A kind of thing the import does not carry over, or carries over only in part (its key, under
     * {@code import.lost.}), how many there were and the first few items that had one.
     */
    public record NotCarried(String kind, int count, List<String> examples) {

        public NotCarried {
            examples = List.copyOf(examples);
        }
    }

    private final Map<String, int[]> counts = new TreeMap<>();
    private final Map<String, Integer> updated = new TreeMap<>();
    private final Map<String, NotCarried> notCarried = new java.util.LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private int problemCount;
    private int total;
    private boolean paused;
    private String writtenBy = "";

    public void created(String kind) {
        count(kind)[0]++;
    }

    public void unchanged(String kind) {
        count(kind)[1]++;
    }

    public void skipped(String kind) {
        count(kind)[2]++;
    }

    /** An item imported before, brought up to date with the source's edits ({@code --update}). */
    public void updated(String kind) {
        updated.merge(kind, 1, Integer::sum);
    }

    public int updatedCount(String kind) {
        return updated.getOrDefault(kind, 0);
    }

    public void problem(String item, String messageKey, Object... arguments) {
        problemCount++;
        if (problems.size() < MAX_LISTED) {
            problems.add(new Problem(
                    item,
                    messageKey,
                    java.util.Arrays.stream(arguments).map(String::valueOf).toList()));
        }
    }

    /** Adds counts of a kind at once (an import that counts by itself, the Masthead export's). */
    void add(String kind, int created, int unchanged, int skipped) {
        int[] c = count(kind);
        c[0] += created;
        c[1] += unchanged;
        c[2] += skipped;
    }

    /** Problems counted but not listed (the reader kept only its first ones). */
    void uncounted(int problems) {
        problemCount += problems;
    }

    /** Counts {@code count} of a kind not carried over, met in {@code item} (listed among the first examples). */
    public void notCarried(String kind, String item, int count) {
        NotCarried known = notCarried.get(kind);
        List<String> examples = new ArrayList<>(known == null ? List.of() : known.examples());
        if (examples.size() < EXAMPLES && item != null && !examples.contains(item)) {
            examples.add(item);
        }
        notCarried.put(kind, new NotCarried(kind, (known == null ? 0 : known.count()) + count, examples));
    }

    /** What was not carried over, kind by kind, in the order first met. */
    public List<NotCarried> notCarried() {
        return List.copyOf(notCarried.values());
    }

    /** How many of a kind were not carried over. */
    public int notCarriedCount(String kind) {
        NotCarried known = notCarried.get(kind);
        return known == null ? 0 : known.count();
    }

    /** A copy of the report as it is now, for {@link #restore}. */
    ImportReport snapshot() {
        ImportReport copy = new ImportReport();
        copy.restore(this);
        return copy;
    }

    /** Becomes what {@code earlier} (a {@link #snapshot}) was: what was counted since is forgotten. */
    void restore(ImportReport earlier) {
        counts.clear();
        earlier.counts.forEach((kind, c) -> counts.put(kind, c.clone()));
        updated.clear();
        updated.putAll(earlier.updated);
        notCarried.clear();
        notCarried.putAll(earlier.notCarried);
        problems.clear();
        problems.addAll(earlier.problems);
        problemCount = earlier.problemCount;
        total = earlier.total;
        paused = earlier.paused;
        writtenBy = earlier.writtenBy;
    }

    private int[] count(String kind) {
        return counts.computeIfAbsent(kind, k -> new int[3]);
    }

    public int createdCount(String kind) {
        return counts.containsKey(kind) ? counts.get(kind)[0] : 0;
    }

    public int unchangedCount(String kind) {
        return counts.containsKey(kind) ? counts.get(kind)[1] : 0;
    }

    public int skippedCount(String kind) {
        return counts.containsKey(kind) ? counts.get(kind)[2] : 0;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public int problemCount() {
        return problemCount;
    }

    void paused() {
        paused = true;
    }

    /** Whether the run stopped before its end because it was asked to (a background job's slice ended). */
    public boolean isPaused() {
        return paused;
    }

    /** What wrote the file ({@code Ghost 5.82.3}), when it says; else empty. */
    public String writtenBy() {
        return writtenBy;
    }

    void writtenBy(String writtenBy) {
        this.writtenBy = writtenBy == null ? "" : writtenBy;
    }

    /** Whether the file holds nothing to import: a warning, never a success. */
    public boolean isEmpty() {
        return total == 0;
    }

    /** How many posts and pages the file holds (the progress bar's whole). */
    public int total() {
        return total;
    }

    void total(int total) {
        this.total = total;
    }

    /** Plain text, for the command line and the log, with the problems' message keys. */
    public String summary() {
        return summary(
                (key, arguments) -> key + (arguments.length == 0 ? "" : " " + java.util.Arrays.toString(arguments)));
    }

    /** Plain text, each problem written by {@code messages} (a message source's lookup). */
    public String summary(java.util.function.BiFunction<String, Object[], String> messages) {
        StringBuilder out = new StringBuilder();
        if (!writtenBy.isEmpty()) {
            out.append(messages.apply("import.report.written-by", new Object[] {writtenBy}))
                    .append(System.lineSeparator());
        }
        if (isEmpty()) {
            out.append(messages.apply("import.report.empty", new Object[0])).append(System.lineSeparator());
        }
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            int[] c = entry.getValue();
            out.append(String.format(
                    "%-12s created %6d   unchanged %6d   skipped %6d%n", entry.getKey(), c[0], c[1], c[2]));
        }
        updated.forEach((kind, count) -> out.append(String.format("%-12s updated %6d%n", kind, count)));
        if (!notCarried.isEmpty()) {
            out.append("not carried over:").append(System.lineSeparator());
            for (NotCarried lost : notCarried.values()) {
                String label = messages.apply("import.lost." + lost.kind(), new Object[0]);
                if (label == null || label.startsWith("import.lost.")) {
                    label = lost.kind();
                }
                out.append(String.format("  %-40s %6d", label, lost.count()));
                if (!lost.examples().isEmpty()) {
                    out.append("   e.g. ").append(String.join("; ", lost.examples()));
                }
                out.append(System.lineSeparator());
            }
        }
        out.append("problems: ").append(problemCount).append(System.lineSeparator());
        for (Problem problem : problems) {
            out.append("  ")
                    .append(problem.item())
                    .append(": ")
                    .append(messages.apply(
                            problem.messageKey(), problem.arguments().toArray()))
                    .append(System.lineSeparator());
        }
        return out.toString();
    }
}
