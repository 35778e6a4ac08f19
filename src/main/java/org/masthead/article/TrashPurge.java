package org.masthead.article;

import java.time.Clock;
import java.time.Duration;

import org.masthead.job.Job;
import org.masthead.job.JobHandler;
import org.masthead.job.JobOutcome;
import org.masthead.job.Jobs;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trash's purge: a recurring background job ({@link Jobs}) that removes for good what has been in the trash
 * longer than {@link ArticleService#TRASH_KEEPS}, then answers its next run an hour later. The first node to start
 * queues it once (an advisory lock keeps two starting nodes from queueing two); the job queue runs it on one node
 * at a time, and again on another if that node dies.
 */
@Component
public class TrashPurge implements JobHandler {

    public static final String TYPE = "article.trash-purge";
    static final Duration EVERY = Duration.ofHours(1);

    private final ArticleService articles;
    private final Jobs jobs;
    private final JdbcClient jdbc;
    private final Clock clock;

    TrashPurge(ArticleService articles, Jobs jobs, JdbcClient jdbc, Clock clock) {
        this.articles = articles;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JobOutcome run(Job job) {
        articles.purgeTrash();
        return JobOutcome.again(clock.instant().plus(EVERY));
    }

    /** Queues the recurring purge unless a node already has. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void queueOnce() {
        jdbc.sql("select count(*) from (select pg_advisory_xact_lock(44, 1)) l")
                .query(Long.class)
                .single();
        if (jobs.pending(TYPE, "") == 0) {
            jobs.enqueue(TYPE, "", clock.instant());
        }
    }
}
