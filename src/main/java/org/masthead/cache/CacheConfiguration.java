package org.masthead.cache;

import java.time.Clock;

import org.masthead.outbox.OutgoingCredentials;
import org.masthead.web.FilterOrder;
import org.masthead.web.ReaderUrls;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The page filter runs before Spring Session, the security chain and MVC, so a page from memory costs none of
 * them; the asset filter sits in front of the resource handler ({@link FilterOrder}).
 */
@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

    @Bean
    FilterRegistrationBean<PublicPageFilter> publicPageFilter(
            PageCache cache,
            PageCacheProperties properties,
            HttpCachingProperties http,
            CachePurgeProperties purge,
            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie,
            Clock clock) {
        FilterRegistrationBean<PublicPageFilter> registration = new FilterRegistrationBean<>(
                new PublicPageFilter(cache, properties, http, purge, sessionCookie, clock));
        registration.setOrder(FilterOrder.PUBLIC_PAGE.order());
        return registration;
    }

    /** The purge APIs' credentials, added to the outbox's calls as they are sent. */
    @Bean
    OutgoingCredentials fastlyPurgeCredentials(CachePurgeProperties purge) {
        return PurgeTarget.credentials(purge).get(0);
    }

    @Bean
    OutgoingCredentials cloudflarePurgeCredentials(CachePurgeProperties purge) {
        return PurgeTarget.credentials(purge).get(1);
    }

    @Bean
    OutgoingCredentials webhookPurgeCredentials(CachePurgeProperties purge) {
        return PurgeTarget.credentials(purge).get(2);
    }

    @Bean
    FilterRegistrationBean<FingerprintedAssetFilter> fingerprintedAssetFilter(HttpCachingProperties http) {
        FilterRegistrationBean<FingerprintedAssetFilter> registration =
                new FilterRegistrationBean<>(new FingerprintedAssetFilter(http));
        registration.addUrlPatterns(ReaderUrls.CSS.servletUrlPattern(), ReaderUrls.JS.servletUrlPattern());
        registration.setOrder(FilterOrder.FINGERPRINTED_ASSET.order());
        return registration;
    }
}
