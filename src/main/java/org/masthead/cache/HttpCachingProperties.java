package org.masthead.cache;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What browsers, proxies and CDNs are told about caching ({@code masthead.http.*}).
 *
 * @param publicCacheControl the {@code Cache-Control} of the reader's pages (home, sections, articles, authors,
 *     topics, search, feeds, sitemap, robots.txt) for visitors who are not signed in
 * @param assetCacheControl the {@code Cache-Control} of content-versioned CSS and JavaScript
 *     ({@code /css/site-<hash>.css}), whose URL changes whenever their content does
 */
@ConfigurationProperties("masthead.http")
public record HttpCachingProperties(
        @DefaultValue("public, max-age=60, stale-while-revalidate=60, stale-if-error=86400")
        String publicCacheControl,

        @DefaultValue("public, max-age=31536000, immutable") String assetCacheControl) {}
