package org.masthead.cache;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.masthead.MutableClock;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large reader's page is not held in memory whole: past the cap, what the page filter holds goes to the client
 * and the rest streams through (the sitemap's files of 50,000 URLs, rendered many at once under a small heap).
 * Pages under the cap are finished as before (ETag, kept when the cache is on).
 */
class PublicPageFilterStreamingTests {

    static final int HELD = 64 * 1024;
    static final int KEPT = 256 * 1024;
    static final String PUBLIC = "public, max-age=60";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));

    PageCache cache(boolean enabled) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("next", (NextPublication) Optional::empty);
        return new PageCache(properties(enabled), beans.getBeanProvider(NextPublication.class), clock);
    }

    PageCacheProperties properties(boolean enabled) {
        return new PageCacheProperties(
                enabled,
                DataSize.ofMegabytes(16),
                Duration.ofMinutes(10),
                false,
                DataSize.ofBytes(KEPT),
                DataSize.ofBytes(HELD));
    }

    PublicPageFilter filter(PageCache cache, boolean enabled) {
        return new PublicPageFilter(
                cache,
                properties(enabled),
                new HttpCachingProperties(PUBLIC, "immutable"),
                PurgeSettings.none(),
                "SESSION",
                clock);
    }

    /** Writes {@code size} bytes in chunks, recording how much had reached the client when it had written it all. */
    static final class Page implements FilterChain {
        final int size;
        final AtomicInteger sentBeforeTheEnd = new AtomicInteger(-1);
        MockHttpServletResponse client;

        Page(int size) {
            this.size = size;
        }

        @Override
        public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
                throws IOException, ServletException {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setContentType("application/xml;charset=UTF-8");
            http.setHeader("X-Content-Type-Options", "nosniff");
            byte[] chunk = new byte[4096];
            Arrays.fill(chunk, (byte) 'x');
            OutputStream out = http.getOutputStream();
            for (int written = 0; written < size; written += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, size - written));
            }
            sentBeforeTheEnd.set(client.getContentAsByteArray().length);
        }
    }

    MockHttpServletResponse get(PublicPageFilter filter, Page page, String uri) throws Exception {
        String[] parts = uri.split("\\?", 2);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", parts[0]);
        if (parts.length > 1) {
            request.setQueryString(parts[1]);
            String[] parameter = parts[1].split("=", 2);
            request.addParameter(parameter[0], parameter[1]);
        }
        request.addHeader("Accept-Encoding", "identity");
        MockHttpServletResponse response = new MockHttpServletResponse();
        page.client = response;
        filter.doFilter(request, response, page);
        return response;
    }

    @Test
    void withTheCacheOffAPagePastTheCapStreamsPublicWithoutAnEtag() throws Exception {
        PageCache cache = cache(false);
        Page page = new Page(10 * HELD);
        MockHttpServletResponse response = get(filter(cache, false), page, "/sitemap.xml");

        assertThat(page.sentBeforeTheEnd.get())
                .as("at most the cap was held back while the page was written")
                .isGreaterThanOrEqualTo(10 * HELD - HELD);
        assertThat(response.getContentAsByteArray()).hasSize(10 * HELD);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).isEqualTo(PUBLIC);
        assertThat(response.getHeader("Vary")).isEqualTo("Accept-Encoding");
        assertThat(response.getHeader("Last-Modified")).isNotNull();
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("ETag")).isNull();
    }

    @Test
    void withTheCacheOffAPageUnderTheCapIsFinishedWithAnEtag() throws Exception {
        PageCache cache = cache(false);
        Page page = new Page(HELD / 2);
        MockHttpServletResponse response = get(filter(cache, false), page, "/sitemap.xml");

        assertThat(page.sentBeforeTheEnd.get()).isZero();
        assertThat(response.getContentAsByteArray()).hasSize(HELD / 2);
        assertThat(response.getHeader("ETag")).isNotNull();
        assertThat(response.getContentLength()).isEqualTo(HELD / 2);
        assertThat(response.getHeader("Cache-Control")).isEqualTo(PUBLIC);
        assertThat(cache.keys()).isEmpty();
    }

    @Test
    void withTheCacheOnAPageLargerThanAKeptPageStreamsAndIsNotKept() throws Exception {
        PageCache cache = cache(true);
        PublicPageFilter filter = filter(cache, true);

        Page large = new Page(2 * KEPT);
        MockHttpServletResponse response = get(filter, large, "/sitemap.xml?page=1");
        assertThat(large.sentBeforeTheEnd.get()).isGreaterThanOrEqualTo(KEPT);
        assertThat(response.getContentAsByteArray()).hasSize(2 * KEPT);
        assertThat(response.getHeader("ETag")).isNull();
        assertThat(response.getHeader("Cache-Control")).isEqualTo(PUBLIC);
        assertThat(cache.keys()).isEmpty();

        Page kept = new Page(KEPT / 2);
        response = get(filter, kept, "/sitemap.xml?page=2");
        assertThat(kept.sentBeforeTheEnd.get()).isZero();
        assertThat(response.getHeader("ETag")).isNotNull();
        assertThat(cache.keys()).containsExactly("/sitemap.xml?page=2");
    }
}
