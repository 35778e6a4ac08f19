package org.masthead.article;

import java.util.List;

import org.masthead.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled articles when their time comes: every 10 seconds ({@code masthead.scheduler.delay}), on
 * every app node; the database lock in {@link ArticleService#publishDue()} makes each publication happen once.
 * Its audit lines name the actor "scheduler" ({@link Actor#scheduler()}). Timed runs are on unless {@code masthead.scheduler.enabled=false}.
 */
@Component
public class ArticleScheduler {

    private static final Logger log = LoggerFactory.getLogger(ArticleScheduler.class);

    private final ArticleService articles;

    ArticleScheduler(ArticleService articles) {
        this.articles = articles;
    }

    @Scheduled(
            fixedDelayString = "${masthead.scheduler.delay:10s}",
            initialDelayString = "${masthead.scheduler.delay:10s}")
    void run() {
        try {
            publishDueArticles();
        } catch (RuntimeException ex) {
            // A conflicting edit (or a database hiccup) rolls the batch back; the next run tries again.
            log.warn("Scheduled publishing failed, will retry: {}", ex.toString());
        }
    }

    /** Publishes what is due now, as the scheduler; answers the ids published by this call. */
    public List<Long> publishDueArticles() {
        List<Long> published = articles.publishDue(Actor.scheduler());
        if (!published.isEmpty()) {
            log.info("Published scheduled articles {}", published);
        }
        return published;
    }
}
