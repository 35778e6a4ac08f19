package org.masthead.api;

import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * A token bucket per client address, in a bounded in-memory map on this node: no database write per request. A client
 * may make {@code burst} requests at once, then {@code requestsPerMinute}. Idle buckets are forgotten once they would
 * be full again, and the least recently seen first when the map is full (which only ever forgives a client).
 */
final class ClientRateLimit {

    /** Whether a request may go ahead, and if not, in how many seconds (at least 1) it could. */
    record Decision(boolean allowed, long retryAfterSeconds) {}

    private final double capacity;
    private final double tokensPerNano;
    private final Ticker ticker;
    private final Cache<String, Bucket> buckets;

    ClientRateLimit(ApiProperties properties, Ticker ticker) {
        this.capacity = properties.burst();
        this.tokensPerNano = properties.requestsPerMinute() / (double) TimeUnit.MINUTES.toNanos(1);
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(properties.maxClients())
                .expireAfterAccess(properties.refillTime())
                .ticker(ticker)
                .build();
    }

    static ClientRateLimit of(ApiProperties properties) {
        return new ClientRateLimit(properties, Ticker.systemTicker());
    }

    Decision take(String client) {
        long now = ticker.read();
        Bucket bucket = buckets.get(client, key -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) * tokensPerNano);
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            double nanosToOne = (1 - bucket.tokens) / tokensPerNano;
            return new Decision(false, Math.max(1, (long) Math.ceil(nanosToOne / TimeUnit.SECONDS.toNanos(1))));
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }
}
