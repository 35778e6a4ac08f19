package org.masthead.db;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a Spring application in a JVM of its own, as Masthead starts (the embedded database comes from the same
 * environment post-processor), then waits to be stopped or killed.
 * Prints {@code READY <jdbc-url>} once the server answers, or {@code FAILED <message>}.
 */
public final class EmbeddedPostgresChild {

    private EmbeddedPostgresChild() {}

    /** Nothing but the environment: no web server, no JPA, so the child starts in a few seconds. */
    @Configuration(proxyBeanMethods = false)
    static class Empty {}

    public static void main(String[] args) throws InterruptedException {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        ConfigurableApplicationContext context;
        try {
            context = application.run(
                    "--masthead.embedded-db.dir=" + args[0],
                    "--logging.level.root=warn",
                    "--spring.main.banner-mode=off");
        } catch (RuntimeException ex) {
            Throwable cause = ex;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.out.println("FAILED " + ex.getMessage() + " / " + cause.getMessage());
            System.out.flush();
            System.exit(3);
            return;
        }
        System.out.println("READY " + context.getEnvironment().getProperty("spring.datasource.url"));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
