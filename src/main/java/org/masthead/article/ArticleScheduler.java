package org.masthead.article;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled articles when their time comes: every 10 seconds ({@code masthead.scheduler.delay}), on
 * every app node; the database lock in {@link ArticleService#publishDue()} makes each publication happen once.
 * Its audit lines name the actor "scheduler". Timed runs are on unless {@code masthead.scheduler.enabled=false}.
 */
@Component
public class ArticleScheduler {

    static final String ACTOR = "scheduler";

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

    /** Publishes what is due now, as the actor "scheduler"; answers the ids published by this call. */
    public List<Long> publishDueArticles() {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ACTOR, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            List<Long> published = articles.publishDue();
            if (!published.isEmpty()) {
                log.info("Published scheduled articles {}", published);
            }
            return published;
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
