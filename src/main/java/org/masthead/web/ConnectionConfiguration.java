package org.masthead.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connector counts open connections per client address ({@link ConnectionBudget}):
 * {@code masthead.http.connections-per-client} (0: no budget) for every address but the trusted proxies'
 * ({@code masthead.http.trusted-proxies}: addresses or CIDR ranges, comma-separated).
 */
@Configuration(proxyBeanMethods = false)
class ConnectionConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionBudgetProtocol() {
        return factory -> factory.setProtocol(ConnectionBudget.class.getName());
    }

    @Bean
    TomcatConnectorCustomizer connectionBudget(ClientConnectionProperties properties) {
        return connector -> {
            if (connector.getProtocolHandler() instanceof ConnectionBudget budget) {
                budget.configure(properties.connectionsPerClient(), properties.trustedProxies());
            }
        };
    }
}
