package org.masthead.archive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.masthead.archive.ImportRuns.ImportRun;
import org.masthead.archive.source.ImportFileException;
import org.masthead.job.Job;
import org.masthead.job.JobHandler;
import org.masthead.job.JobOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Runs an admin's import in the background. Safe to run again (after a crash, the job's lease runs out and another
 * node takes it): items imported before are found by their source id and left as they are, so it completes. A
 * failure (the file gone, a refused file, the database) stops it with the reason, shown on the admin page. A large
 * archive is imported in slices of {@link #SLICE}, each a run of the job, so no run outlives the job's lease.
 */
@Component
class ImportJob implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(ImportJob.class);

    private final ImportRuns runs;
    private final ArchiveImport imports;
    /** How long one run of the job imports before it hands over to the next (well within the job's lease). */
    static final Duration SLICE = Duration.ofMinutes(2);

    private final MessageSource messages;
    private final Clock clock;

    ImportJob(ImportRuns runs, ArchiveImport imports, MessageSource messages, Clock clock) {
        this.runs = runs;
        this.imports = imports;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String type() {
        return ImportRuns.JOB_TYPE;
    }

    @Override
    public JobOutcome run(Job job) {
        long id = Long.parseLong(job.payload());
        ImportRun run = runs.find(id).orElse(null);
        if (run == null) {
            return JobOutcome.done();
        }
        Instant sliceEnds = clock.instant().plus(SLICE);
        try {
            runs.running(id, run.total());
            ImportReport report = imports.run(run.file(), run.format(), run.options(), new ArchiveImport.Progress() {
                @Override
                public void total(int items) {
                    runs.running(id, items);
                }

                @Override
                public void item(int done, String current, int problems) {
                    runs.progress(id, done, current, problems);
                }

                @Override
                public boolean pause() {
                    return clock.instant().isAfter(sliceEnds);
                }
            });
            if (report.isPaused()) {
                // the job's lease must not run out under it: the next slice goes on (items done are skipped)
                return JobOutcome.again(clock.instant());
            }
            runs.finished(id, report);
        } catch (ImportFileException ex) {
            runs.failed(
                    id,
                    messages.getMessage(
                            ex.getMessageKey(), ex.getArguments(), ex.getMessageKey(), java.util.Locale.ENGLISH));
        } catch (RuntimeException ex) {
            log.error("Import run {} failed", id, ex);
            runs.failed(id, ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
        return JobOutcome.done();
    }
}
