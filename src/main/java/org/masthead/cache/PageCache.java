package org.masthead.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import org.masthead.event.PublicContentEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The reader's pages in memory, bounded by their bytes. A change to public content drops the pages tagged with
 * any of its surrogate keys ({@code Surrogate-Key}, the tags a shared cache is purged by), and every page that
 * carries none (feeds, sitemap, search, the API); a change no tag bounds (a section's name is in every page's
 * navigation) clears all of it. An unrelated article page stays. No page outlives the next scheduled publication,
 * nor {@code masthead.page-cache.time-to-live}.
 *
 * <p>A page rendered while a change was being committed is not stored: each clear starts a new generation, and a
 * page made in an older generation is dropped.
 */
@Component
public class PageCache {

    private static final Logger log = LoggerFactory.getLogger(PageCache.class);

    private final Cache<String, CachedPage> pages;
    private final ObjectProvider<NextPublication> publications;
    private final Duration timeToLive;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private Instant lastChange;
    /** Pages handed out in the second of the last change, after it. */
    private final Set<String> handedOut = new HashSet<>();
    /** Pages whose Last-Modified second saw a change after they were handed out in it. */
    private final Set<String> ambiguous = new HashSet<>();
    /** The next scheduled publication as last read; {@code null} = read it again. */
    private volatile Optional<Instant> nextPublication;

    PageCache(PageCacheProperties properties, ObjectProvider<NextPublication> publications, Clock clock) {
        this.publications = publications;
        this.timeToLive = properties.timeToLive();
        this.clock = clock;
        this.lastChange = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((String key, CachedPage page) -> key.length() * 2 + page.weight())
                .expireAfter(Expiry.writing((String key, CachedPage page) -> {
                    Duration left = Duration.between(clock.instant(), page.expiresAt());
                    return left.isNegative() ? Duration.ZERO : left;
                }))
                .recordStats()
                .build();
    }

    CachedPage get(String key) {
        CachedPage page = pages.getIfPresent(key);
        if (page != null && !clock.instant().isBefore(page.expiresAt())) {
            // the injected clock decides (Caffeine's own timer frees the memory, and does not know that clock)
            pages.invalidate(key);
            return null;
        }
        return page;
    }

    /** The generation to hand back to {@link #put} with a page rendered from now on. */
    long generation() {
        return generation.get();
    }

    /**
     * The {@code Last-Modified} of the page at {@code key} rendered now: when public content last changed, as far
     * as this node knows (at the latest, when it started).
     */
    synchronized LastChange lastChange(String key) {
        Instant second = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (!ambiguous.isEmpty() && second.isAfter(lastChange)) {
            // a second has passed since that change: pages made from now on can say so unambiguously
            lastChange = second;
            ambiguous.clear();
        }
        if (second.equals(lastChange)) {
            handedOut.add(key);
        }
        return new LastChange(lastChange, ambiguous.contains(key));
    }

    /**
     * When public content last changed, in whole seconds, as {@code Last-Modified} has them.
     *
     * @param ambiguous another change came within that second after this page had been handed out in it, so a
     *     reader's {@code If-Modified-Since} of that very second cannot tell which they hold (the ETag can)
     */
    record LastChange(Instant at, boolean ambiguous) {}

    /** Stores a page, unless public content changed since its rendering began. */
    void put(String key, CachedPage page, long renderedInGeneration) {
        if (generation.get() != renderedInGeneration) {
            return;
        }
        pages.put(key, page);
        if (generation.get() != renderedInGeneration) {
            pages.invalidate(key);
        }
    }

    /**
     * How long a page made now may live: until the next scheduled publication or the time to live. A scheduled
     * article already due is no cap: the scheduler's publication of it clears the cache anyway.
     */
    Instant expiry() {
        Instant now = clock.instant();
        Optional<Instant> next = nextPublication;
        if (next == null) {
            next = readNextPublication();
        }
        Instant cap = now.plus(timeToLive);
        return next.filter(at -> at.isAfter(now) && at.isBefore(cap)).orElse(cap);
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        readNextPublication();
    }

    private Optional<Instant> readNextPublication() {
        NextPublication source = publications.getIfAvailable();
        try {
            Optional<Instant> next = source == null ? Optional.empty() : source.next();
            nextPublication = next;
            return next;
        } catch (RuntimeException ex) {
            // pages then live their time to live; the scheduler's publication still clears them
            log.warn("Could not read the next scheduled publication: {}", ex.toString());
            nextPublication = null;
            return Optional.empty();
        }
    }

    /** After a change to public content is committed here: the pages it touches go (see the class comment). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(PublicContentEvent change) {
        if (change.touchesEveryPage()) {
            clear(change.toString());
        } else {
            invalidate(change.surrogateKeys(), change.toString());
        }
    }

    /**
     * Forgets the pages tagged with any of {@code keys}, and those with no tags (a change here or on another
     * node).
     */
    public void invalidate(Set<String> keys, String why) {
        generation.incrementAndGet();
        advanceLastChange();
        pages.asMap().values().removeIf(page -> page.touchedBy(keys));
        readNextPublication(); // a schedule may have changed; read here, not on a reader's request
        log.debug("Page cache: pages tagged {} dropped: {}", keys, why);
    }

    /** Forgets every page (a change here or on another node, or a lost connection to the other nodes). */
    public void clear(String why) {
        generation.incrementAndGet();
        advanceLastChange();
        pages.invalidateAll();
        readNextPublication(); // a schedule may have changed; read here, not on a reader's request
        log.debug("Page cache cleared: {}", why);
    }

    /**
     * {@code Last-Modified} has whole seconds, and may not be later than the response's {@code Date}. A change in
     * the same second as the last one makes that second ambiguous for the pages handed out in it since, until
     * the next second.
     */
    private synchronized void advanceLastChange() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (!now.equals(lastChange)) {
            lastChange = now; // (a clock set back, as tests do, is believed)
            ambiguous.clear();
        } else {
            ambiguous.addAll(handedOut);
        }
        handedOut.clear();
    }

    public boolean contains(String key) {
        CachedPage page = pages.asMap().get(key);
        return page != null && clock.instant().isBefore(page.expiresAt());
    }

    public Set<String> keys() {
        return Set.copyOf(pages.asMap().keySet());
    }

    /** Runs pending evictions now (tests of the byte bound). */
    void cleanUp() {
        pages.cleanUp();
    }

    public CacheStats stats() {
        return pages.stats();
    }
}
