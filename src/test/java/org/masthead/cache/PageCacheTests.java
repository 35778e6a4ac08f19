package org.masthead.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.masthead.MutableClock;
import org.masthead.web.ETags;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** The page cache's own rules, on a frozen clock. */
class PageCacheTests {

    static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");
    static final PageCache.LastChange LAST = new PageCache.LastChange(NOON, false);

    final MutableClock clock = new MutableClock(NOON.plusMillis(200));
    final AtomicReference<Optional<Instant>> next = new AtomicReference<>(Optional.empty());
    final PageCache cache = cache(DataSize.ofMegabytes(1));

    PageCache cache(DataSize size) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("next", (NextPublication) next::get);
        return new PageCache(
                new PageCacheProperties(
                        true, size, Duration.ofMinutes(10), false, DataSize.ofMegabytes(8), DataSize.ofKilobytes(256)),
                beans.getBeanProvider(NextPublication.class),
                clock);
    }

    CachedPage page(int bytes) {
        return CachedPage.of(
                "text/html", List.of(), new byte[bytes], true, cache.lastChange("/"), cache.expiry(), null);
    }

    @Test
    void aSecondWithTwoChangesCannotAnswerIfModifiedSinceForPagesHandedOutInBetween() {
        cache.clear("a change at noon");
        assertThat(cache.lastChange("/a")).isEqualTo(new PageCache.LastChange(NOON, false));
        cache.clear("another change within the same second");
        assertThat(cache.lastChange("/a")).isEqualTo(new PageCache.LastChange(NOON, true));
        assertThat(cache.lastChange("/b"))
                .as("not handed out in between")
                .isEqualTo(new PageCache.LastChange(NOON, false));

        clock.set(NOON.plusSeconds(1).plusMillis(5));
        assertThat(cache.lastChange("/a")).isEqualTo(new PageCache.LastChange(NOON.plusSeconds(1), false));

        clock.set(NOON.plusSeconds(7));
        cache.clear("later");
        assertThat(cache.lastChange("/a")).isEqualTo(new PageCache.LastChange(NOON.plusSeconds(7), false));
        clock.set(NOON.plusSeconds(9));
        cache.clear("a change with no page handed out in its second");
        clock.set(NOON.plusSeconds(9).plusMillis(10));
        cache.clear("and another");
        assertThat(cache.lastChange("/a")).isEqualTo(new PageCache.LastChange(NOON.plusSeconds(9), false));
    }

    @Test
    void noPageOutlivesTheNextScheduledPublication() {
        next.set(Optional.of(NOON.plusSeconds(30)));
        cache.clear("scheduled");
        assertThat(cache.expiry()).isEqualTo(NOON.plusSeconds(30));
        cache.put("/", page(100), cache.generation());
        assertThat(cache.get("/")).isNotNull();

        clock.set(NOON.plusSeconds(30));
        assertThat(cache.get("/")).isNull();
        // a scheduled article already due (the scheduler has not run yet) caps nothing; its publication clears
        assertThat(cache.expiry()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));

        next.set(Optional.empty());
        cache.clear("nothing scheduled");
        assertThat(cache.expiry()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void aPageRenderedWhileAChangeCommittedIsNotKept() {
        long generation = cache.generation();
        CachedPage rendered = page(100);
        cache.clear("committed meanwhile");
        cache.put("/", rendered, generation);
        assertThat(cache.get("/")).isNull();

        cache.put("/", rendered, cache.generation());
        assertThat(cache.get("/")).isNotNull();
    }

    @Test
    void theCacheIsBoundedByBytes() {
        PageCache small = cache(DataSize.ofKilobytes(64));
        for (int i = 0; i < 100; i++) {
            small.put(
                    "/articles/a" + i,
                    CachedPage.of("text/html", List.of(), randomBytes(4096), true, LAST, NOON.plusSeconds(60), null),
                    small.generation());
        }
        small.cleanUp();
        long kept = small.keys().stream().count();
        assertThat(kept).isBetween(1L, 16L);
    }

    @Test
    void gzipIsKeptOnlyWhereItIsSmaller() {
        CachedPage tiny = CachedPage.of("text/plain", List.of(), "ok".getBytes(), true, LAST, NOON, null);
        assertThat(tiny.gzip()).isNull();
        CachedPage large =
                CachedPage.of("text/plain", List.of(), "word ".repeat(1000).getBytes(), true, LAST, NOON, null);
        assertThat(large.gzip()).isNotNull();
        assertThat(large.gzipEtag()).isNotEqualTo(large.etag()).endsWith("-gzip\"");
    }

    @Test
    void theApplicationsStrongEtagIsKeptAndAWeakOneIsReplacedByTheBodysHash() {
        byte[] body = "{\"id\":1}".getBytes();
        String api = ETags.strong(body);
        assertThat(CachedPage.of("application/json", List.of(), body, false, LAST, NOON, api)
                        .etag())
                .isEqualTo(api);
        assertThat(CachedPage.of("application/json", List.of(), body, false, LAST, NOON, "W/\"feed\"")
                        .etag())
                .isEqualTo(ETags.strong(body));
        assertThat(CachedPage.of("application/json", List.of(), body, false, LAST, NOON, null)
                        .etag())
                .isEqualTo(ETags.strong(body));
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size * 31L + System.nanoTime()).nextBytes(bytes);
        return bytes;
    }
}
