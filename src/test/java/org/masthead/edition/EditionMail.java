package org.masthead.edition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.util.GreenMail;

/** Reads editions' emails received by GreenMail. */
final class EditionMail {

    static final Pattern UNSUBSCRIBE =
            Pattern.compile("http://localhost:8080/newsletter/unsubscribe\\?token=([A-Za-z0-9_-]+)");

    private EditionMail() {}

    static List<MimeMessage> withSubject(GreenMail mail, String subject) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return subject.equals(m.getSubject());
                    } catch (MessagingException ex) {
                        throw new IllegalStateException(ex);
                    }
                })
                .toList();
    }

    static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The text and HTML parts of a multipart/alternative email. */
    record Parts(String contentType, String text, String html) {}

    static Parts parts(MimeMessage message) throws MessagingException, IOException {
        MimeMultipart multipart = (MimeMultipart) message.getContent();
        String text = null;
        String html = null;
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html")) {
                html = (String) part.getContent();
            }
        }
        return new Parts(message.getContentType(), text, html);
    }

    static List<String> tokens(String body) {
        List<String> found = new ArrayList<>();
        Matcher m = UNSUBSCRIBE.matcher(body);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
