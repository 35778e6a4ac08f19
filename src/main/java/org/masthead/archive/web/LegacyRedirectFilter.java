package org.masthead.archive.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.masthead.archive.LegacyPaths;
import org.masthead.archive.LegacyRedirects;
import org.masthead.web.ReaderUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Answers an imported archive's old addresses ({@code /2024/05/slug/}, {@code /?p=123}, {@code /category/news/}…)
 * with a 301 to the page they became. Only for GET and HEAD, and only where no page of Masthead answers: a path
 * that a controller maps is left to it (except "/" with WordPress's query links, which the home page ignores).
 * Runs before security, which denies unknown paths, and before the page cache; it sets no cookie.
 */
class LegacyRedirectFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LegacyRedirectFilter.class);
    /**
     * Paths of the platform that are neither a reader's URL nor a page's: never an old page's. Others, {@code /admin…},
     * {@code /login…} and {@code /error…} included, are looked up when no page of Masthead answers them (an old
     * site's pages may have lived anywhere).
     */
    private static final List<String> PLATFORM_PREFIXES = List.of("/actuator");

    /** Paths remembered as answered by a controller or not: the mappings do not change while the app runs. */
    private static final int REMEMBERED_PATHS = 10_000;

    private final LegacyRedirects redirects;
    private final List<HandlerMapping> mappings;
    /**
     * Whether a controller answers a path, by path: looking it up in the handler mappings took about a third of
     * the time of a page served from the page cache. GET and HEAD mappings here depend on the path alone (no
     * {@code params}, {@code headers} or {@code consumes} conditions outside {@code /admin}).
     */
    private final Cache<String, Boolean> served =
            Caffeine.newBuilder().maximumSize(REMEMBERED_PATHS).build();

    LegacyRedirectFilter(LegacyRedirects redirects, List<HandlerMapping> mappings) {
        this.redirects = redirects;
        this.mappings = mappings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("/error".equals(path) || PLATFORM_PREFIXES.stream().anyMatch(path::startsWith)) {
            return true;
        }
        ReaderUrls row = ReaderUrls.of(path);
        return row != null && row.caching() == ReaderUrls.Caching.OWN; // the API, media and assets
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        if (LegacyPaths.hasNamingQuery(query) || !served.get(path, p -> servedHere(request))) {
            try {
                var answer = redirects.answer(path, query);
                if (answer.isPresent() && answer.get() instanceof LegacyRedirects.Answer.MovedTo moved) {
                    response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                    response.setHeader("Location", request.getContextPath() + moved.path());
                    // a short time: where it leads depends on what is public now
                    response.setHeader("Cache-Control", "public, max-age=3600");
                    return;
                }
                if (answer.isPresent()) {
                    response.setHeader("Cache-Control", "public, max-age=3600");
                    response.sendError(HttpServletResponse.SC_GONE);
                    return;
                }
            } catch (DataAccessException ex) {
                log.debug("Old address not looked up: {}", ex.getMessage());
            }
        }
        chain.doFilter(request, response);
    }

    /** Whether a controller of the application answers this path (whatever the answer). */
    private boolean servedHere(HttpServletRequest request) {
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            ServletRequestPathUtils.parseAndCache(request);
            for (HandlerMapping mapping : mappings) {
                HandlerExecutionChain handler = mapping.getHandler(request);
                if (handler != null) {
                    return true;
                }
            }
            return false;
        } catch (Exception ex) {
            return true; // matched, but not for this method or media type: the application answers
        } finally {
            if (previous == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previous);
            }
            request.removeAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.MATRIX_VARIABLES_ATTRIBUTE);
        }
    }
}
