package org.masthead.archive;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar masthead.jar import masthead FILE [--dry-run]}: imports a Masthead export (the zip of
 * {@code /admin/export}) from the command line, with no HTTP port, scheduler or background jobs, into the
 * database the application is configured for. Prints the report; exits 0 when the import ran, 1 when the file was
 * refused, 2 on a usage error. Other formats ({@code import wordpress}, …) are left to their own command.
 */
@Component
@ConditionalOnProperty(name = "masthead.command", havingValue = "import")
public class JournalImportCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String FORMAT = "masthead";

    private final JournalImport journalImport;
    private final MessageSource messages;
    private PrintStream out = System.out;
    private int exitCode;

    JournalImportCommand(JournalImport journalImport, MessageSource messages) {
        this.journalImport = journalImport;
        this.messages = messages;
    }

    /** Whether the command line asks for an import of a Masthead export ({@code import masthead …}). */
    public static boolean isImport(String[] args) {
        return args.length > 1 && "import".equals(args[0]) && FORMAT.equals(args[1]);
    }

    /**
     * Runs the import command in the application with no HTTP port open, as {@link ImportCommand#ONE_OFF_RUN} says;
     * answers the exit code.
     */
    public static int run(Class<?> application, String[] args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(ImportCommand.ONE_OFF_RUN);
        all.add("--masthead.command=import");
        all.add("--masthead.demo-content=false");
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(application).run(all.toArray(String[]::new));
        return SpringApplication.exit(context);
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        if (words.size() < 2 || !FORMAT.equals(words.get(1))) {
            return; // another format's command (or none) handles it
        }
        if (words.size() != 3) {
            out.println(text("archive.import.cli.usage"));
            exitCode = 2;
            return;
        }
        Path file = Path.of(words.get(2));
        if (!Files.isRegularFile(file)) {
            out.println(text("archive.import.cli.no-file", file));
            exitCode = 2;
            return;
        }
        boolean dryRun = args.containsOption("dry-run");
        try {
            JournalImport.Report report = journalImport.run(file, dryRun, JournalImport.COMMAND_LINE);
            for (String line : JournalImportReport.lines(report, messages, Locale.ENGLISH)) {
                out.println(line);
            }
        } catch (JournalImportException ex) {
            out.println(text(ex.getMessageKey(), ex.getArguments()));
            exitCode = 1;
        }
    }

    void printTo(PrintStream stream) {
        this.out = stream;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.ENGLISH);
    }
}
