package org.masthead.web;

import java.net.URI;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The journal's own settings ({@code masthead.*}).
 *
 * @param siteName shown in the header, titles and feeds
 * @param siteUrl the public base URL, for canonical links, feeds and sitemaps
 * @param timeZone the journal's time zone: dates are shown, and schedules entered, in it
 */
@Validated
@ConfigurationProperties("masthead")
public record SiteProperties(
        @NotBlank String siteName,
        @NotNull URI siteUrl,
        @NotNull ZoneId timeZone) {

    /** An absolute URL for a path of this site. */
    public String absolute(String path) {
        String base = siteUrl.toString().replaceAll("/+$", "");
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
