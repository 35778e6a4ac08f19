package org.masthead.newsletter;

import java.util.Locale;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.masthead.web.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * What makes the journal's e-mails its own to a receiving server: a {@code Message-ID} on the site's domain (the host
 * of {@code masthead.site-url}, not the {@code @localhost} Jakarta Mail would choose), the list's {@code List-Id}
 * (RFC 2919: the journal's name and {@code newsletter.<host>}) and a {@code Feedback-ID} that mailbox providers'
 * feedback loops report by.
 */
@Component
public class MailIdentity {

    private final SiteProperties site;

    MailIdentity(SiteProperties site) {
        this.site = site;
    }

    /** The site's host name, the e-mails' domain. */
    public String domain() {
        String host = site.siteUrl().getHost();
        return host == null || host.isBlank() ? "localhost" : host.toLowerCase(Locale.ROOT);
    }

    /** A new message whose {@code Message-ID} is on the site's domain. */
    public MimeMessage message(Session session) {
        return new OwnMessage(session, domain());
    }

    /** {@code List-Id}: the journal's name as a phrase, then {@code <newsletter.host>}. */
    public String listId() {
        String name = site.siteName().replaceAll("[\\r\\n\\t]+", " ").strip();
        String quoted = "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return quoted + " <newsletter." + domain() + ">";
    }

    /**
     * {@code Feedback-ID} ({@code campaign:kind:sender}, as providers parse it): the mail's kind and campaign, each
     * reduced to letters, digits and dashes, and the site's domain as the sender.
     */
    public String feedbackId(String campaign, String kind) {
        return clean(campaign) + ":" + clean(kind) + ":" + domain();
    }

    private static String clean(String part) {
        String cleaned = part.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        return cleaned.isEmpty() ? "-" : cleaned;
    }

    /** A message that names itself on the site's domain. */
    private static final class OwnMessage extends MimeMessage {

        private final String domain;

        OwnMessage(Session session, String domain) {
            super(session);
            this.domain = domain;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain + ">");
        }
    }
}
