package org.masthead.feed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxUrls URLs per sitemap file: past it, {@code /sitemap.xml} becomes a sitemap index of
 *        {@code /sitemap.xml?page=N} files (the protocol allows at most 50,000)
 */
@Validated
@ConfigurationProperties("masthead.sitemap")
record SitemapProperties(
        @DefaultValue("50000") @Min(1) @Max(50000) int maxUrls) {}
