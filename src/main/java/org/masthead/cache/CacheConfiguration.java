package org.masthead.cache;

import java.time.Clock;

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
            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie,
            Clock clock) {
        FilterRegistrationBean<PublicPageFilter> registration =
                new FilterRegistrationBean<>(new PublicPageFilter(cache, properties, http, sessionCookie, clock));
        registration.setOrder(FilterOrder.PUBLIC_PAGE.order());
        return registration;
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
