package org.masthead;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The test context's SMTP server, chosen at run time: none by default (the application then writes emails to the
 * log and refuses to send editions, as with no {@code spring.mail.host}); a test that receives mail points it at its
 * own server ({@link #useServerOn(int)}) and back ({@link #none()}) when done, so no test needs a context of its own.
 */
public class TestSmtp {

    private volatile Integer port;

    /** From now on, the application sends through the SMTP server on 127.0.0.1:{@code port}. */
    public void useServerOn(int port) {
        this.port = port;
    }

    /** From now on, no SMTP server is configured. */
    public void none() {
        this.port = null;
    }

    /** A sender for the server in use, or null (no SMTP server): asked for at each use (a prototype bean). */
    JavaMailSenderImpl sender() {
        Integer current = port;
        if (current == null) {
            return null;
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(current);
        return sender;
    }
}
