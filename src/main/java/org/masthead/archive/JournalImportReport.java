package org.masthead.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/** An import's report as lines of text, for the command line (the admin page shows the same keys). */
public final class JournalImportReport {

    private JournalImportReport() {}

    public static List<String> lines(JournalImport.Report report, MessageSource messages, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(messages.getMessage(
                report.dryRun() ? "archive.import.report.dry-run" : "archive.import.report.done",
                new Object[] {
                    report.sections(),
                    report.topics(),
                    report.authors(),
                    report.media(),
                    report.articles(),
                    report.redirects(),
                    report.alreadyThere()
                },
                locale));
        for (JournalImport.Problem problem : report.problems()) {
            lines.add(problem.file() + ": "
                    + messages.getMessage(
                            problem.messageKey(), problem.arguments().toArray(), locale));
        }
        if (report.moreProblems() > 0) {
            lines.add(messages.getMessage(
                    "archive.import.report.more-problems", new Object[] {report.moreProblems()}, locale));
        }
        return lines;
    }
}
