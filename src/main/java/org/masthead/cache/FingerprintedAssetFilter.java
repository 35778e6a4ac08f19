package org.masthead.cache;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Content-versioned CSS and JavaScript ({@code /css/site-<md5>.css}, the URLs the pages link to) change their URL
 * whenever their content changes, so browsers may keep them a year without asking again ({@code immutable}).
 * The resource handler's own {@code Cache-Control} (for unversioned URLs) is replaced for them; a URL with a
 * wrong version is not found, and its 404 keeps no such header.
 */
final class FingerprintedAssetFilter extends OncePerRequestFilter {

    private static final Pattern FINGERPRINTED = Pattern.compile("/(css|js)/[^;]+-[0-9a-f]{32}\\.[a-z0-9]+");

    private final String cacheControl;

    FingerprintedAssetFilter(HttpCachingProperties http) {
        this.cacheControl = http.assetCacheControl();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !FINGERPRINTED.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, isCacheControl(name) ? cacheControl : value);
            }

            @Override
            public void addHeader(String name, String value) {
                if (isCacheControl(name)) {
                    super.setHeader(name, cacheControl);
                } else {
                    super.addHeader(name, value);
                }
            }
        });
    }

    private static boolean isCacheControl(String name) {
        return HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name);
    }
}
