package org.masthead.analytics.web;

import org.masthead.analytics.AnalyticsProperties;
import org.masthead.analytics.ReaderCounts;
import org.masthead.throttle.TokenBuckets;
import org.masthead.web.FilterOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The counting endpoint's filter, on {@code /count} only, before sessions and security ({@link FilterOrder}). */
@Configuration(proxyBeanMethods = false)
class BeaconConfiguration {

    @Bean
    FilterRegistrationBean<BeaconFilter> beaconFilter(
            ReaderCounts counts,
            AnalyticsProperties properties,
            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
        TokenBuckets rate = properties.rateLimit()
                ? new TokenBuckets(properties.beaconsPerMinute(), properties.burst(), properties.maxClients())
                : null;
        FilterRegistrationBean<BeaconFilter> registration =
                new FilterRegistrationBean<>(new BeaconFilter(counts, rate, sessionCookie));
        registration.addUrlPatterns(BeaconFilter.PATH);
        registration.setOrder(FilterOrder.READERSHIP_BEACON.order());
        registration.setEnabled(properties.enabled());
        return registration;
    }
}
