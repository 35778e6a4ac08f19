package org.masthead.article;

import java.time.Instant;
import java.util.Optional;

import org.masthead.cache.NextPublication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the page cache (and the publication timer) when public content next changes by itself: a scheduled article
 * falling due or a published one expiring, so that no cached page outlives that moment.
 */
@Component
class ScheduledPublications implements NextPublication {

    private final ArticleRepository articles;

    ScheduledPublications(ArticleRepository articles) {
        this.articles = articles;
    }

    @Override
    // asked right after other transactions commit (the cache clears then): a transaction of its own
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Optional<Instant> next() {
        Instant scheduled = articles.earliestScheduledAt();
        Instant expiry = articles.earliestExpiry();
        if (scheduled == null || (expiry != null && expiry.isBefore(scheduled))) {
            return Optional.ofNullable(expiry);
        }
        return Optional.of(scheduled);
    }
}
