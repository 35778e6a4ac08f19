package org.masthead.newsletter;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the newsletter's emails through Spring Mail when an SMTP server is configured ({@code spring.mail.host});
 * without one, writes each message to the log instead, so signup can be tried on a laptop. Every message carries
 * {@code List-Unsubscribe} (https URL, plus mailto when configured) and {@code List-Unsubscribe-Post} (RFC 8058).
 */
@Component
class NewsletterMail {

    private static final Logger log = LoggerFactory.getLogger(NewsletterMail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final NewsletterProperties properties;
    private final MailIdentity identity;
    private final NewsletterAddresses addresses;

    NewsletterMail(
            ObjectProvider<JavaMailSender> sender,
            NewsletterProperties properties,
            MailIdentity identity,
            NewsletterAddresses addresses) {
        this.sender = sender;
        this.addresses = addresses;
        this.properties = properties;
        this.identity = identity;
    }

    void send(OutgoingMail mail) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            log.info(
                    "No SMTP server configured (spring.mail.host): the email below was not sent.\nTo: {}\nSubject: {}\n"
                            + "List-Unsubscribe: {}\n\n{}",
                    mail.to(),
                    mail.subject(),
                    listUnsubscribe(mail),
                    mail.text());
            return;
        }
        try {
            MimeMessage message = identity.message(smtp.createMimeMessage().getSession());
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(addresses.from());
            if (!addresses.replyTo().isEmpty()) {
                helper.setReplyTo(addresses.replyTo());
            }
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), false);
            message.addHeader("List-Unsubscribe", listUnsubscribe(mail));
            message.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            smtp.send(message);
        } catch (MessagingException | MailException ex) {
            // The reader's page says "check your inbox" either way; a retry signs up again.
            log.error("Could not send the newsletter email \"{}\": {}", mail.subject(), ex.getMessage());
        }
    }

    private String listUnsubscribe(OutgoingMail mail) {
        return listUnsubscribe(mail.unsubscribeUrl());
    }

    /** The {@code List-Unsubscribe} header for a reader's one-click unsubscribe URL (plus mailto when configured). */
    String listUnsubscribe(String unsubscribeUrl) {
        String header = "<" + unsubscribeUrl + ">";
        if (!properties.unsubscribeMailto().isBlank()) {
            header += ", <mailto:" + properties.unsubscribeMailto() + "?subject=unsubscribe>";
        }
        return header;
    }
}
