package org.masthead.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.masthead.audit.AuditLog;
import org.masthead.event.ArticleUnpublished;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes scheduled articles when their time comes, and unpublishes published ones when their expiry comes: every
 * 10 seconds ({@code masthead.scheduler.delay}), on
 * every app node; the database locks in {@link #publishDue} and {@link #expireDue} make each publication and each expiry
 * happen once. Its audit lines
 * name the actor "scheduler" ({@link Actor#scheduler()}). Timed runs are on unless
 * {@code masthead.scheduler.enabled=false}.
 */
@Component
public class ArticleScheduler {

    /** How many due articles one run publishes at most; the next run takes the rest. */
    static final int BATCH = 50;

    private static final Logger log = LoggerFactory.getLogger(ArticleScheduler.class);

    private final ArticleRepository articles;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ContributorNotices notices;

    ArticleScheduler(
            ArticleRepository articles,
            AuditLog audit,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            Clock clock,
            ContributorNotices notices) {
        this.articles = articles;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.notices = notices;
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
        try {
            expireDueArticles();
        } catch (RuntimeException ex) {
            log.warn("Unpublishing expired articles failed, will retry: {}", ex.toString());
        }
    }

    /** Publishes what is due now, as the scheduler; answers the ids published by this call. */
    public List<Long> publishDueArticles() {
        List<Long> published = publishDue(Actor.scheduler());
        if (!published.isEmpty()) {
            log.info("Published scheduled articles {}", published);
        }
        return published;
    }

    /** Unpublishes what has expired by now, as the scheduler; answers the ids unpublished by this call. */
    public List<Long> expireDueArticles() {
        List<Long> expired = expireDue(Actor.scheduler());
        if (!expired.isEmpty()) {
            log.info("Unpublished expired articles {}", expired);
        }
        return expired;
    }

    /**
     * Unpublishes (back to draft) the published articles whose expiry has come, as {@code by}, in one transaction,
     * with the same {@code for update skip locked} claim as {@link #publishDue}: each expiry is carried out, audited
     * ({@code article.expire}) and announced ({@link ArticleUnpublished}) by exactly one node.
     */
    public List<Long> expireDue(Actor by) {
        NotAllowedException.require(ArticlePermissions.canManage(by), by, "unpublish expired articles");
        return transaction.execute(status -> {
            List<Long> due = articles.lockDueExpiries(clock.instant(), BATCH);
            for (Long id : due) {
                Article article = articles.findById(id).orElseThrow(() -> new ArticleNotFoundException("#" + id));
                Instant expiredAt = article.getExpiresAt();
                article.expire();
                audit.record(by, "article.expire", ArticleService.subject(article), "expired at " + expiredAt);
                events.publishEvent(new ArticleUnpublished(article.getId()));
            }
            return due;
        });
    }

    /**
     * Publishes the scheduled articles whose time has come, as {@code by}, in one transaction. The due rows are
     * locked with {@code for update skip locked}, so when several app nodes run this at once each article is
     * published, and audited, by exactly one of them.
     */
    public List<Long> publishDue(Actor by) {
        NotAllowedException.require(ArticlePermissions.canManage(by), by, "publish scheduled articles");
        return transaction.execute(status -> {
            List<Long> due = articles.lockDueScheduled(clock.instant(), BATCH);
            for (Long id : due) {
                Article article = articles.findById(id).orElseThrow(() -> new ArticleNotFoundException("#" + id));
                article.publishScheduled();
                audit.record(by, "article.publish", ArticleService.subject(article), "scheduled");
                events.publishEvent(ArticleEvents.published(article));
                notices.published(article, by);
            }
            return due;
        });
    }
}
