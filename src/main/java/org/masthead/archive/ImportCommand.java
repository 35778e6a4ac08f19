package org.masthead.archive;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.masthead.archive.ArchiveImport.Format;
import org.masthead.archive.ArchiveImport.Options;
import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line's import: {@code java -jar masthead.jar import wordpress FILE [--uploads DIR] [--dry-run]
 * [--pages-section SLUG] [--section CATEGORY=SECTION]…} (or {@code ghost FILE}). Starts the application listening on no port, runs a dry run
 * and prints its report; without {@code --dry-run}, and only when the dry run succeeded, imports and prints the
 * result. Other arguments ({@code --spring.datasource.url=…}) go to Spring as usual. Exit code 0 on success, 1 when
 * the file was refused, 2 for wrong arguments.
 */
public final class ImportCommand {

    private ImportCommand() {}

    /** Whether these program arguments ask for an import. */
    /**
     * What every command-line run of the application adds to its arguments: the same application as always (its
     * session store needs the web context) listening on no port, and not a node of the journal while it runs: no
     * scheduled publication and no background job is taken by it.
     */
    static final List<String> ONE_OFF_RUN =
            List.of("--server.port=-1", "--masthead.scheduler.enabled=false", "--masthead.jobs.enabled=false");

    public static boolean isImport(String[] args) {
        return args.length > 0 && "import".equals(args[0]);
    }

    public static int run(Class<?> application, String[] args, PrintStream out) {
        Format format;
        Path file;
        Path uploads = null;
        boolean dryRun = false;
        String pagesSection = null;
        StringBuilder sectionMap = new StringBuilder();
        List<String> springArgs = new ArrayList<>();
        try {
            if (args.length < 3) {
                throw new IllegalArgumentException("missing format or file");
            }
            format = Format.parse(args[1]);
            file = Path.of(args[2]);
            for (int i = 3; i < args.length; i++) {
                switch (args[i]) {
                    case "--dry-run" -> dryRun = true;
                    case "--uploads" -> uploads = Path.of(args[++i]);
                    case "--pages-section" -> pagesSection = args[++i];
                    case "--section" -> sectionMap.append(args[++i]).append('\n');
                    default -> springArgs.add(args[i]);
                }
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
            out.println(
                    "Usage: import wordpress|ghost FILE [--uploads DIR] [--dry-run] [--pages-section SLUG] [--section CATEGORY=SECTION]...");
            out.println(ex.getMessage());
            return 2;
        }
        if (!Files.isRegularFile(file)) {
            out.println("No such file: " + file);
            return 2;
        }
        if (uploads != null && !Files.isDirectory(uploads)) {
            out.println("No such folder: " + uploads);
            return 2;
        }
        if (springArgs.stream().noneMatch(arg -> arg.startsWith("--masthead.demo-content"))) {
            springArgs.add("--masthead.demo-content=false");
        }
        springArgs.addAll(ONE_OFF_RUN);
        SpringApplication spring = new SpringApplication(application);
        try (ConfigurableApplicationContext context = spring.run(springArgs.toArray(String[]::new))) {
            ArchiveImport imports = context.getBean(ArchiveImport.class);
            java.util.function.BiFunction<String, Object[], String> messages =
                    (key, arguments) -> context.getMessage(key, arguments, key, java.util.Locale.ENGLISH);
            Long pagesSectionId = null;
            if (pagesSection != null) {
                String slug = pagesSection;
                pagesSectionId = context.getBean(SectionService.class)
                        .findBySlug(slug)
                        .map(Section::getId)
                        .orElse(null);
                if (pagesSectionId == null) {
                    out.println("No section with the slug " + slug);
                    return 2;
                }
            }
            Map<String, Long> mapping;
            try {
                SectionService sections = context.getBean(SectionService.class);
                mapping = SectionMapping.parse(
                        sectionMap.toString(), slug -> sections.findBySlug(slug).map(Section::getId));
            } catch (ImportFileException ex) {
                out.println(messages.apply(ex.getMessageKey(), ex.getArguments()));
                return 2;
            }
            Options options = new Options(uploads, pagesSectionId, mapping);
            try {
                long started = System.nanoTime();
                ImportReport dry = imports.dryRun(file, format, options);
                out.println("Dry run of " + file + " (" + seconds(started) + " s):");
                out.print(dry.summary(messages));
                if (dryRun) {
                    return 0;
                }
                long start = System.nanoTime();
                ImportReport report = imports.run(file, format, options, new ArchiveImport.Progress() {
                    @Override
                    public void item(int done, String current, int problems) {
                        if (done % 500 == 0) {
                            out.println("  " + done + " items, " + problems + " problems");
                        }
                    }
                });
                double took = (System.nanoTime() - start) / 1e9;
                out.println("Imported " + file + " in " + String.format("%.1f", took) + " s ("
                        + String.format("%.0f", report.total() / Math.max(took, 0.001)) + " items/s):");
                out.print(report.summary(messages));
                return 0;
            } catch (ImportFileException ex) {
                out.println("Refused: " + messages.apply(ex.getMessageKey(), ex.getArguments()));
                return 1;
            }
        }
    }

    private static String seconds(long startedNanos) {
        return String.format("%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }
}
