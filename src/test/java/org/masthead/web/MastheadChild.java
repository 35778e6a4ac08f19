package org.masthead.web;

import org.masthead.MastheadApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application in a JVM of its own, as it runs in production, on a free port: prints {@code READY <port>}
 * once it answers, or {@code FAILED <message>}. Arguments are passed on to Spring Boot.
 */
public final class MastheadChild {

    private MastheadChild() {}

    public static void main(String[] args) {
        ConfigurableApplicationContext context;
        try {
            context = SpringApplication.run(MastheadApplication.class, args);
        } catch (RuntimeException ex) {
            System.out.println("FAILED " + ex);
            System.out.flush();
            System.exit(3);
            return;
        }
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        System.out.println("READY " + port);
        System.out.flush();
    }
}
