package org.masthead.archive;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import org.masthead.archive.ArchiveImport.Format;
import org.masthead.archive.ArchiveImport.Options;
import org.masthead.archive.source.ImportFileException;
import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line's import: {@code java -jar masthead.jar import wordpress|ghost|masthead FILE [--dry-run]
 * [--update] [--uploads DIR] [--pages-section SLUG] [--section CATEGORY=SECTION]…} (all but the first for WordPress
 * and Ghost; {@code --update} brings in the source's edits made since an earlier import).
 * Starts the application listening on no port, runs a dry run and prints its report; without {@code --dry-run},
 * and only when the dry run succeeded, imports and prints the result. Other arguments
 * ({@code --spring.datasource.url=…}) go to Spring as usual. Exit code 0 on success, 1 when the file was refused,
 * 2 for wrong arguments.
 */
public final class ImportCommand {

    static final String USAGE =
            "Usage: import wordpress|ghost|masthead FILE [--dry-run] [--update] [--uploads DIR] [--pages-section SLUG] [--section CATEGORY=SECTION]...";

    /**
     * What every command-line run of the application adds to its arguments: the same application as always (its
     * session store needs the web context) listening on no port, and not a node of the journal while it runs: no
     * scheduled publication and no background job is taken by it.
     */
    static final List<String> ONE_OFF_RUN =
            List.of("--server.port=-1", "--masthead.scheduler.enabled=false", "--masthead.jobs.enabled=false");

    private ImportCommand() {}

    /** What the command line asks for, its own arguments parsed; the rest go to Spring. */
    record Request(
            Format format,
            Path file,
            Path uploads,
            boolean dryRun,
            boolean update,
            String pagesSection,
            String sectionMap,
            List<String> springArgs) {}

    /** Whether these program arguments ask for an import. */
    public static boolean isImport(String[] args) {
        return args.length > 0 && "import".equals(args[0]);
    }

    /** Runs the command in an application of its own; answers the exit code. */
    public static int run(Class<?> application, String[] args, PrintStream out) {
        Request request = parse(args, out);
        if (request == null) {
            return 2;
        }
        List<String> springArgs = new ArrayList<>(request.springArgs());
        if (springArgs.stream().noneMatch(arg -> arg.startsWith("--masthead.demo-content"))) {
            springArgs.add("--masthead.demo-content=false");
        }
        springArgs.addAll(ONE_OFF_RUN);
        SpringApplication spring = new SpringApplication(application);
        try (ConfigurableApplicationContext context = spring.run(springArgs.toArray(String[]::new))) {
            return execute(context, request, out);
        }
    }

    /** Runs the command in an application already started (the arguments meant for Spring are ignored). */
    static int run(ApplicationContext context, String[] args, PrintStream out) {
        Request request = parse(args, out);
        return request == null ? 2 : execute(context, request, out);
    }

    /** The request, or null when the arguments are wrong (the usage is printed). */
    static Request parse(String[] args, PrintStream out) {
        Format format;
        Path file;
        Path uploads = null;
        boolean dryRun = false;
        boolean update = false;
        String pagesSection = null;
        StringBuilder sectionMap = new StringBuilder();
        List<String> springArgs = new ArrayList<>();
        try {
            if (args.length < 3 || args[2].startsWith("--")) {
                throw new IllegalArgumentException("missing format or file");
            }
            format = Format.parse(args[1]);
            file = Path.of(args[2]);
            for (int i = 3; i < args.length; i++) {
                switch (args[i]) {
                    case "--dry-run" -> dryRun = true;
                    case "--update" -> update = true;
                    case "--uploads" -> uploads = Path.of(args[++i]);
                    case "--pages-section" -> pagesSection = args[++i];
                    case "--section" -> sectionMap.append(args[++i]).append('\n');
                    default -> springArgs.add(args[i]);
                }
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
            out.println(USAGE);
            out.println(ex.getMessage());
            return null;
        }
        if (!Files.isRegularFile(file)) {
            out.println("No such file: " + file);
            return null;
        }
        if (uploads != null && !Files.isDirectory(uploads)) {
            out.println("No such folder: " + uploads);
            return null;
        }
        return new Request(format, file, uploads, dryRun, update, pagesSection, sectionMap.toString(), springArgs);
    }

    private static int execute(ApplicationContext context, Request request, PrintStream out) {
        ArchiveImport imports = context.getBean(ArchiveImport.class);
        BiFunction<String, Object[], String> messages =
                (key, arguments) -> context.getMessage(key, arguments, key, Locale.ENGLISH);
        SectionService sections = context.getBean(SectionService.class);
        Long pagesSectionId = null;
        if (request.pagesSection() != null) {
            pagesSectionId = sections.findBySlug(request.pagesSection())
                    .map(Section::getId)
                    .orElse(null);
            if (pagesSectionId == null) {
                out.println("No section with the slug " + request.pagesSection());
                return 2;
            }
        }
        Map<String, Long> mapping;
        try {
            mapping = SectionMapping.parse(
                    request.sectionMap(), slug -> sections.findBySlug(slug).map(Section::getId));
        } catch (ImportFileException ex) {
            out.println(messages.apply(ex.getMessageKey(), ex.getArguments()));
            return 2;
        }
        Path file = request.file();
        try {
            Options options = new Options(request.uploads(), pagesSectionId, mapping, request.update());
            long started = System.nanoTime();
            ImportReport dry = imports.dryRun(file, request.format(), options);
            out.println("Dry run of " + file + " (" + String.format("%.1f", seconds(started)) + " s):");
            out.print(dry.summary(messages));
            if (request.dryRun()) {
                return 0;
            }
            long start = System.nanoTime();
            ImportReport report = imports.run(file, request.format(), options, new ArchiveImport.Progress() {
                @Override
                public void item(int done, String current, int problems) {
                    if (done % 500 == 0) {
                        out.println("  " + done + " items, " + problems + " problems");
                    }
                }
            });
            double took = seconds(start);
            out.println("Imported " + file + " in " + String.format("%.1f", took) + " s ("
                    + String.format("%.0f", report.total() / Math.max(took, 0.001)) + " items/s):");
            out.print(report.summary(messages));
            return 0;
        } catch (ImportFileException ex) {
            out.println("Refused: " + messages.apply(ex.getMessageKey(), ex.getArguments()));
            return 1;
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
