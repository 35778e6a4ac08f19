package org.masthead.cache;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.masthead.web.ReaderUrls;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * The reader's pages, before the security chain and MVC: a visitor who is not signed in gets a page kept in
 * memory as ready bytes (identity or gzip), or the page is rendered, finished here (public {@code Cache-Control},
 * a strong ETag per encoding, {@code Last-Modified}, {@code Vary: Accept-Encoding}) and kept. {@code HEAD} gets
 * the same headers without the body; {@code If-None-Match} and {@code If-Modified-Since} get a 304.
 *
 * <p>A page from memory carries exactly the headers the application set when it rendered it (security headers
 * included), because both answers are written here from the same {@link CachedPage}. Only 200 responses that
 * set no cookie are kept; a request with a session cookie (staff) or credentials passes straight through and is
 * never served from, nor stored in, the cache, so its pages stay {@code private, no-store}.
 */
final class PublicPageFilter extends OncePerRequestFilter {

    /** Headers this filter sets itself, or that belong to one message only; the others are kept with the page. */
    private static final Set<String> OWN_HEADERS = Set.of(
            "cache-control",
            "pragma",
            "expires",
            "etag",
            "last-modified",
            "vary",
            "content-length",
            "content-encoding",
            "content-type",
            "content-language",
            "transfer-encoding",
            "date",
            "age");

    /** The kind of page, as {@link #shouldNotFilter} found it (read once per request). */
    private static final String PAGE = PublicPageFilter.class.getName() + ".page";

    private final PageCache cache;
    private final PageCacheProperties properties;
    private final HttpCachingProperties http;
    private final String sessionCookie;
    private final Clock clock;
    /** The {@code Cache-Control} of a page with surrogate keys: with {@code s-maxage} when a shared cache is purged. */
    private final String taggedCacheControl;
    /** The pages being rendered to be kept, each by one request. */
    private final ConcurrentHashMap<String, ReentrantLock> rendering = new ConcurrentHashMap<>();

