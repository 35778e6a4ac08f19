package org.masthead.archive.web;

import java.util.List;

import org.masthead.archive.LegacyRedirects;
import org.masthead.web.FilterOrder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Registers the old-address filter between the database-outage filter and the page cache ({@link FilterOrder}). */
@Configuration(proxyBeanMethods = false)
class LegacyRedirectConfiguration {

    @Bean
    FilterRegistrationBean<LegacyRedirectFilter> legacyRedirectFilter(
            LegacyRedirects redirects, ObjectProvider<RequestMappingHandlerMapping> controllers) {
        List<HandlerMapping> mappings = new LazyMappings(controllers);
        FilterRegistrationBean<LegacyRedirectFilter> registration =
                new FilterRegistrationBean<>(new LegacyRedirectFilter(redirects, mappings));
        registration.setOrder(FilterOrder.LEGACY_REDIRECT.order());
        return registration;
    }

    /** The controllers' mapping, looked up on first request (it is made after the filters). */
    private static final class LazyMappings extends java.util.AbstractList<HandlerMapping> {

        private final ObjectProvider<RequestMappingHandlerMapping> provider;
        private volatile List<HandlerMapping> found;

        LazyMappings(ObjectProvider<RequestMappingHandlerMapping> provider) {
            this.provider = provider;
        }

        private List<HandlerMapping> found() {
            List<HandlerMapping> result = found;
            if (result == null) {
                result = List.copyOf(provider.orderedStream().toList());
                found = result;
            }
            return result;
        }

        @Override
        public HandlerMapping get(int index) {
            return found().get(index);
        }

        @Override
        public int size() {
            return found().size();
        }
    }
}
