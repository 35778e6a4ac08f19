package org.masthead.cache;

import java.time.Instant;
import java.util.Optional;

/**
 * When public content next changes by itself (a scheduled article due, a published one expiring), if any: no
 * cached page outlives that moment. Implemented by the article
 * feature (the cache does not know about articles).
 */
public interface NextPublication {

    Optional<Instant> next();
}
