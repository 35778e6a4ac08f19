package org.masthead.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each connection's socket write buffer ({@code masthead.tomcat.socket-write-buffer}): the most one write to the
 * socket sends. Tomcat's 8 KB sent a 30 KB article page in four writes; the kernel's work for them was most of the
 * cost of a page from the page cache (docs/benchmarks.md, "The hit path").
 */
@Configuration(proxyBeanMethods = false)
class TomcatSocketConfiguration {

    @Bean
    TomcatConnectorCustomizer socketWriteBuffer(TomcatProperties properties) {
        long bytes = properties.socketWriteBuffer().toBytes();
        return connector -> connector.setProperty("socket.appWriteBufSize", String.valueOf(bytes));
    }
}
