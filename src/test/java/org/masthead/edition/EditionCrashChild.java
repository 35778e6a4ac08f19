package org.masthead.edition;

import org.masthead.MastheadApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * An app node in a child JVM, for the crash test: it runs the background jobs against the parent's database and
 * SMTP server, slowly (20 emails a second), and prints READY once started; the parent then kills it mid-send.
 * Arguments: the JDBC URL, its user, and the SMTP port.
 */
public final class EditionCrashChild {

    private EditionCrashChild() {}

    public static void main(String[] args) {
        new SpringApplicationBuilder(MastheadApplication.class)
                .run(
                        "--spring.datasource.url=" + args[0],
                        "--spring.datasource.username=" + args[1],
                        "--spring.datasource.password=" + args[1],
                        "--server.port=0",
                        "--masthead.jobs.enabled=true",
                        "--masthead.jobs.poll-delay=200ms",
                        "--masthead.scheduler.enabled=false",
                        "--masthead.demo-content=false",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + args[2],
                        "--masthead.newsletter.postal-address=1 Quay Street, Harbour Town",
                        "--masthead.newsletter.rate=20",
                        "--masthead.newsletter.senders=1",
                        "--masthead.newsletter.batch-size=5",
                        "--spring.jmx.enabled=false",
                        "--logging.level.root=WARN");
        System.out.println("READY");
        System.out.flush();
    }
}
