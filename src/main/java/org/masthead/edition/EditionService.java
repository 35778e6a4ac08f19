package org.masthead.edition;

import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.masthead.article.Article;
import org.masthead.article.PublicArticles;
import org.masthead.audit.AuditLog;
import org.masthead.job.Jobs;
import org.masthead.markdown.MarkdownRenderer;
import org.masthead.newsletter.Audience;
import org.masthead.newsletter.NewsletterService;
import org.masthead.search.ArticleSearch;
import org.masthead.search.SearchQuery;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.masthead.web.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Newsletter editions for editors and admins: compose, preview, test, send now or at a time, pause, resume,
 * cancel, follow the progress and read the report. Every method checks the role on the server; every action that
 * sends or stops email is in the audit log.
 */
@Service
public class EditionService {

    private static final Logger log = LoggerFactory.getLogger(EditionService.class);

    /** What the editor typed in the edition's form. */
    public record EditionChanges(
            String subject, String preheader, String introMarkdown, Audience audience, Long sectionId) {}

    /** One of the edition's articles as the admin lists it; {@code publicNow} false when it was unpublished. */
    public record EditionArticle(int position, long id, String title, String slug, boolean publicNow) {}

    /** An article the editor may add: the newest public ones, or those a search finds. */
    public record Candidate(long id, String title, String sectionName, Instant publishedAt) {}

    @Transactional(readOnly = true)
    public List<Candidate> candidates(String query) {
        if (query == null || query.isBlank()) {
            return publicArticles.latestCards(PageRequest.of(0, 10)).stream()
                    .map(a -> new Candidate(
                            a.getId(), a.getTitle(), a.getSection().getName(), a.getPublishedAt()))
                    .toList();
        }
        return search.search(SearchQuery.of(query.strip()), 1).hits().stream()
                .map(h -> new Candidate(h.id(), h.title(), h.sectionName(), h.publishedAt()))
                .toList();
    }

    /** The email as it will be sent (the reader's own links point nowhere in a preview). */
    public record Preview(String html, String text) {}

    /** How far a send has got. {@code etaSeconds} is -1 when unknown. */
    public record Progress(
            long id,
            String state,
            String notice,
            int recipients,
            long queued,
            long sending,
            long sent,
            long failed,
            long skipped,
            long unknown,
            long cancelled,
            long remaining,
            int percent,
            double perSecond,
            long etaSeconds,
            String status,
            String statusText) {}

    /** A recipient the report names: failed, skipped or unknown, with the reason. */
    public record ReportLine(String email, String state, String reason) {}

    /** The edition's report: its progress, the unsubscribes since it went, and the recipients with a problem. */
    public record Report(Progress progress, long unsubscribes, List<ReportLine> problems) {}

