package org.masthead.cache;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The shared HTTP caches in front of the application, purged by tag after each change ({@code masthead.cache.purge.*}).
 * Any number of them may be set at once; none set, nothing is purged and pages get no {@code s-maxage}.
 *
 * @param varnishUrls each Varnish with the {@code xkey} module (such as {@code http://127.0.0.1:6081/}): a
 *     {@code PURGE} with the keys in its {@code xkey} header; "purge everything" is a {@code BAN}
 * @param fastly a Fastly service: purge by surrogate key through its API
 * @param cloudflare a Cloudflare zone: purge by cache tag through its API
 * @param webhookUrl any other purger: a {@code POST} whose JSON body lists the keys ({@code {"keys":["article-12"]}};
 *     "purge everything" posts {@code {"everything":true,"keys":[]}})
 * @param webhookToken sent to the webhook as {@code Authorization: Bearer <token>} when set
 * @param edgeMaxAge how long a shared cache may keep a page that carries surrogate keys ({@code s-maxage}); browsers
 *     keep {@code masthead.http.public-cache-control}. Only when a purger is set
 * @param repeatAfter each purge is sent again this long after the first ({@code 0}: never): a shared cache that
 *     fetched a page again from another node in the instant before that node heard of the change would otherwise
 *     keep the old page for {@code edgeMaxAge}
 */
@Validated
@ConfigurationProperties("masthead.cache.purge")
public record CachePurgeProperties(
        @DefaultValue List<URI> varnishUrls,
        @DefaultValue Fastly fastly,
        @DefaultValue Cloudflare cloudflare,
        URI webhookUrl,
        String webhookToken,
        @DefaultValue("1d") @NotNull Duration edgeMaxAge,
        @DefaultValue("2s") @NotNull Duration repeatAfter) {

    /**
     * @param serviceId the service whose cache is purged; unset, Fastly is not purged
     * @param apiToken an API token with purge rights, sent as {@code Fastly-Key}
     * @param apiUrl the Fastly API
     */
    public record Fastly(
            String serviceId,
            String apiToken,
            @DefaultValue("https://api.fastly.com") URI apiUrl) {}

    /**
     * @param zoneId the zone whose cache is purged; unset, Cloudflare is not purged
     * @param apiToken an API token with the cache purge permission, sent as {@code Authorization: Bearer}
     * @param apiUrl the Cloudflare API
     */
    public record Cloudflare(
            String zoneId,
            String apiToken,

            @DefaultValue("https://api.cloudflare.com/client/v4")
            URI apiUrl) {}

    /** Whether any shared cache is purged (and so may keep pages for {@link #edgeMaxAge}). */
    public boolean configured() {
        return !varnishUrls.isEmpty()
                || hasText(fastly.serviceId())
                || hasText(cloudflare.zoneId())
                || webhookUrl != null;
    }

    static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
