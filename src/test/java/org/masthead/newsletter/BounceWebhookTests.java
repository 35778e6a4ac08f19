package org.masthead.newsletter;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Bounces and complaints through the providers' webhooks, with payloads shaped as Mailgun and Postmark send them:
 * signatures and credentials checked, permanent bounces and complaints suppressing the address, other events
 * acknowledged and ignored. The secrets are the test profile's.
 */
@IntegrationTest
class BounceWebhookTests {

    static final String MAILGUN_KEY = "key-test-mailgun-signing";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    String subscriber() {
        String email = TestContent.unique("bounce") + "@example.org";
        // all_editions false: a confirmed reader of no edition, so no other test's send reaches this address
        jdbc.sql("""
                        insert into subscribers (email, status, consented_at, confirmed_at, created_at, updated_at,
                                                 all_editions)
                        values (:email, 'CONFIRMED', now(), now(), now(), now(), false)""").param("email", email).update();
        return email;
    }

    boolean suppressed(String email) {
        return jdbc.sql("select suppressed_at is not null from subscribers where email = :email")
                .param("email", email)
                .query(Boolean.class)
                .single();
    }

    String status(String email) {
        return jdbc.sql("select status from subscribers where email = :email")
                .param("email", email)
                .query(String.class)
                .single();
    }

