package org.masthead.cache;

import java.time.Instant;
import java.util.Optional;

/**
 * When the next scheduled article is due, if any: no cached page outlives that moment. Implemented by the article
 * feature (the cache does not know about articles).
 */
public interface NextPublication {

    Optional<Instant> next();
}
