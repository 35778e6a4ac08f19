package org.masthead.db;

import org.springframework.core.env.StandardEnvironment;

/**
 * Runs the embedded-database start-up in a JVM of its own, as the app would, then waits to be stopped or killed.
 * Prints {@code READY <jdbc-url>} once the server answers, or {@code FAILED <message>}.
 */
public final class EmbeddedPostgresChild {

    private EmbeddedPostgresChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        StandardEnvironment environment = new StandardEnvironment();
        System.setProperty("masthead.embedded-db.dir", args[0]);
        try {
            new EmbeddedPostgresEnvironmentPostProcessor(destination -> destination.get())
                    .postProcessEnvironment(environment, null);
        }
        catch (RuntimeException ex) {
            System.out.println("FAILED " + ex.getMessage());
            System.out.flush();
            System.exit(3);
        }
        System.out.println("READY " + environment.getProperty("spring.datasource.url"));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
