package org.masthead.edition;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.masthead.job.Job;
import org.masthead.job.JobHandler;
import org.masthead.job.JobOutcome;
import org.masthead.job.Jobs;
import org.masthead.newsletter.MailIdentity;
import org.masthead.newsletter.NewsletterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends an edition's outbox: the {@code edition.deliver} job. Several of these jobs (on any nodes) share one
 * edition; each claims small batches of recipients with {@code for update skip locked}, keeps one SMTP connection
 * open, and sends for a slice of time before handing back to the job queue.
 *
 * <p>At most once: a row is committed SENDING before its email is handed to SMTP and SENT after. A row found
 * SENDING once its claim ran out (its node died mid-send) becomes UNKNOWN: it may have gone, so it is never sent
 * again. Temporary failures (4xx) are retried with back-off; permanent ones (5xx) are recorded per recipient and
 * count towards the address's suppression. A recipient who unsubscribed (or was suppressed) after the send began
 * is skipped when their row is claimed. If the SMTP server cannot be reached, the edition waits with a notice and
 * goes on by itself when the server is back.
 */
@Component
class EditionSender implements JobHandler {

    static final String TYPE = "edition.deliver";

    private static final Logger log = LoggerFactory.getLogger(EditionSender.class);

    /** How long one run of the job sends before it hands back to the queue (other jobs, other nodes). */
    private static final Duration SLICE = Duration.ofSeconds(20);

    /** How often a running sender looks for rows left by a sender whose node died. */
    private static final Duration RECOVERY = Duration.ofSeconds(2);

    /** How long a claimed batch is this sender's; past it, rows still CLAIMED go back to the queue. */
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NewsletterService newsletter;
    private final EditionProperties properties;
    private final EditionNotices notices;
    private final MailIdentity identity;
    private final Clock clock;
    private final Jobs jobs;
    private final String node;