    private final EditionRepository editions;
    private final EditionStart start;
    private final EditionRenderer renderer;
    private final EditionSender sender;
    private final MarkdownRenderer markdown;
    private final PublicArticles publicArticles;
    private final ArticleSearch search;
    private final Jobs jobs;
    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final SiteProperties site;
    private final NewsletterService newsletter;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    EditionService(
            EditionRepository editions,
            EditionStart start,
            EditionRenderer renderer,
            EditionSender sender,
            MarkdownRenderer markdown,
            PublicArticles publicArticles,
            ArticleSearch search,
            Jobs jobs,
            JdbcClient jdbc,
            ObjectProvider<JavaMailSender> mailSender,
            SiteProperties site,
            NewsletterService newsletter,
            MessageSource messages,
            AuditLog audit,
            Clock clock) {
        this.editions = editions;
        this.start = start;
        this.renderer = renderer;
        this.sender = sender;
        this.markdown = markdown;
        this.publicArticles = publicArticles;
        this.search = search;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.site = site;
        this.newsletter = newsletter;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<Edition> list(Pageable pageable) {
        return editions.findAll(PageRequest.of(
                pageable.getPageNumber(),
                pageable.getPageSize(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
    }

    /** Whether the journal's postal address is still empty (no edition can be sent until it is set). */
    public boolean postalAddressMissing() {
        return start.postalAddressMissing();
    }

    @Transactional(readOnly = true)
    public Edition get(long id) {
        return find(id);
    }

    /** The edition's articles in order, each with whether it is still public. */
    @Transactional(readOnly = true)
    public List<EditionArticle> articles(long id) {
        Edition edition = find(id);
        List<EditionArticle> list = new ArrayList<>();
        List<Long> ids = edition.getArticleIds();
        for (int i = 0; i < ids.size(); i++) {
            Optional<Article> article = publicArticles.findById(ids.get(i));
            int position = i;
            long articleId = ids.get(i);
            list.add(article.map(a -> new EditionArticle(position, articleId, a.getTitle(), a.getSlug(), true))
                    .orElseGet(() -> new EditionArticle(position, articleId, "#" + articleId, "", false)));
        }
        return list;
    }

    /** A new draft edition, starting with an article when one is given ("send this article"). */
    @Transactional
    public Edition create(Actor by, EditionChanges changes, long accountId, Long articleId) {
        requireManager(by, "create");
        Instant now = clock.instant();
        Edition edition = new Edition(accountId, now);
        revise(edition, changes, now);
        if (articleId != null) {
            requirePublic(articleId);
            edition.addArticle(articleId, now);
        }
        editions.saveAndFlush(edition);
        audit.record(by, "edition.create", subject(edition), "");
        return edition;
    }

    @Transactional
    public Edition update(Actor by, long id, long expectedVersion, EditionChanges changes) {
        requireManager(by, "update");
        Edition edition = editable(id);
        if (edition.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Edition.class, id);
        }
        revise(edition, changes, clock.instant());
        editions.flush();
        return edition;
    }

    @Transactional
    public void addArticle(Actor by, long id, long articleId) {
        requireManager(by, "addArticle");
        Edition edition = editable(id);
        requirePublic(articleId);
        edition.addArticle(articleId, clock.instant());
    }

    @Transactional
    public void moveArticle(Actor by, long id, int position, int steps) {
        requireManager(by, "moveArticle");
        editable(id).moveArticle(position, steps, clock.instant());
    }

    @Transactional
    public void removeArticle(Actor by, long id, int position) {
        requireManager(by, "removeArticle");
        editable(id).removeArticle(position, clock.instant());
    }

    /** The email as it is now (as it was sent, once the send has started). */
    @Transactional(readOnly = true)
    public Preview preview(long id) {
        Edition edition = find(id);
        EditionRenderer.Rendered email = edition.getHtmlBody() != null
                ? new EditionRenderer.Rendered(edition.getHtmlBody(), edition.getTextBody())
                : renderer.render(edition, start.articles(edition, false));
        return new Preview(email.htmlFor("preview"), email.textFor("preview"));
    }

    /**
     * Sends the email to one address (the editor's own). With no SMTP server configured it is written to the
     * log instead. Answers whether it was handed to an SMTP server.
     */
    @Transactional(readOnly = true)
    public boolean testSend(Actor by, long id, String to) {
        requireManager(by, "testSend");
        Edition edition = find(id);
        start.check(edition);
        EditionRenderer.Rendered email = renderer.render(edition, start.articles(edition, true));
        JavaMailSender smtp = mailSender.getIfAvailable();
        boolean sent = false;
        if (smtp == null) {
            log.info(
                    "No SMTP server configured (spring.mail.host): the test email below was not sent.\nTo: {}\n"
                            + "Subject: {}\n\n{}",
                    to,
                    edition.getSubject(),
                    email.textFor(NewsletterService.TEST_TOKEN));
        } else {
            try {
                MimeMessage message = sender.message(
                        smtp.createMimeMessage().getSession(),
                        new EditionSender.Frozen(
                                edition.getId(),
                                edition.getSubject(),
                                email.html(),
                                email.text(),
                                newsletter.sender(),
                                newsletter.replyTo()),
                        to,
                        NewsletterService.TEST_TOKEN);
                smtp.send(message);
                sent = true;
            } catch (MessagingException | UnsupportedEncodingException | MailException ex) {
                throw new EditionRefusedException("newsletter.edition.refused.test-failed", ex.getMessage());
            }
        }
        audit.recordSeparately(by, "edition.test-send", subject(edition), to);
        return sent;
    }

    /** Starts the send now; answers the number of recipients. */
    @Transactional
    public int sendNow(Actor by, long id) {
        requireManager(by, "sendNow");
        Edition edition = editable(id);
        int recipients = start.start(edition);
        audit.record(by, "edition.send", subject(edition), recipients + " recipients");
        return recipients;
    }

    /** Schedules the send for a time in the journal's time zone; a time not in the future is refused. */
    @Transactional
    public Instant schedule(Actor by, long id, LocalDateTime at) {
        requireManager(by, "schedule");
        Edition edition = editable(id);
        if (at == null) {
            throw new EditionRefusedException("newsletter.edition.refused.no-time");
        }
        Instant when = at.atZone(site.timeZone()).toInstant();
        Instant now = clock.instant();
        if (!when.isAfter(now)) {
            throw new EditionRefusedException("newsletter.edition.refused.past");
        }
        start.requireSmtp();
        start.requirePostalAddress();
        start.check(edition);
        edition.schedule(when, now);
        String payload = String.valueOf(id);
        jobs.cancel(EditionStart.TYPE, payload);
        jobs.enqueue(EditionStart.TYPE, payload, when);
        audit.record(by, "edition.schedule", subject(edition), when.toString());
        return when;
    }

    @Transactional
    public void unschedule(Actor by, long id) {
        requireManager(by, "unschedule");
        Edition edition = find(id);
        if (edition.getState() != EditionState.SCHEDULED) {
            throw new EditionRefusedException("newsletter.edition.refused.state");
        }
        edition.unschedule("", clock.instant());
        jobs.cancel(EditionStart.TYPE, String.valueOf(id));
        audit.record(by, "edition.unschedule", subject(edition), "");
    }

    /** Stops handing out emails after the batches in flight; resume goes on where it stopped. */
    @Transactional
    public void pause(Actor by, long id) {
        requireManager(by, "pause");
        Edition edition = find(id);
        if (edition.getState() != EditionState.SENDING) {
            throw new EditionRefusedException("newsletter.edition.refused.state");
        }
        edition.pause(clock.instant());
        audit.record(by, "edition.pause", subject(edition), "");
    }

    @Transactional
    public void resume(Actor by, long id) {
        requireManager(by, "resume");
        Edition edition = find(id);
        if (edition.getState() != EditionState.PAUSED) {
            throw new EditionRefusedException("newsletter.edition.refused.state");
        }
        start.requireSmtp();
        edition.resume(clock.instant());
        start.enqueueSenders(id);
        audit.record(by, "edition.resume", subject(edition), "");
    }

    /**
     * Sends the edition again to the recipients reported unknown (cut off during the hand-off to SMTP: they may
     * or may not have it), and to no one else; answers how many. Only once the send has ended.
     */
    @Transactional
    public int resendUnknown(Actor by, long id) {
        requireManager(by, "resendUnknown");
        Edition edition = find(id);
        if (edition.getState() != EditionState.SENT) {
            throw new EditionRefusedException("newsletter.edition.refused.state");
        }
        start.requireSmtp();
        start.requirePostalAddress();
        int again = jdbc.sql("""
                        update edition_deliveries set state = 'QUEUED', attempts = 0, next_attempt_at = :now,
                               claimed_by = null, claimed_until = null,
                               reason = 'sent again after an unknown outcome: ' || reason
                        where edition_id = :id and state = 'UNKNOWN'""")
                .param("id", id)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (again == 0) {
            throw new EditionRefusedException("newsletter.edition.refused.no-unknown");
        }
        edition.resend(clock.instant());
        start.enqueueSenders(id);
        audit.record(by, "edition.resend-unknown", subject(edition), again + " recipients");
        return again;
    }

    /** Cancels a scheduled edition, or the rest of a send: emails not yet handed to SMTP are not sent. */
    @Transactional
    public void cancel(Actor by, long id) {
        requireManager(by, "cancel");
        Edition edition = find(id);
        EditionState state = edition.getState();
        if (state != EditionState.SENDING && state != EditionState.PAUSED && state != EditionState.SCHEDULED) {
            throw new EditionRefusedException("newsletter.edition.refused.state");
        }
        edition.cancel(clock.instant());
        jobs.cancel(EditionStart.TYPE, String.valueOf(id));
        int cancelled = jdbc.sql("""
                        update edition_deliveries set state = 'CANCELLED', claimed_by = null, claimed_until = null
                        where edition_id = :id and state in ('QUEUED', 'CLAIMED')""").param("id", id).update();
        audit.record(by, "edition.cancel", subject(edition), cancelled + " emails not sent");
    }

    @Transactional(readOnly = true)
    public Progress progress(long id) {
        Edition edition = find(id);
        Instant now = clock.instant();
        record Counts(
                long queued,
                long sending,
                long sent,
                long failed,
                long skipped,
                long unknown,
                long cancelled,
                long lastMinute) {}
        Counts c = jdbc.sql("""
                        select count(*) filter (where state in ('QUEUED', 'CLAIMED')) as queued,
                               count(*) filter (where state = 'SENDING') as sending,
                               count(*) filter (where state = 'SENT') as sent,
                               count(*) filter (where state = 'FAILED') as failed,
                               count(*) filter (where state = 'SKIPPED') as skipped,
                               count(*) filter (where state = 'UNKNOWN') as unknown,
                               count(*) filter (where state = 'CANCELLED') as cancelled,
                               count(*) filter (where state = 'SENT' and sent_at >= :since) as last_minute
                        from edition_deliveries where edition_id = :id""")
                .param("id", id)
                .param("since", Timestamp.from(now.minusSeconds(60)))
                .query((rs, row) -> new Counts(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8)))
                .single();
        record Pruned(long sent, long skipped, long cancelled) {}
        Pruned pruned = jdbc.sql("select pruned_sent, pruned_skipped, pruned_cancelled from editions where id = :id")
                .param("id", id)
                .query((rs, row) -> new Pruned(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
        long remaining = c.queued() + c.sending();
        long total = Math.max(1, edition.getRecipients());
        int percent = edition.getRecipients() == 0 ? 0 : (int) Math.min(100, (total - remaining) * 100 / total);
        double window = 60;
        if (edition.getStartedAt() != null) {
            long running = Duration.between(edition.getStartedAt(), now).toMillis();
            window = Math.max(1, Math.min(60, running / 1000.0));
        }
        double perSecond = edition.getState() == EditionState.SENDING ? c.lastMinute() / window : 0;
        Status status = status(edition, now);
        long eta = perSecond > 0 ? (long) Math.ceil(remaining / perSecond) : (remaining == 0 ? 0 : -1);
        return new Progress(
                id,
                edition.getState().name(),
                edition.getNotice(),
                edition.getRecipients(),
                c.queued(),
                c.sending(),
                c.sent() + pruned.sent(),
                c.failed(),
                c.skipped() + pruned.skipped(),
                c.unknown(),
                c.cancelled() + pruned.cancelled(),
                remaining,
                percent,
                Math.round(perSecond * 10) / 10.0,
                eta,
                status.key(),
                status.key().isEmpty() ? "" : messages.getMessage(status.key(), status.args(), Locale.ENGLISH));
    }

    /** What holds a send up now, as a message key and its arguments; an empty key when nothing does. */
    private record Status(String key, Object... args) {}

    /**
     * What holds a send up, from the state of its outbox and of the nodes: the SMTP server cannot be reached
     * (retrying at the sender's next run), refuses for now (4xx: retrying at the first row's next attempt), or no
     * live node runs its senders.
     */
    private Status status(Edition edition, Instant now) {
        if (edition.getState() != EditionState.SENDING) {
            return new Status("");
        }
        Jobs.Activity activity = jobs.activity(EditionSender.TYPE, String.valueOf(edition.getId()));
        if ("newsletter.edition.notice.smtp-down".equals(edition.getNotice())) {
            return new Status("edition.progress.status.smtp-down", secondsUntil(activity.nextRun(), now));
        }
        record Outbox(long dueNow, long active, Timestamp nextAttempt, String reason) {}
        Outbox outbox = jdbc.sql("""
                        select count(*) filter (where state = 'QUEUED' and next_attempt_at <= :now) as due_now,
                               count(*) filter (where state in ('CLAIMED', 'SENDING')) as active,
                               min(next_attempt_at) filter (where state = 'QUEUED') as next_attempt,
                               (select reason from edition_deliveries r
                                 where r.edition_id = :id and r.state = 'QUEUED' and r.reason <> ''
                                 order by r.next_attempt_at limit 1) as reason
                        from edition_deliveries where edition_id = :id""")
                .param("id", edition.getId())
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Outbox(
                        rs.getLong("due_now"),
                        rs.getLong("active"),
                        rs.getTimestamp("next_attempt"),
                        rs.getString("reason")))
                .single();
        if (outbox.dueNow() == 0 && outbox.active() == 0 && outbox.nextAttempt() != null) {
            return new Status(
                    "edition.progress.status.smtp-refusing",
                    outbox.reason() == null ? "" : outbox.reason(),
                    secondsUntil(outbox.nextAttempt().toInstant(), now));
        }
        boolean overdue = activity.nextRun() != null && activity.nextRun().isBefore(now.minusSeconds(3));
        if (activity.running() == 0 && (activity.liveNodes() == 0 || activity.orphaned() > 0 || overdue)) {
            return new Status("edition.progress.status.waiting-for-node", activity.liveNodes());
        }
        return new Status("");
    }

    private static long secondsUntil(Instant at, Instant now) {
        return at == null ? 0 : Math.max(0, (Duration.between(now, at).toMillis() + 999) / 1000);
    }

    /** The report: delivered, failed with reasons, skipped, unknown, and unsubscribes since the send began. */
    @Transactional(readOnly = true)
    public Report report(long id) {
        Progress progress = progress(id);
        Edition edition = find(id);
        long unsubscribes = edition.getStartedAt() == null
                ? 0
                : jdbc.sql("""
                                select count(*) from edition_deliveries d join subscribers s on s.id = d.subscriber_id
                                where d.edition_id = :id and d.state = 'SENT' and s.unsubscribed_at >= :started""")
                        .param("id", id)
                        .param("started", Timestamp.from(edition.getStartedAt()))
                        .query(Long.class)
                        .single();
        List<ReportLine> problems = jdbc.sql("""
                        select email, state, reason from edition_deliveries
                        where edition_id = :id and state in ('FAILED', 'SKIPPED', 'UNKNOWN')
                        order by state, id limit 1000""")
                .param("id", id)
                .query((rs, row) -> new ReportLine(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        return new Report(progress, unsubscribes, problems);
    }

    private void revise(Edition edition, EditionChanges changes, Instant now) {
        String intro =
                changes.introMarkdown() == null ? "" : changes.introMarkdown().strip();
        edition.revise(
                changes.subject() == null ? "" : changes.subject().strip(),
                changes.preheader() == null ? "" : changes.preheader().strip(),
                intro,
                markdown.render(intro).html(),
                changes.audience() == null ? Audience.ALL : changes.audience(),
                changes.sectionId(),
                now);
    }

    private void requirePublic(long articleId) {
        if (publicArticles.findById(articleId).isEmpty()) {
            throw new EditionRefusedException("newsletter.edition.refused.article-not-public");
        }
    }

    private Edition find(long id) {
        return editions.findById(id).orElseThrow(() -> new EditionNotFoundException(id));
    }

    private Edition editable(long id) {
        Edition edition = find(id);
        if (!edition.getState().isEditable()) {
            throw new EditionRefusedException("newsletter.edition.refused.state");
        }
        return edition;
    }

    private static String subject(Edition edition) {
        return "edition #" + edition.getId() + " " + edition.getSubject();
    }

    private static void requireManager(Actor by, String action) {
        NotAllowedException.require(EditionPermissions.canManage(by), by, action + " editions");
    }
}
