package org.masthead.cache;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.masthead.MutableClock;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page with surrogate keys may be kept by a shared cache for {@code s-maxage} only when a purger is configured;
 * browsers keep {@code max-age} whatever. The in-app cache drops pages by the same keys.
 */
class EdgeCacheControlTests {

    static final String PUBLIC = "public, max-age=60, stale-while-revalidate=60, stale-if-error=86400";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));

    PageCache cache() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("next", (NextPublication) Optional::empty);
        return new PageCache(
                new PageCacheProperties(
                        true,
                        DataSize.ofMegabytes(16),
                        Duration.ofMinutes(10),
                        false,
                        DataSize.ofMegabytes(1),
                        DataSize.ofKilobytes(256)),
                beans.getBeanProvider(NextPublication.class),
                clock);
    }

    PublicPageFilter filter(PageCache cache, CachePurgeProperties purge) {
        return new PublicPageFilter(
                cache,
                new PageCacheProperties(
                        true,
                        DataSize.ofMegabytes(16),
                        Duration.ofMinutes(10),
                        false,
                        DataSize.ofMegabytes(1),
                        DataSize.ofKilobytes(256)),
                new HttpCachingProperties(PUBLIC, "immutable"),
                purge,
                "SESSION",
                clock);
    }

    /** A page that carries {@code keys} (none: no {@code Surrogate-Key} header). */
    record Page(String keys) implements FilterChain {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response) throws IOException {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setContentType("text/html;charset=UTF-8");
            if (keys != null) {
                http.setHeader("Surrogate-Key", keys);
                http.setHeader("Cache-Tag", keys.replace(' ', ','));
            }
            http.getOutputStream().write(("<p>" + keys + "</p>").getBytes(StandardCharsets.UTF_8));
        }
    }

    MockHttpServletResponse get(PublicPageFilter filter, String path, Page page) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, page);
        return response;
    }

    @Test
    void aTaggedPageGetsSharedCacheLifetimeOnlyWhenAPurgerIsConfigured() throws Exception {
        PageCache cache = cache();
        PublicPageFilter purged = filter(cache, PurgeSettings.varnish(URI.create("http://127.0.0.1:6081/")));

        MockHttpServletResponse article = get(purged, "/articles/tagged", new Page("article-1 section-2"));
        assertThat(article.getHeader("Cache-Control")).isEqualTo(PUBLIC + ", s-maxage=86400");
        assertThat(get(purged, "/articles/tagged", new Page("never rendered")).getHeader("Cache-Control"))
                .as("the same page from memory")
                .isEqualTo(PUBLIC + ", s-maxage=86400");
        assertThat(get(purged, "/feed.xml", new Page(null)).getHeader("Cache-Control"))
                .as("no keys: no purge reaches it, so no longer than browsers")
                .isEqualTo(PUBLIC);

        PublicPageFilter alone = filter(cache(), PurgeSettings.none());
        assertThat(get(alone, "/articles/tagged", new Page("article-1")).getHeader("Cache-Control"))
                .isEqualTo(PUBLIC);
    }

    @Test
    void aChangeDropsThePagesWithItsKeysAndThoseWithoutKeys() throws Exception {
        PageCache cache = cache();
        PublicPageFilter filter = filter(cache, PurgeSettings.none());
        get(filter, "/articles/one", new Page("article-1 section-1 author-1"));
        get(filter, "/articles/two", new Page("article-2 section-2 author-2"));
        get(filter, "/sections/one", new Page("section-1 article-1 article-3"));
        get(filter, "/feed.xml", new Page(null));
        assertThat(cache.keys())
                .containsExactlyInAnyOrder("/articles/one", "/articles/two", "/sections/one", "/feed.xml");

        cache.invalidate(Set.of("article-1"), "a correction to article 1");

        assertThat(cache.keys()).containsExactly("/articles/two");
        MockHttpServletResponse again = get(filter, "/articles/two", new Page("not rendered again"));
        assertThat(again.getContentAsString()).contains("article-2");

        cache.invalidate(Set.of("author-2", "topic-9"), "an author renamed");
        assertThat(cache.keys()).isEmpty();
    }

    @Test
    void theKeysAreReadFromTheSurrogateKeyHeader() {
        CachedPage page = CachedPage.of(
                "text/html",
                List.of(new CachedPage.Header("Surrogate-Key", " home  article-7 "), new CachedPage.Header("X", "y")),
                "x".getBytes(StandardCharsets.UTF_8),
                false,
                new PageCache.LastChange(clock.instant(), false),
                clock.instant().plusSeconds(60),
                null);
        assertThat(page.surrogateKeys()).containsExactlyInAnyOrder("home", "article-7");
        assertThat(page.touchedBy(Set.of("article-7"))).isTrue();
        assertThat(page.touchedBy(Set.of("article-8", "section-1"))).isFalse();
    }
}
