package org.masthead.article;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.masthead.newsletter.MailIdentity;
import org.masthead.security.Actor;
import org.masthead.security.StaffUser;
import org.masthead.web.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells contributors what happened to their pieces: returned to draft with an editor's note, or published (now, or
 * by the scheduler at its time). The contributors concerned are the contributor accounts that created the piece or
 * sign it through their author profile, never the member who made the move. Each is told on their dashboard (a
 * notice kept until they dismiss it) and by one e-mail, sent once the move is committed through the journal's
 * SMTP server ({@code spring.mail.host}; without one, written to the log).
 */
@Service
@Transactional
public class ContributorNotices {

    /** What happened to the piece. */
    public enum Kind {
        RETURNED,
        PUBLISHED
    }

    /** A notice on a contributor's dashboard. */
    public record Notice(long id, long articleId, String title, Kind kind, String note, String by, Instant at) {}

    /** How many notices the dashboard shows at most; older ones wait until newer ones are dismissed. */
    public static final int SHOWN = 20;

    private static final Logger log = LoggerFactory.getLogger(ContributorNotices.class);

    private record Recipient(long accountId, String email) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> mail;
    private final MailIdentity identity;
    private final SiteProperties site;
    private final String from;

    ContributorNotices(
            JdbcTemplate jdbc,
            Clock clock,
            ObjectProvider<JavaMailSender> mail,
            MailIdentity identity,
            SiteProperties site,
            @Value("${masthead.newsletter.from:masthead@localhost}") String from) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mail = mail;
        this.identity = identity;
        this.site = site;
        this.from = from;
    }

    /** The piece went back to draft with {@code note}: its contributors are told, in the move's transaction. */
    void returned(Article article, String note, Actor by) {
        String text = note == null ? "" : note.strip();
        String editor = by.label();
        tell(
                article,
                Kind.RETURNED,
                text,
                by,
                "Returned to you: " + oneLine(article.getTitle()),
                editor + " returned your piece \u201c" + article.getTitle() + "\u201d to draft"
                        + (text.isEmpty() ? ".\n" : " with this note:\n\n" + text + "\n")
                        + "\nOpen it in the newsroom: " + site.absolute("/admin/articles/" + article.getId()) + "\n");
    }

    /** The piece is published: its contributors are told, in the move's transaction. */
    void published(Article article, Actor by) {
        tell(
                article,
                Kind.PUBLISHED,
                "",
                by,
                "Published: " + oneLine(article.getTitle()),
                "Your piece \u201c" + article.getTitle() + "\u201d is published: "
                        + site.absolute("/articles/" + article.getSlug()) + "\n\nIn the newsroom: "
                        + site.absolute("/admin/articles/" + article.getId()) + "\n");
    }

    /** The signed-in member's notices not dismissed yet, newest first. */
    @Transactional(readOnly = true)
    public List<Notice> forMember(StaffUser me) {
        return jdbc.query(
                """
                select n.id, n.article_id, a.title, n.kind, n.note, n.by_label, n.created_at
                from contributor_notices n join articles a on a.id = n.article_id
                where n.account_id = ? and n.dismissed_at is null
                order by n.created_at desc, n.id desc
                limit ?""",
                (rs, row) -> new Notice(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        Kind.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()),
                me.getAccountId(),
                SHOWN);
    }

    /** Dismisses one of the member's own notices; another member's is left alone. */
    public void dismiss(long id, StaffUser me) {
        jdbc.update(
                "update contributor_notices set dismissed_at = ? where id = ? and account_id = ? and dismissed_at is null",
                Timestamp.from(clock.instant()),
                id,
                me.getAccountId());
    }

    /** Dismisses all the member's notices. */
    public void dismissAll(StaffUser me) {
        jdbc.update(
                "update contributor_notices set dismissed_at = ? where account_id = ? and dismissed_at is null",
                Timestamp.from(clock.instant()),
                me.getAccountId());
    }

    private void tell(Article article, Kind kind, String note, Actor by, String subject, String text) {
        Long actor = by.staff().map(StaffUser::getAccountId).orElse(null);
        List<Recipient> recipients = jdbc.query(
                """
                select c.id, c.email from accounts c
                where c.enabled and c.role = 'CONTRIBUTOR' and c.id is distinct from ?
                  and (c.id = ? or c.id in (select au.account_id from article_authors aa
                                            join authors au on au.id = aa.author_id
                                            where aa.article_id = ? and au.account_id is not null))
                order by c.id""",
                (rs, row) -> new Recipient(rs.getLong(1), rs.getString(2)),
                actor,
                article.getCreatedBy(),
                article.getId());
        if (recipients.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (Recipient recipient : recipients) {
            jdbc.update(
                    "insert into contributor_notices (account_id, article_id, kind, note, by_label, created_at) "
                            + "values (?, ?, ?, ?, ?, ?)",
                    recipient.accountId(),
                    article.getId(),
                    kind.name(),
                    note,
                    by.label(),
                    now);
        }
        Runnable send = () -> recipients.forEach(recipient -> send(recipient.email(), subject, text));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    private void send(String to, String subject, String text) {
        JavaMailSender smtp = mail.getIfAvailable();
        if (smtp == null) {
            log.info(
                    "No SMTP server configured (spring.mail.host): not sent.\nTo: {}\nSubject: {}\n\n{}",
                    to,
                    subject,
                    text);
            return;
        }
        try {
            MimeMessage message = identity.message(smtp.createMimeMessage().getSession());
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, false);
            smtp.send(message);
        } catch (MessagingException | MailException ex) {
            // the notice waits on the dashboard either way
            log.error("Could not send the e-mail \"{}\" to a contributor: {}", subject, ex.getMessage());
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