    static String hmac(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    /** A Mailgun webhook body (its "signature" and "event-data" objects), signed with {@code key}. */
    String mailgun(String key, long timestamp, String eventData) throws Exception {
        String token = "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0";
        String signature = hmac(key, timestamp + token);
        return """
                {"signature": {"timestamp": "%d", "token": "%s", "signature": "%s"},
                 "event-data": %s}""".formatted(timestamp, token, signature, eventData);
    }

    static String mailgunFailed(String recipient, String severity) {
        return """
                {"event": "failed", "id": "G9Bn5sl1TC6nu79C8C0bwg", "timestamp": 1521233195.375624,
                 "log-level": "error", "severity": "%s", "reason": "bounce", "recipient": "%s",
                 "recipient-domain": "example.org",
                 "delivery-status": {"attempt-no": 1, "message": "", "code": 550,
                                     "description": "5.1.1 The email account that you tried to reach does not exist",
                                     "session-seconds": 0.1},
                 "message": {"headers": {"to": "%s", "message-id": "20130503182626.18666.16540@example.org",
                                         "from": "news@example.org", "subject": "This week"},
                             "attachments": [], "size": 111},
                 "flags": {"is-routed": false, "is-authenticated": true, "is-system-test": false,
                           "is-test-mode": false}}""".formatted(severity, recipient, recipient);
    }

    MockHttpServletResponse postMailgun(String body) throws Exception {
        return mvc.perform(post("/newsletter/webhooks/mailgun")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
    }

    @Test
    void mailgunsSignedPermanentFailureSuppressesTheAddressAndABadSignatureOrAReplayIsRefused() throws Exception {
        long now = clock.instant().getEpochSecond();
        String forged = subscriber();
        MockHttpServletResponse wrongKey = postMailgun(mailgun("not-the-key", now, mailgunFailed(forged, "permanent")));
        assertThat(wrongKey.getStatus()).isEqualTo(401);
        assertThat(wrongKey.getContentType()).startsWith("application/problem+json");
        assertThat(suppressed(forged)).isFalse();
        String tampered = mailgun(MAILGUN_KEY, now, mailgunFailed(forged, "permanent"))
                .replace("\"timestamp\": \"" + now + "\"", "\"timestamp\": \"" + (now + 1) + "\"");
        assertThat(postMailgun(tampered).getStatus()).isEqualTo(401);
        assertThat(postMailgun(mailgun(MAILGUN_KEY, now - 3600, mailgunFailed(forged, "permanent")))
                        .getStatus())
                .as("an hour-old request is a replay")
                .isEqualTo(401);
        assertThat(suppressed(forged)).isFalse();

        String temporary = subscriber();
        assertThat(postMailgun(mailgun(MAILGUN_KEY, now, mailgunFailed(temporary, "temporary")))
                        .getStatus())
                .isEqualTo(200);
        assertThat(suppressed(temporary))
                .as("a temporary failure is not a bounce")
                .isFalse();

        String bounced = subscriber();
        assertThat(postMailgun(mailgun(MAILGUN_KEY, now, mailgunFailed(bounced.toUpperCase(), "permanent")))
                        .getStatus())
                .isEqualTo(200);
        assertThat(suppressed(bounced)).isTrue();
        assertThat(status(bounced)).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("select last_failure from subscribers where email = :email")
                        .param("email", bounced)
                        .query(String.class)
                        .single())
                .contains("Mailgun bounce", "550");
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'subscriber.bounce' and subject = :s")
                        .param("s", "subscriber " + bounced)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        assertThat(postMailgun("{not json").getStatus()).isEqualTo(400);
    }

    @Test
    void aMailgunComplaintSuppressesAndUnsubscribes() throws Exception {
        String reader = subscriber();
        String complained = """
                {"event": "complained", "id": "-Agny091SquKnsrW2NEKUA", "timestamp": 1521233123.501324,
                 "log-level": "warn", "recipient": "%s", "tags": [], "campaigns": [], "user-variables": {},
                 "flags": {"is-test-mode": false},
                 "message": {"headers": {"to": "%s", "message-id": "20110215055645.25246.63817@example.org",
                                         "from": "news@example.org", "subject": "This week"},
                             "attachments": [], "size": 111}}""".formatted(reader, reader);
        assertThat(postMailgun(mailgun(MAILGUN_KEY, clock.instant().getEpochSecond(), complained))
                        .getStatus())
                .isEqualTo(200);
        assertThat(suppressed(reader)).isTrue();
        assertThat(status(reader)).isEqualTo("UNSUBSCRIBED");
    }

    static String postmarkBounce(String email, String type, int typeCode) {
        return """
                {"RecordType": "Bounce", "MessageStream": "outbound", "ID": 4323372036854775807,
                 "Type": "%s", "TypeCode": %d, "Name": "Hard bounce", "Tag": "Test",
                 "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483", "Metadata": {"a_key": "a_value"},
                 "ServerID": 23,
                 "Description": "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
                 "Details": "Test bounce details", "Email": "%s", "From": "news@example.org",
                 "BouncedAt": "2019-11-05T16:33:54.9070259Z", "DumpAvailable": true, "Inactive": true,
                 "CanActivate": true, "Subject": "This week", "Content": "Return-Path:<>"}""".formatted(type, typeCode, email);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    MockHttpServletResponse postPostmark(String path, String authorization, String body) throws Exception {
        var request = post(path).contentType(MediaType.APPLICATION_JSON).content(body);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void postmarksHardBouncesAndComplaintsSuppressWithBasicAuthOrTheUrlsSecret() throws Exception {
        String hard = subscriber();
        String body = postmarkBounce(hard, "HardBounce", 1);
        assertThat(postPostmark("/newsletter/webhooks/postmark", null, body).getStatus())
                .isEqualTo(401);
        assertThat(postPostmark("/newsletter/webhooks/postmark", basic("postmark", "wrong"), body)
                        .getStatus())
                .isEqualTo(401);
        assertThat(postPostmark("/newsletter/webhooks/postmark/wrong-secret", null, body)
                        .getStatus())
                .isEqualTo(401);
        assertThat(suppressed(hard)).isFalse();

        assertThat(postPostmark("/newsletter/webhooks/postmark", basic("postmark", "test-postmark-password"), body)
                        .getStatus())
                .isEqualTo(200);
        assertThat(suppressed(hard)).isTrue();

        String soft = subscriber();
        assertThat(postPostmark(
                                "/newsletter/webhooks/postmark/test-postmark-url-secret",
                                null,
                                postmarkBounce(soft, "SoftBounce", 4096))
                        .getStatus())
                .isEqualTo(200);
        assertThat(suppressed(soft)).as("a soft bounce is not permanent").isFalse();

        String complaining = subscriber();
        String complaint = """
                {"RecordType": "SpamComplaint", "MessageStream": "outbound", "ID": 42, "Type": "SpamComplaint",
                 "TypeCode": 512, "Name": "Spam complaint", "Tag": "Test",
                 "MessageID": "00000000-0000-0000-0000-000000000000", "ServerID": 1234,
                 "Description": "The subscriber explicitly marked this message as spam.",
                 "Details": "Test spam complaint details", "Email": "%s", "From": "news@example.org",
                 "BouncedAt": "2019-11-05T16:33:54.9070259Z", "DumpAvailable": true, "Inactive": true,
                 "CanActivate": false, "Subject": "This week"}""".formatted(complaining);
        assertThat(postPostmark("/newsletter/webhooks/postmark/test-postmark-url-secret", null, complaint)
                        .getStatus())
                .isEqualTo(200);
        assertThat(suppressed(complaining)).isTrue();
        assertThat(status(complaining)).isEqualTo("UNSUBSCRIBED");
    }

    long sentEdition(Instant at, String... recipients) {
        long edition = jdbc.sql("""
                        insert into editions (subject, state, started_at, finished_at, recipients, created_at, updated_at)
                        values ('Bounce test', 'SENT', :at, :at, :n, :at, :at) returning id""")
                .param("at", Timestamp.from(at))
                .param("n", recipients.length)
                .query(Long.class)
                .single();
        for (String email : recipients) {
            jdbc.sql("""
                            insert into edition_deliveries (edition_id, subscriber_id, email, state, next_attempt_at, sent_at)
                            values (:edition, (select id from subscribers where email = :email), :email, 'SENT', :at, :at)""")
                    .param("edition", edition)
                    .param("email", email)
                    .param("at", Timestamp.from(at))
                    .update();
        }
        return edition;
    }

    int count(long edition, String column) {
        return jdbc.sql("select " + column + " from editions where id = :id")
                .param("id", edition)
                .query(Integer.class)
                .single();
    }

    @Test
    void aBounceOrComplaintIsCountedAgainstTheEditionTheAddressLastReceived() throws Exception {
        String bounced = subscriber();
        String complaining = subscriber();
        Instant now = clock.instant();
        long older = sentEdition(now.minus(Duration.ofDays(8)), bounced, complaining);
        long latest = sentEdition(now.minus(Duration.ofHours(2)), bounced, complaining);

        assertThat(postMailgun(mailgun(MAILGUN_KEY, now.getEpochSecond(), mailgunFailed(bounced, "permanent")))
                        .getStatus())
                .isEqualTo(200);
        String complaint = """
                {"RecordType": "SpamComplaint", "MessageStream": "outbound", "ID": 43, "Type": "SpamComplaint",
                 "TypeCode": 512, "Email": "%s", "From": "news@example.org", "Subject": "This week"}""".formatted(complaining);
        assertThat(postPostmark("/newsletter/webhooks/postmark/test-postmark-url-secret", null, complaint)
                        .getStatus())
                .isEqualTo(200);

        assertThat(count(latest, "bounces")).isEqualTo(1);
        assertThat(count(latest, "complaints")).isEqualTo(1);
        assertThat(count(older, "bounces") + count(older, "complaints")).isZero();

        // an address that received no edition counts against none, and is still suppressed
        String never = subscriber();
        assertThat(postMailgun(mailgun(MAILGUN_KEY, now.getEpochSecond(), mailgunFailed(never, "permanent")))
                        .getStatus())
                .isEqualTo(200);
        assertThat(suppressed(never)).isTrue();
        assertThat(count(latest, "bounces")).isEqualTo(1);
    }
}
