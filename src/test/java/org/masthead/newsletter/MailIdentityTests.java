package org.masthead.newsletter;

import java.net.URI;
import java.time.ZoneId;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.masthead.web.SiteProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal's e-mails are named on its own domain, whatever the machine that sends them is called. */
class MailIdentityTests {

    private final MailIdentity identity = new MailIdentity(new SiteProperties(
            "The \"Harbour\" Quarterly", URI.create("https://Review.Example.org/journal/"), ZoneId.of("UTC")));

    @Test
    void theMessageIdIsOnTheSitesDomain() throws Exception {
        MimeMessage message = identity.message(Session.getInstance(new Properties()));
        message.setText("Hello");
        message.saveChanges();
        assertThat(message.getMessageID()).matches("<[0-9a-f-]{36}@review\\.example\\.org>");
    }

    @Test
    void theListIdNamesTheJournalAndTheFeedbackIdTheKindOfMail() {
        assertThat(identity.listId()).isEqualTo("\"The \\\"Harbour\\\" Quarterly\" <newsletter.review.example.org>");
        assertThat(identity.feedbackId("edition-42", "Edition Test"))
                .isEqualTo("edition-42:edition-test:review.example.org");
    }
}
