package org.masthead.edition;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.masthead.analytics.EditionLinks;
import org.masthead.article.Article;
import org.masthead.article.PublicArticles;
import org.masthead.audit.AuditLog;
import org.masthead.job.Job;
import org.masthead.job.JobHandler;
import org.masthead.job.JobOutcome;
import org.masthead.job.Jobs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a send: checks the edition, renders its email once, fills the outbox with one {@code insert ... select}
 * of the audience, and enqueues the senders. Called by "Send now", and by the {@code edition.start} job at a
 * scheduled edition's time.
 */
@Component
class EditionStart implements JobHandler {

    static final String TYPE = "edition.start";

    private final EditionRepository editions;
    private final PublicArticles publicArticles;
    private final EditionRenderer renderer;
    private final Jobs jobs;
    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final EditionProperties properties;
    private final EditionSettings.PostalAddress postalAddress;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final EditionLinks links;

    EditionStart(
            EditionRepository editions,
            PublicArticles publicArticles,
            EditionRenderer renderer,
            Jobs jobs,
            JdbcClient jdbc,
            ObjectProvider<JavaMailSender> mailSender,
            EditionProperties properties,
            EditionSettings.PostalAddress postalAddress,
            AuditLog audit,
            PlatformTransactionManager transactions,
            Clock clock,
            EditionLinks links) {
        this.editions = editions;
        this.publicArticles = publicArticles;
        this.renderer = renderer;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.properties = properties;
        this.postalAddress = postalAddress;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.links = links;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** A scheduled edition's time has come. If it can no longer go (an article was unpublished), it returns to draft with a notice. */
    @Override
    public JobOutcome run(Job job) {
        long id = Long.parseLong(job.payload());
        transaction.executeWithoutResult(status -> {
            Optional<Edition> found = editions.findById(id);
            if (found.isEmpty() || found.get().getState() != EditionState.SCHEDULED) {
                return;
            }
            Edition edition = found.get();
            try {
                int recipients = start(edition);
                audit.record(
                        EditionNotices.ACTOR,
                        "edition.send",
                        "edition #" + id,
                        "scheduled send started, " + recipients + " recipients");
            } catch (EditionRefusedException refused) {
                edition.unschedule("newsletter.edition.notice.schedule-failed", clock.instant());
                audit.record(EditionNotices.ACTOR, "edition.unschedule", "edition #" + id, refused.getMessageKey());
            }
        });
        return JobOutcome.done();
    }

    boolean postalAddressMissing() {
        return postalAddress.get().isBlank();
    }

    /** The edition's articles, in order; refused if it cannot be sent as it is. */
    List<Article> check(Edition edition) {
        if (edition.getSubject().isBlank()) {
            throw new EditionRefusedException("newsletter.edition.refused.no-subject");
        }
        if (edition.getArticleIds().isEmpty()) {
            throw new EditionRefusedException("newsletter.edition.refused.no-articles");
        }
        if (edition.getAudience() == org.masthead.newsletter.Audience.SECTION && edition.getSectionId() == null) {
            throw new EditionRefusedException("newsletter.edition.refused.no-section");
        }
        return articles(edition, true);
    }

    /** The edition's public articles, in order; with {@code strict}, one that is no longer public refuses. */
    List<Article> articles(Edition edition, boolean strict) {
        List<Article> found = new ArrayList<>();
        for (Long articleId : edition.getArticleIds()) {
            Optional<Article> article = publicArticles.findById(articleId);
            if (article.isPresent()) {
                found.add(article.get());
            } else if (strict) {
                throw new EditionRefusedException("newsletter.edition.refused.article-gone", articleId);
            }
        }
        return found;
    }

    /** Refuses a send (now or scheduled) while the journal's postal address is empty. */
    void requirePostalAddress() {
        if (postalAddressMissing()) {
            throw new EditionRefusedException("newsletter.edition.refused.no-postal-address");
        }
    }

    void requireSmtp() {
        if (mailSender.getIfAvailable() == null) {
            throw new EditionRefusedException("newsletter.edition.refused.no-smtp");
        }
    }

    /** Starts the send, in the caller's transaction; answers the number of recipients queued. */
    int start(Edition edition) {
        requireSmtp();
        requirePostalAddress();
        List<Article> articles = check(edition);
        EditionRenderer.Rendered rendered = renderer.render(edition, articles);
        // The one place links are made countable: the email as sent has each link through the signed redirect
        // (the reader's own unsubscribe and preference links, with their token, are left as they are).
        EditionRenderer.Rendered email = new EditionRenderer.Rendered(
                links.trackHtml(edition.getId(), rendered.html(), EditionRenderer.TOKEN),
                links.trackText(edition.getId(), rendered.text(), EditionRenderer.TOKEN));
        Instant now = clock.instant();
        edition.start(email.html(), email.text(), now);
        editions.flush();
        int recipients = jdbc.sql("insert into edition_deliveries (edition_id, subscriber_id, email, next_attempt_at)"
                        + " select :edition, r.id, r.email, :now from ("
                        + edition.getAudience().recipientsSql() + ") r")
                .param("edition", edition.getId())
                .param("now", Timestamp.from(now))
                .param("sectionId", edition.getSectionId() == null ? -1L : edition.getSectionId())
                .update();
        edition.counted(recipients);
        jobs.cancel(TYPE, String.valueOf(edition.getId()));
        enqueueSenders(edition.getId());
        return recipients;
    }

    /** Enqueues senders until {@code masthead.newsletter.senders} are waiting or running for the edition. */
    void enqueueSenders(long editionId) {
        String payload = String.valueOf(editionId);
        for (int i = jobs.pending(EditionSender.TYPE, payload); i < properties.senders(); i++) {
            jobs.enqueue(EditionSender.TYPE, payload, clock.instant());
        }
    }
}
