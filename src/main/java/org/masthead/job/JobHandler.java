package org.masthead.job;

/**
 * Runs the jobs of one type. Implementations are beans; a node claims only the types it has a handler for.
 * A job may be run again after a crash (its lease ran out), so a handler must be safe to repeat: the newsletter's
 * sender, for instance, keeps its own at-most-once record per email.
 */
public interface JobHandler {

    /** The {@code jobs.type} this handler runs, such as {@code edition.deliver}. */
    String type();

    /**
     * Runs the job. Answer {@link JobOutcome#done()}, or {@link JobOutcome#again(java.time.Instant)} to run it again
     * later (a long task in slices). An exception is retried with back-off until the job's attempts run out.
     */
    JobOutcome run(Job job) throws Exception;
}