    PublicPageFilter(
            PageCache cache,
            PageCacheProperties properties,
            HttpCachingProperties http,
            CachePurgeProperties purge,
            String sessionCookie,
            Clock clock) {
        this.taggedCacheControl = taggedCacheControl(http, purge);
        this.cache = cache;
        this.clock = clock;
        this.properties = properties;
        this.http = http;
        this.sessionCookie = sessionCookie;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method))) {
            return true;
        }
        ReaderUrls page = ReaderUrls.cachedPage(request.getRequestURI());
        if (page == null || isPersonal(request)) {
            return true;
        }
        request.setAttribute(PAGE, page);
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ReaderUrls page = (ReaderUrls) request.getAttribute(PAGE);
        if (page == null) {
            page = ReaderUrls.cachedPage(request.getRequestURI());
        }
        boolean kept = properties.enabled() && page.kept();
        if (!kept) {
            render(new RenderRequest(request, page), request, response, chain, null, false);
            return;
        }
        // a page without a query string is found in memory without wrapping the request
        RenderRequest render = request.getQueryString() == null ? null : new RenderRequest(request, page);
        String key = render == null ? request.getRequestURI() : render.cacheKey();
        CachedPage hit = cache.get(key);
        if (hit != null) {
            write(hit, request, response);
            return;
        }
        if (render == null) {
            render = new RenderRequest(request, page);
        }
        // One rendering of a page at a time: readers who ask for it meanwhile wait for it, then get it from memory
        // (or, when it was not kept, render it themselves, side by side).
        ReentrantLock lock = rendering.computeIfAbsent(key, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            lock.lock();
            lock.unlock();
            hit = cache.get(key);
            if (hit != null) {
                write(hit, request, response);
            } else {
                render(render, request, response, chain, key, true);
            }
            return;
        }
        try {
            hit = cache.get(key);
            if (hit != null) {
                write(hit, request, response);
            } else {
                render(render, request, response, chain, key, true);
            }
        } finally {
            rendering.remove(key, lock);
            lock.unlock();
        }
    }

    /** Renders the page; keeps it when {@code kept} and it may be kept; past the size cap, streams it. */
    private void render(
            RenderRequest render,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            String key,
            boolean kept)
            throws ServletException, IOException {
        long generation = cache.generation();
        PageCache.LastChange lastChange = cache.lastChange(key == null ? render.cacheKey() : key);
        int cap = (int)
                Math.min(Integer.MAX_VALUE - 8, (kept ? properties.maxPageSize() : properties.maxHeldPage()).toBytes());
        CappedResponse capture = new CappedResponse(response, cap, real -> {
            if (cacheable(real, real.getContentType())) {
                // too large to hold: public all the same, without an ETag (the body is not known before it is sent)
                real.setHeader(
                        HttpHeaders.CACHE_CONTROL,
                        real.getHeader(CachedPage.SURROGATE_KEY) == null
                                ? http.publicCacheControl()
                                : taggedCacheControl);
                real.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
                real.setDateHeader(HttpHeaders.LAST_MODIFIED, lastChange.at().toEpochMilli());
            }
        });
        chain.doFilter(render, capture);
        capture.finish();
        if (capture.streaming()) {
            return;
        }
        byte[] body = capture.body();
        if (!cacheable(response, capture.getContentType()) || response.isCommitted()) {
            if (!response.isCommitted()) {
                response.setContentLength(body.length);
            }
            response.getOutputStream().write(body);
            return;
        }
        CachedPage made = CachedPage.of(
                capture.getContentType(),
                headersOf(response),
                body,
                kept || acceptsGzip(request),
                lastChange,
                kept ? cache.expiry() : Instant.MAX,
                response.getHeader(HttpHeaders.ETAG));
        if (kept) {
            cache.put(key, made, generation);
        }
        response.reset();
        write(made, request, response);
    }

    /**
     * Browsers keep a page for {@code max-age} whatever; a shared cache that is purged on every change may keep a
     * tagged page far longer ({@code s-maxage}), and only then.
     */
    static String taggedCacheControl(HttpCachingProperties http, CachePurgeProperties purge) {
        String control = http.publicCacheControl();
        if (!purge.configured() || control.toLowerCase(Locale.ROOT).contains("s-maxage")) {
            return control;
        }
        return control + ", s-maxage=" + purge.edgeMaxAge().toSeconds();
    }

    /** A page that may be cached publicly: a 200 with a body type, setting no cookie. */
    private static boolean cacheable(HttpServletResponse response, String contentType) {
        return response.getStatus() == HttpServletResponse.SC_OK
                && contentType != null
                && response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty();
    }

    private void write(CachedPage page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean gzip = page.gzip() != null && acceptsGzip(request);
        String etag = gzip ? page.gzipEtag() : page.etag();
        response.setStatus(HttpServletResponse.SC_OK);
        for (CachedPage.Header header : page.headers()) {
            response.addHeader(header.name(), header.value());
        }
        response.setHeader(
                HttpHeaders.CACHE_CONTROL,
                page.surrogateKeys().isEmpty() ? http.publicCacheControl() : taggedCacheControl);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.LAST_MODIFIED, page.lastModifiedHeader());
        if (notModified(request, etag, page)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(page.contentType());
        byte[] body = gzip ? page.gzip() : page.identity();
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** Signed in (or about to be): such requests never touch the cache, and their pages stay private. */
    private boolean isPersonal(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return true;
        }
        return WebUtils.getCookie(request, sessionCookie) != null;
    }

    private static List<CachedPage.Header> headersOf(HttpServletResponse response) {
        List<CachedPage.Header> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : response.getHeaders(name)) {
                    headers.add(new CachedPage.Header(name, value));
                }
            }
        }
        return List.copyOf(headers);
    }

    static boolean acceptsGzip(HttpServletRequest request) {
        double gzip = -1;
        double any = -1;
        Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
        while (values != null && values.hasMoreElements()) {
            for (String part : values.nextElement().split(",")) {
                String[] bits = part.split(";");
                String coding = bits[0].trim();
                double q = quality(bits);
                if (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip")) {
                    gzip = Math.max(gzip, q);
                } else if (coding.equals("*")) {
                    any = q;
                }
            }
        }
        return gzip >= 0 ? gzip > 0 : any > 0;
    }

    private static double quality(String[] bits) {
        for (int i = 1; i < bits.length; i++) {
            String parameter = bits[i].trim();
            if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException ex) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private boolean notModified(HttpServletRequest request, String etag, CachedPage page) {
        Enumeration<String> matches = request.getHeaders(HttpHeaders.IF_NONE_MATCH);
        if (matches != null && matches.hasMoreElements()) {
            while (matches.hasMoreElements()) {
                for (String tag : matches.nextElement().split(",")) {
                    String candidate = tag.trim();
                    if (candidate.startsWith("W/")) {
                        candidate = candidate.substring(2);
                    }
                    if (candidate.equals("*") || candidate.equals(etag)) {
                        return true;
                    }
                }
            }
            return false; // If-Modified-Since is ignored when If-None-Match is sent
        }
        long since;
        try {
            since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException ex) {
            return false;
        }
        if (since < 0 || since > clock.millis()) {
            return false; // none, or a date in the future: not one this server gave
        }
        long modified = page.lastModified().getEpochSecond();
        return modified < since / 1000 || (modified == since / 1000 && !page.ambiguousSecond());
    }
}