    EditionSender(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ObjectProvider<JavaMailSender> mailSender,
            NewsletterService newsletter,
            EditionProperties properties,
            EditionNotices notices,
            MailIdentity identity,
            Jobs jobs,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.mailSender = mailSender;
        this.newsletter = newsletter;
        this.properties = properties;
        this.notices = notices;
        this.identity = identity;
        this.jobs = jobs;
        this.node = jobs.node();
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** A claimed recipient, with their own token. */
    record Recipient(long id, Long subscriberId, String email, int attempts, String token) {}

    /** The frozen email of an edition, with the sender and reply address read once for a run. */
    record Frozen(long editionId, String subject, String html, String text, String from, String replyTo) {}

    @Override
    public JobOutcome run(Job job) throws Exception {
        long editionId = Long.parseLong(job.payload());
        Instant deadline = clock.instant().plus(SLICE);
        recover(editionId);
        JavaMailSender smtp = mailSender.getIfAvailable();
        if (smtp == null) {
            notices.notice(editionId, "newsletter.edition.notice.no-smtp");
            return JobOutcome.again(clock.instant().plus(properties.smtpRetry()));
        }
        Frozen frozen = frozen(editionId);
        Pacer pacer = new Pacer(properties.rate() == 0 ? 0 : (double) properties.rate() / properties.senders());
        Connection connection = new Connection(smtp);
        Handed handed = new Handed();
        Instant nextRecovery = clock.instant().plus(RECOVERY);
        try {
            while (clock.instant().isBefore(deadline)) {
                if (!"SENDING".equals(state(editionId))) {
                    return JobOutcome.done();
                }
                if (!clock.instant().isBefore(nextRecovery)) {
                    recover(editionId); // another sender's node may have died meanwhile
                    nextRecovery = clock.instant().plus(RECOVERY);
                }
                List<Recipient> batch = claim(editionId);
                if (batch.isEmpty()) {
                    return whenNothingToClaim(editionId);
                }
                try {
                    connection.open();
                } catch (MessagingException ex) {
                    release(batch);
                    log.warn("Edition #{}: the SMTP server cannot be reached, waiting: {}", editionId, ex.toString());
                    notices.notice(editionId, "newsletter.edition.notice.smtp-down");
                    return JobOutcome.again(clock.instant().plus(properties.smtpRetry()));
                }
                notices.clear(editionId);
                for (int i = 0; i < batch.size(); i++) {
                    Recipient recipient = batch.get(i);
                    pacer.await();
                    if (!send(connection, frozen, recipient, handed)) {
                        release(batch.subList(i + 1, batch.size()));
                        notices.notice(editionId, "newsletter.edition.notice.smtp-down");
                        return JobOutcome.again(clock.instant().plus(properties.smtpRetry()));
                    }
                }
                handed.record();
            }
            return JobOutcome.again(clock.instant());
        } finally {
            handed.record();
            connection.close();
        }
    }

    /**
     * Sends one email. Answers false when the connection broke during the hand-off: the row is then UNKNOWN, and
     * the rest of the batch waits for the server.
     */
    private boolean send(Connection connection, Frozen frozen, Recipient recipient, Handed handed) {
        MimeMessage message;
        try {
            message = message(connection.session(), frozen, recipient);
        } catch (MessagingException | UnsupportedEncodingException ex) {
            finish(recipient, "FAILED", "could not build the email: " + ex.getMessage(), null);
            return true;
        }
        try {
            connection.open(); // reconnects if the server closed the connection after a failure
        } catch (MessagingException ex) {
            release(List.of(recipient));
            return false;
        }
        if (!handed.recordAndMarkSending(recipient)) {
            return true; // cancelled meanwhile
        }
        try {
            connection.send(message);
            handed.accepted(recipient, clock.instant());
            return true;
        } catch (MessagingException ex) {
            int code = returnCode(ex);
            String reason = reason(code, ex);
            if (code >= 500) {
                transaction.executeWithoutResult(status -> {
                    finish(recipient, "FAILED", reason, null);
                    if (recipient.subscriberId() != null) {
                        newsletter.recordPermanentFailure(recipient.subscriberId(), reason, properties.suppressAfter());
                    }
                });
                return true;
            }
            if (code >= 400) {
                retryLater(recipient, reason);
                return true;
            }
            // No SMTP reply: the connection broke while the email was handed over; it may have gone.
            log.warn("Edition email #{}: connection lost during the hand-off, recorded as unknown", recipient.id());
            finish(recipient, "UNKNOWN", "connection lost during the hand-off to SMTP: " + ex.getMessage(), null);
            connection.close();
            return false;
        }
    }

    private MimeMessage message(Session session, Frozen frozen, Recipient recipient)
            throws MessagingException, UnsupportedEncodingException {
        return message(session, frozen, recipient.email(), recipient.token());
    }

    /** A reader's email: multipart/alternative (text, then HTML), with their own unsubscribe link and headers. */
    MimeMessage message(Session session, Frozen frozen, String to, String token)
            throws MessagingException, UnsupportedEncodingException {
        Recipient recipient = new Recipient(0, null, to, 0, token);
        MimeMessage message = identity.message(session);
        message.setFrom(new InternetAddress(frozen.from()));
        if (!frozen.replyTo().isEmpty()) {
            message.setReplyTo(new InternetAddress[] {new InternetAddress(frozen.replyTo())});
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient.email(), true));
        message.setSubject(frozen.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(java.util.Date.from(clock.instant()));
        String unsubscribeUrl = newsletter.unsubscribeUrl(recipient.token());
        message.addHeader("List-Unsubscribe", newsletter.listUnsubscribeHeader(unsubscribeUrl));
        message.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.addHeader("List-Id", identity.listId());
        boolean test = NewsletterService.TEST_TOKEN.equals(token);
        message.addHeader(
                "Feedback-ID", identity.feedbackId("edition-" + frozen.editionId(), test ? "edition-test" : "edition"));
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(frozen.text().replace(EditionRenderer.TOKEN, recipient.token()), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(frozen.html().replace(EditionRenderer.TOKEN, recipient.token()), "UTF-8", "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** The SMTP reply code in a failure, or 0 when there was none (the connection broke). */
    static int returnCode(Throwable failure) {
        Throwable ex = failure;
        for (int depth = 0; ex != null && depth < 10; depth++) {
            // Angus Mail's SMTPAddressFailedException, SMTPSenderFailedException and SMTPSendFailedException carry the
            // reply code; Angus is only on the runtime class path, so the code is read by name.
            if (ex.getClass().getName().startsWith("org.eclipse.angus.mail.smtp.SMTP")) {
                try {
                    Object code = ex.getClass().getMethod("getReturnCode").invoke(ex);
                    if (code instanceof Integer reply && reply > 0) {
                        return reply;
                    }
                } catch (ReflectiveOperationException notThere) {
                    // not one with a reply code
                }
            }
            Throwable next = ex instanceof MessagingException m && m.getNextException() != null
                    ? m.getNextException()
                    : ex.getCause();
            ex = next == ex ? null : next;
        }
        return 0;
    }

    private static String reason(int code, MessagingException ex) {
        String text = String.valueOf(ex.getMessage()).strip();
        Throwable ex2 = ex.getNextException();
        if (ex2 != null && ex2.getMessage() != null) {
            text = ex2.getMessage().strip();
        }
        String reason = (code > 0 && !text.startsWith(String.valueOf(code)) ? code + " " : "") + text;
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    /**
     * Takes back rows left behind by a dead sender (its claim ran out, or its node is known dead: it missed its
     * heartbeats or stopped): CLAIMED ones go back to the queue, SENDING ones become UNKNOWN.
     */
    void recover(long editionId) {
        Timestamp now = Timestamp.from(clock.instant());
        List<String> holders = jdbc.sql("""
                        select distinct claimed_by from edition_deliveries
                        where edition_id = :edition and state in ('CLAIMED', 'SENDING') and claimed_by <> :node""")
                .param("edition", editionId)
                .param("node", node)
                .query(String.class)
                .list();
        List<String> dead = List.copyOf(jobs.deadNodes(holders));
        List<String> none = List.of("");
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                            update edition_deliveries set state = 'QUEUED', claimed_by = null, claimed_until = null
                            where edition_id = :edition and state = 'CLAIMED'
                              and (claimed_until < :now or claimed_by in (:dead))""")
                    .param("edition", editionId)
                    .param("now", now)
                    .param("dead", dead.isEmpty() ? none : dead)
                    .update();
            jdbc.sql("""
                            update edition_deliveries set state = 'UNKNOWN',
                                   reason = 'the sender stopped during the hand-off to SMTP; it may have been sent'
                            where edition_id = :edition and state = 'SENDING'
                              and (claimed_until < :now or claimed_by in (:dead))""")
                    .param("edition", editionId)
                    .param("now", now)
                    .param("dead", dead.isEmpty() ? none : dead)
                    .update();
        });
    }

    /**
     * Claims the next batch (committed before any email goes), skips recipients who may no longer get it (they
     * unsubscribed or were suppressed since the send began, or their address is not valid), and issues each of
     * the others their own unsubscribe token.
     */
    List<Recipient> claim(long editionId) {
        Instant now = clock.instant();
        long paceMillis = properties.rate() == 0
                ? 0
                : TimeUnit.SECONDS.toMillis(properties.senders()) * properties.batchSize() / properties.rate();
        Timestamp until = Timestamp.from(now.plus(CLAIM).plusMillis(paceMillis));
        return transaction.execute(status -> {
            List<Recipient> claimed = jdbc.sql("""
                            update edition_deliveries d
                               set state = 'CLAIMED', claimed_by = :node, claimed_until = :until
                              from (select id from edition_deliveries
                                    where edition_id = :edition and state = 'QUEUED' and next_attempt_at <= :now
                                    order by id limit :limit
                                    for update skip locked) c
                             where d.id = c.id
                            returning d.id, d.subscriber_id, d.email, d.attempts,
                                      (select s.status from subscribers s where s.id = d.subscriber_id) as status,
                                      (select s.suppressed_at is not null from subscribers s
                                        where s.id = d.subscriber_id) as suppressed""")
                    .param("node", node)
                    .param("until", until)
                    .param("edition", editionId)
                    .param("now", Timestamp.from(now))
                    .param("limit", properties.batchSize())
                    .query((rs, row) -> {
                        long subscriber = rs.getLong("subscriber_id");
                        Long subscriberId = rs.wasNull() ? null : subscriber;
                        String skip = skipReason(
                                subscriberId,
                                rs.getString("email"),
                                rs.getString("status"),
                                rs.getBoolean("suppressed"));
                        return new Recipient(
                                rs.getLong("id"), subscriberId, rs.getString("email"), rs.getInt("attempts"), skip);
                    })
                    .list();
            List<Recipient> sendable = new ArrayList<>();
            for (Recipient r : claimed) {
                if (r.token() != null) {
                    finish(r, "SKIPPED", r.token(), null);
                } else {
                    sendable.add(r);
                }
            }
            Map<Long, String> tokens = newsletter.issueUnsubscribeTokens(
                    sendable.stream().map(Recipient::subscriberId).toList());
            return sendable.stream()
                    .map(r -> new Recipient(
                            r.id(), r.subscriberId(), r.email(), r.attempts(), tokens.get(r.subscriberId())))
                    .sorted((a, b) -> Long.compare(a.id(), b.id()))
                    .toList();
        });
    }

    private static String skipReason(Long subscriberId, String email, String status, boolean suppressed) {
        if (subscriberId == null) {
            return "the subscriber was deleted";
        }
        if (!"CONFIRMED".equals(status)) {
            return "unsubscribed during the send";
        }
        if (suppressed) {
            return "suppressed after repeated permanent failures";
        }
        try {
            new InternetAddress(email, true).validate();
            if (!email.contains("@")) {
                return "not a valid email address";
            }
        } catch (AddressException ex) {
            return "not a valid email address: " + ex.getMessage();
        }
        return null;
    }

    private boolean markSending(Recipient recipient) {
        return jdbc.sql("""
                        update edition_deliveries set state = 'SENDING', attempts = attempts + 1
                        where id = :id and state = 'CLAIMED' and claimed_by = :node""").param("id", recipient.id()).param("node", node).update() == 1;
    }

    /** Ends a row; {@code claimed_by} stays, naming the sender that handled it. */
    private void finish(Recipient recipient, String state, String reason, Instant sentAt) {
        jdbc.sql("""
                        update edition_deliveries set state = :state, reason = :reason, sent_at = :sentAt,
                               claimed_until = null
                        where id = :id""")
                .param("state", state)
                .param("reason", reason)
                .param("sentAt", sentAt == null ? null : Timestamp.from(sentAt))
                .param("id", recipient.id())
                .update();
    }

    private void retryLater(Recipient recipient, String reason) {
        int attempts = recipient.attempts() + 1;
        if (attempts >= properties.maxAttempts()) {
            finish(recipient, "FAILED", "gave up after " + attempts + " temporary failures: " + reason, null);
            return;
        }
        Instant next = clock.instant().plus(properties.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 16)));
        jdbc.sql("""
                        update edition_deliveries set state = 'QUEUED', reason = :reason, next_attempt_at = :next,
                               claimed_by = null, claimed_until = null
                        where id = :id""")
                .param("reason", reason)
                .param("next", Timestamp.from(next))
                .param("id", recipient.id())
                .update();
    }

    /** Puts claimed rows that were not tried back in the queue. */
    private void release(List<Recipient> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update edition_deliveries set state = 'QUEUED', claimed_by = null, claimed_until = null
                        where id in (:ids) and state = 'CLAIMED' and claimed_by = :node""")
                .param("ids", recipients.stream().map(Recipient::id).toList())
                .param("node", node)
                .update();
    }

    /** Nothing to claim now: the send is finished, or waits for retries, or other senders hold the last rows. */
    private JobOutcome whenNothingToClaim(long editionId) {
        Instant now = clock.instant();
        record Left(long active, Timestamp nextRetry) {}
        Left left = jdbc.sql("""
                        select count(*) filter (where state in ('CLAIMED', 'SENDING')) as active,
                               min(next_attempt_at) filter (where state = 'QUEUED') as next_retry
                        from edition_deliveries where edition_id = :edition""")
                .param("edition", editionId)
                .query((rs, row) -> new Left(rs.getLong("active"), rs.getTimestamp("next_retry")))
                .single();
        if (left.active() == 0 && left.nextRetry() == null) {
            notices.finished(editionId);
            return JobOutcome.done();
        }
        Instant again = now.plusSeconds(2);
        if (left.active() == 0) {
            Instant retry = left.nextRetry().toInstant();
            again = retry.isAfter(again) ? retry : again;
        }
        return JobOutcome.again(again);
    }

    private String state(long editionId) {
        return jdbc.sql("select state from editions where id = :id")
                .param("id", editionId)
                .query(String.class)
                .optional()
                .orElse("");
    }

    private Frozen frozen(long editionId) {
        String from = newsletter.sender();
        String replyTo = newsletter.replyTo();
        return jdbc.sql("select subject, html_body, text_body from editions where id = :id")
                .param("id", editionId)
                .query((rs, row) ->
                        new Frozen(editionId, rs.getString(1), rs.getString(2), rs.getString(3), from, replyTo))
                .single();
    }

    /**
     * The email last accepted by the SMTP server, not yet recorded SENT. Its SENT is committed together with the
     * next row's SENDING (one commit per email instead of two), and at the end of every batch; until then the row
     * reads SENDING, so a crash in between reports it unknown and it is never sent again.
     */
    final class Handed {

        private Recipient recipient;
        private Instant at;

        void accepted(Recipient sent, Instant when) {
            this.recipient = sent;
            this.at = when;
        }

        /** Commits the last accepted email as SENT. */
        void record() {
            if (recipient != null) {
                finish(recipient, "SENT", "", at);
                recipient = null;
            }
        }

        /** Commits the last accepted email as SENT and the next one as SENDING, in one transaction. */
        boolean recordAndMarkSending(Recipient next) {
            if (recipient == null) {
                return markSending(next);
            }
            Boolean marked = transaction.execute(status -> {
                record();
                return markSending(next);
            });
            return Boolean.TRUE.equals(marked);
        }
    }

    /** Spaces emails evenly at a rate (emails per second; 0: no limit). */
    static final class Pacer {

        private final long intervalNanos;
        private long next = System.nanoTime();

        Pacer(double perSecond) {
            this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
        }

        void await() {
            if (intervalNanos == 0) {
                return;
            }
            long now = System.nanoTime();
            if (next > now) {
                try {
                    TimeUnit.NANOSECONDS.sleep(next - now);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
            next = Math.max(next, now) + intervalNanos;
        }
    }

    /**
     * One SMTP connection kept open across a run's batches (Spring's {@code JavaMailSender.send} opens one per
     * email). Any other {@code JavaMailSender} sends message by message.
     */
    static final class Connection {

        private final JavaMailSender sender;
        private Transport transport;

        Connection(JavaMailSender sender) {
            this.sender = sender;
        }

        Session session() {
            return sender instanceof JavaMailSenderImpl impl
                    ? impl.getSession()
                    : Session.getInstance(new java.util.Properties());
        }

        void open() throws MessagingException {
            if (!(sender instanceof JavaMailSenderImpl impl) || (transport != null && transport.isConnected())) {
                return;
            }
            close();
            Transport opened = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
            opened.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
            transport = opened;
        }

        void send(MimeMessage message) throws MessagingException {
            if (transport == null) {
                try {
                    sender.send(message);
                } catch (org.springframework.mail.MailException ex) {
                    throw new MessagingException(ex.getMessage(), ex);
                }
                return;
            }
            if (!transport.isConnected()) {
                throw new MessagingException("the SMTP connection is closed");
            }
            transport.sendMessage(message, message.getAllRecipients());
        }

        void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ex) {
                    // closing a broken connection: nothing to keep
                }
                transport = null;
            }
        }
    }
}
