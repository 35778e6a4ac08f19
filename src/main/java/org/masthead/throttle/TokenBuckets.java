package org.masthead.throttle;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The rate limiter for what may come too often to count in the database (readership beacons): a token bucket per
 * key in a bounded in-memory map on this node, so no database write per request. A key may take {@code burst} at
 * once, then {@code perMinute}. Idle buckets are forgotten once they would be full again, and the least recently
 * seen first when the map is full (which only ever forgives a key). For what must count across nodes (sign-in
 * failures, sign-ups), {@link Throttle}.
 */
public final class TokenBuckets {

    private final double capacity;
    private final double tokensPerNano;
    private final Ticker ticker;
    private final Cache<String, Bucket> buckets;

    public TokenBuckets(int perMinute, int burst, int maxKeys, Ticker ticker) {
        if (perMinute < 1 || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("Not a rate: " + perMinute + "/min, burst " + burst);
        }
        this.capacity = burst;
        this.tokensPerNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(Duration.ofMillis((long) Math.ceil(burst * 60_000.0 / perMinute)))
                .ticker(ticker)
                .build();
    }

    public TokenBuckets(int perMinute, int burst, int maxKeys) {
        this(perMinute, burst, maxKeys, Ticker.systemTicker());
    }

    /** Whether {@code key} may go ahead now; if so, one token is taken. */
    public boolean tryTake(String key) {
        long now = ticker.read();
        Bucket bucket = buckets.get(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) * tokensPerNano);
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return true;
            }
            return false;
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
