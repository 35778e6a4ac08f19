package org.masthead.article;

import java.time.Instant;
import java.util.Optional;

import org.masthead.cache.NextPublication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Tells the page cache when the next scheduled article is due, so that no cached page outlives that moment. */
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
        return Optional.ofNullable(articles.earliestScheduledAt());
    }
}
