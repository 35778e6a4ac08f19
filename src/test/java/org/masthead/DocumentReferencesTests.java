package org.masthead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every document the repository points at is in the repository: a source file, a script or a Markdown page that
 * names a document ({@code docs/DESIGN.md}, {@code CONTRIBUTING.md}), a section of one ({@code docs/DESIGN.md,
 * "Lifecycle"}), or links to a file or a heading ({@code [x](operators.md#caching)}), names one that exists; and
 * nothing points into a folder beside the repository ({@link #BESIDE}, however it is reached). Plain JUnit: it reads
 * files from the project folder, which is where Maven runs the tests.
 */
class DocumentReferencesTests {

    private static final Path ROOT = Path.of("").toAbsolutePath().normalize();

    private static final Path DEMO_CONTENT = Path.of("src/main/resources/demo");

    /** Folders that are not the project's own text: build output, version control, local data. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "data", "node_modules", ".idea");

    /**
     * A document named in any text: a path ending in {@code .md} whose file name is a capitalised document name
     * ({@code README.md}, {@code DESIGN.md}) or that lies under {@code docs/}. Lower-case names elsewhere
     * ({@code articles/slug.md} in an export) are data, not references. Not preceded by what makes a name part of
     * a longer word, a variable (a shell variable before the extension) or a URL's path.
     */
    private static final Pattern DOCUMENT =
            Pattern.compile("(?<![\\w./$}{:-])((?:\\.{1,2}/)*(?:[\\w.-]+/)*[\\w.-]+\\.md)(?![\\w-])");

    private static final Pattern DOCUMENT_NAME = Pattern.compile("[A-Z][A-Z0-9_-]*\\.md");

    /** A section named right after a document: {@code X.md, "Name"}, {@code X.md ("Name")}, {@code X.md's "Name"}. */
    private static final Pattern SECTION = Pattern.compile("(?:,\\s*|\\s*\\(|'s\\s+)\"([^\"\\n]{2,80})\"");

    /** An inline Markdown link or image: {@code [text](target)} or {@code [text](target "title")}. */
    private static final Pattern LINK =
            Pattern.compile("\\[[^\\]\\n]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

    /** A reference-style link definition: {@code [name]: target}. */
    private static final Pattern LINK_DEFINITION =
            Pattern.compile("(?m)^ {0,3}\\[(?!\\^)[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s|$)");

    /**
     * The folder beside the repository where a working copy may keep notes of its own: a user's clone has none, so
     * nothing in the repository may point into it.
     */
    static final String BESIDE = "shared";

    /** The extension of a document. */
    private static final String MD = ".md";

    /** A pointer into the folder beside the repository: {@code ../<folder>}, an absolute path to it, {@code <folder>/}. */
    private static final Pattern OUTSIDE =
            Pattern.compile("(?<![\\w.-])(?:(?:\\.\\./)+" + BESIDE + "\\b|/work/" + BESIDE + "\\b|" + BESIDE + "/)");

    private static final Pattern FENCE = Pattern.compile("(?ms)^ {0,3}(```|~~~).*?^ {0,3}\\1[^\\n]*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`\\n]*`");
    private static final Pattern HEADING = Pattern.compile("(?m)^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");

    // --- the checker, on sample texts --------------------------------------------------------------------------

    @Test
    void aDocumentThatDoesNotExistIsReported() {
        List<String> problems = problems(
                Path.of("src/main/java/Sample.java"), "// see docs/" + missing("NOPE") + " and " + missing("PLANS"));

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("docs/" + missing("NOPE"));
        assertThat(problems.get(1)).contains(missing("PLANS"));
    }

    @Test
    void aSectionThatDoesNotExistIsReported() {
        assertThat(problems(Path.of("src/main/java/Sample.java"), "// docs/DESIGN.md, \"How we invoice\""))
                .singleElement()
                .asString()
                .contains("How we invoice");
        assertThat(problems(Path.of("src/main/java/Sample.java"), "// docs/DESIGN.md (\"Lifecycle\")"))
                .isEmpty();
    }

    @Test
    void aMarkdownLinkToAMissingFileOrHeadingIsReported() {
        Path page = Path.of("docs/sample.md");

        assertThat(problems(page, "See [the plan](plan.md)."))
                .singleElement()
                .asString()
                .contains("plan.md");
        assertThat(problems(page, "See [roles](DESIGN.md#who-may-do-everything)."))
                .singleElement()
                .asString()
                .contains("#who-may-do-everything");
        assertThat(problems(page, "See [here](#nowhere).\n\n## Somewhere\n"))
                .singleElement()
                .asString()
                .contains("#nowhere");
        assertThat(problems(page, "[spec]: ../" + missing("SPEC") + "\n")).isNotEmpty();
    }

    @Test
    void aReferenceIntoASharedFolderIsReported() {
        Path source = Path.of("src/main/java/Sample.java");

        assertThat(problems(source, "// the design: ../" + BESIDE + "/docs/DESIGN.md"))
                .isNotEmpty();
        assertThat(problems(source, "// run /work/" + BESIDE + "/tools/check")).isNotEmpty();
        assertThat(problems(Path.of("docs/sample.md"), "[design](../../" + BESIDE + "/docs/DESIGN.md)"))
                .isNotEmpty();
    }

    @Test
    void aLinkLeavingTheRepositoryIsReported() {
        assertThat(problems(Path.of("docs/sample.md"), "[elsewhere](../../outside.md)"))
                .singleElement()
                .asString()
                .contains("outside the repository");
    }

    @Test
    void existingDocumentsSectionsAndHeadingsPass() {
        Path source = Path.of("src/main/java/Sample.java");
        assertThat(problems(source, "// docs/DESIGN.md, \"Lifecycle\"; DESIGN.md; src/test/resources/media/README.md"))
                .isEmpty();
        assertThat(problems(
                        Path.of("docs/sample.md"),
                        "[d](DESIGN.md#who-may-do-what), [c](../CONTRIBUTING.md), [w](https://example.org/x.md), "
                                + "[self](#a-part)\n\n## A part\n\n```\n[not a link](nowhere.md)\n```\n"))
                .isEmpty();
    }

    @Test
    void dataFileNamesAndVariablesAreNotReferences() {
        assertThat(problems(
                        Path.of("src/test/java/Sample.java"),
                        "zip(\"articles/a-slug.md\", \"../evil.md\"); REPORT=$BENCH_DIR/report-$RUN_AT" + MD))
                .isEmpty();
    }

    /** The name of a document the repository does not have, written so that this file names none itself. */
    private static String missing(String name) {
        return name + MD;
    }

    // --- the repository ----------------------------------------------------------------------------------------

    @Test
    void theRepositoryPointsOnlyAtDocumentsItHas() throws IOException {
        List<Path> files = scannedFiles();
        List<String> problems = new ArrayList<>();
        int references = 0;
        for (Path file : files) {
            String text = read(file);
            if (text == null) {
                continue;
            }
            problems.addAll(problems(ROOT.relativize(file), text));
            references += (int) DOCUMENT.matcher(text)
                    .results()
                    .filter(match -> isDocument(match.group(1)))
                    .count();
        }

        assertThat(files).hasSizeGreaterThan(100);
        assertThat(references).as("document references found").isGreaterThan(20);
        assertThat(problems).as("dangling or outside references").isEmpty();
    }

    // --- how it checks -----------------------------------------------------------------------------------------

    /** What is wrong with the references in {@code text}, the content of {@code file} (relative to the root). */
    static List<String> problems(Path file, String text) {
        List<String> problems = new ArrayList<>();
        // Markdown pages of the repository; the demo journal's articles are content, whose links are the site's
        boolean markdown = file.toString().endsWith(".md") && !file.startsWith(DEMO_CONTENT);
        Path folder = ROOT.resolve(file).getParent();

        Matcher outside = OUTSIDE.matcher(text);
        while (outside.find()) {
            problems.add(file + ": points outside the repository: " + around(text, outside.start()));
        }

        String prose = markdown ? FENCE.matcher(text).replaceAll("") : text;
        Matcher document = DOCUMENT.matcher(prose);
        while (document.find()) {
            String name = document.group(1);
            if (name.contains(BESIDE + "/") || !isDocument(name)) {
                continue; // reported above, or data (an export's articles/slug.md)
            }
            List<Path> targets = resolve(name, folder);
            if (targets.isEmpty()) {
                problems.add(file + ": no such document: " + name);
                continue;
            }
            Matcher section = SECTION.matcher(prose).region(document.end(), prose.length());
            if (section.lookingAt()) {
                String title = section.group(1);
                if (targets.stream().noneMatch(target -> mentions(target, title))) {
                    problems.add(file + ": " + name + " has no part \"" + title + "\"");
                }
            }
        }

        if (markdown) {
            String links = CODE_SPAN.matcher(prose).replaceAll("");
            for (Pattern pattern : List.of(LINK, LINK_DEFINITION)) {
                Matcher link = pattern.matcher(links);
                while (link.find()) {
                    problems.addAll(checkLink(file, folder, text, link.group(1)));
                }
            }
        }
        return problems;
    }

    private static List<String> checkLink(Path file, Path folder, String ownText, String target) {
        if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*") || target.startsWith("//")) {
            return List.of(); // https:, mailto: and the like
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        if (path.isEmpty()) {
            return anchor == null || anchors(ownText).contains(anchor)
                    ? List.of()
                    : List.of(file + ": no heading for #" + anchor);
        }
        Path resolved = folder.resolve(path).normalize();
        if (!resolved.startsWith(ROOT)) {
            return List.of(file + ": links outside the repository: " + target);
        }
        if (!Files.exists(resolved)) {
            return List.of(file + ": no such file: " + target);
        }
        if (anchor != null
                && resolved.toString().endsWith(".md")
                && !anchors(readOrEmpty(resolved)).contains(anchor)) {
            return List.of(file + ": no heading for #" + anchor + " in " + path);
        }
        return List.of();
    }

    private static boolean isDocument(String name) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        return DOCUMENT_NAME.matcher(fileName).matches() || name.startsWith("docs/") || name.contains("/docs/");
    }

    /**
     * The files a name may mean: a path, from the root or from the referring file's folder; a bare file name, any
     * file of that name in the repository.
     */
    private static List<Path> resolve(String name, Path folder) {
        if (!name.contains("/")) {
            return byFileName().getOrDefault(name, List.of());
        }
        List<Path> found = new ArrayList<>();
        for (Path base : List.of(ROOT, folder)) {
            Path candidate = base.resolve(name).normalize();
            if (candidate.startsWith(ROOT) && Files.isRegularFile(candidate)) {
                found.add(candidate);
            }
        }
        return found;
    }

    private static Map<String, List<Path>> fileNames;

    private static synchronized Map<String, List<Path>> byFileName() {
        if (fileNames == null) {
            Map<String, List<Path>> names = new HashMap<>();
            for (Path file : walk(ROOT)) {
                names.computeIfAbsent(file.getFileName().toString(), key -> new ArrayList<>())
                        .add(file);
            }
            fileNames = names;
        }
        return fileNames;
    }

    /** Whether a document mentions a part by that name (a heading, or a passage it names in bold). */
    private static boolean mentions(Path document, String title) {
        return readOrEmpty(document).toLowerCase(Locale.ROOT).contains(title.toLowerCase(Locale.ROOT));
    }

    /** The anchors a forge makes for a Markdown page's headings (GitHub's rule, which the others follow). */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher heading = HEADING.matcher(FENCE.matcher(markdown).replaceAll(""));
        while (heading.find()) {
            String text = heading.group(1)
                    .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                    .toLowerCase(Locale.ROOT);
            String slug = text.replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        return anchors;
    }

    /** src/, the scripts, the build files and every Markdown page outside the build output. */
    private static List<Path> scannedFiles() {
        List<Path> files = new ArrayList<>();
        for (String top : List.of("src", "bench", ".ci", "docs")) {
            files.addAll(walk(ROOT.resolve(top)));
        }
        try (Stream<Path> rootFiles = Files.list(ROOT)) {
            rootFiles
                    .filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return name.endsWith(".md") || name.equals("pom.xml") || name.equals("docker-compose.yml");
                    })
                    .forEach(files::add);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        // this class holds the planted references its own tests need
        files.removeIf(file -> file.getFileName().toString().equals("DocumentReferencesTests.java"));
        return files;
    }

    private static List<Path> walk(Path top) {
        if (!Files.isDirectory(top)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(top)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> {
                        for (Path part : ROOT.relativize(path)) {
                            if (SKIPPED_FOLDERS.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The file as text, or {@code null} for a binary file (an image, a font). */
    private static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String readOrEmpty(Path file) {
        try {
            String text = read(file);
            return text == null ? "" : text;
        } catch (IOException ex) {
            return "";
        }
    }

    private static String around(String text, int at) {
        int end = text.indexOf('\n', at);
        return text.substring(at, end < 0 ? text.length() : Math.min(end, at + 80));
    }
}
