package org.masthead.api;

import org.masthead.web.FilterOrder;
import org.masthead.web.ReaderUrls;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API's web settings: CORS for reads from any origin (no credentials: the API has none to share), and the
 * per-client rate limit in front of {@code /api/**}, before the page cache (which serves the API's answers from
 * memory) and Spring Security ({@link FilterOrder}).
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping(ReaderUrls.API.pattern())
                .allowedOrigins("*")
                .allowedMethods("GET", "HEAD")
                .allowedHeaders("*")
                .exposedHeaders(HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION)
                .allowCredentials(false)
                .maxAge(86_400);
    }

    @Bean
    FilterRegistrationBean<ApiRateLimitFilter> apiRateLimitFilter(
            ApiProperties properties, ApiResponder responder, MessageSource messages) {
        FilterRegistrationBean<ApiRateLimitFilter> registration = new FilterRegistrationBean<>(
                new ApiRateLimitFilter(ClientRateLimit.of(properties), responder, messages));
        registration.addUrlPatterns(ReaderUrls.API.servletUrlPattern());
        registration.setOrder(FilterOrder.API_RATE_LIMIT.order());
        registration.setEnabled(properties.rateLimit());
        return registration;
    }
}
