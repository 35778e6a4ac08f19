package org.masthead.edition;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.masthead.job.Job;
import org.masthead.job.JobHandler;
import org.masthead.job.JobOutcome;
import org.masthead.job.Jobs;
import org.masthead.newsletter.NewsletterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code edition.prune} job, every six hours on one node: deletes the outbox rows of sends that ended more
 * than {@code masthead.newsletter.prune-after} ago that were delivered, skipped or cancelled, adding their counts
 * to the edition first (in the same statement, so two nodes pruning at once count each row once); failed and
 * unknown rows stay with their reasons, and so does the suppression list (on the subscribers). Reader tokens used
 * or expired that long ago go too.
 */
@Component
class EditionPruner implements JobHandler {

    static final String TYPE = "edition.prune";

    private static final Logger log = LoggerFactory.getLogger(EditionPruner.class);
    private static final Duration EVERY = Duration.ofHours(6);

    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final NewsletterService newsletter;
    private final EditionProperties properties;
    private final Clock clock;

    EditionPruner(JdbcClient jdbc, Jobs jobs, NewsletterService newsletter, EditionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.newsletter = newsletter;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Makes sure the pruning job is queued (once: a node that finds it waiting or running adds none). */
    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        try {
            if (jobs.pending(TYPE, "") == 0) {
                jobs.enqueue(TYPE, "", clock.instant().plus(Duration.ofMinutes(5)));
            }
        } catch (RuntimeException ex) {
            log.warn("Could not queue the newsletter pruning job: {}", ex.toString());
        }
    }

    @Override
    public JobOutcome run(Job job) {
        prune();
        return JobOutcome.again(clock.instant().plus(EVERY));
    }

    /** Prunes what is old enough now; answers how many outbox rows went. */
    int prune() {
        Instant before = clock.instant().minus(properties.pruneAfter());
        List<Long> editions = jdbc.sql("""
                        select e.id from editions e
                        where e.state in ('SENT', 'CANCELLED') and e.finished_at < :before
                          and exists (select 1 from edition_deliveries d where d.edition_id = e.id
                                      and d.state in ('SENT', 'SKIPPED', 'CANCELLED'))""")
                .param("before", Timestamp.from(before))
                .query(Long.class)
                .list();
        int rows = 0;
        for (long edition : editions) {
            rows += jdbc.sql("""
                            with gone as (
                                delete from edition_deliveries
                                where edition_id = :id and state in ('SENT', 'SKIPPED', 'CANCELLED')
                                returning state)
                            update editions set
                                pruned_sent = pruned_sent + (select count(*) from gone where state = 'SENT'),
                                pruned_skipped = pruned_skipped + (select count(*) from gone where state = 'SKIPPED'),
                                pruned_cancelled = pruned_cancelled
                                    + (select count(*) from gone where state = 'CANCELLED'),
                                pruned_at = :now
                            where id = :id
                            returning (select count(*) from gone)""")
                    .param("id", edition)
                    .param("now", Timestamp.from(clock.instant()))
                    .query(Integer.class)
                    .single();
        }
        int tokens = newsletter.pruneTokens(before);
        if (rows > 0 || tokens > 0) {
            log.info("Pruned {} outbox rows of {} editions and {} reader tokens", rows, editions.size(), tokens);
        }
        return rows;
    }
}
