package org.masthead.web;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.masthead.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@HttpTest
class TomcatSocketHttpTests {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theRunningConnectorWritesUpTo32KbAtOnceAndCapsItsConnections() {
        Connector connector =
                ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize")))
                .isEqualTo("32768");
        assertThat(String.valueOf(connector.getProperty("maxConnections"))).isEqualTo("2048");
    }
}
