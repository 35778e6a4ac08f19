package org.masthead.newsletter;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.masthead.audit.AuditLog;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.masthead.security.SecretToken;
import org.masthead.throttle.Throttle;
import org.masthead.throttle.ThrottleRule;
import org.masthead.web.SiteProperties;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Double opt-in signup. A request records consent and emails a single-use confirmation link (the token itself
 * only in the email; its SHA-256 in the database); confirming and unsubscribing are POSTs behind those links.
 * The reader's page never says whether the address was already known. Signups are rate-limited per address and
 * per IP address in PostgreSQL (so every app node sees the same counts). Emails go out after the commit.
 */
@Service
public class NewsletterService {

    /** What a signup request came to. The same ACCEPTED whether or not the address was known. */
    public enum SignupOutcome {
        ACCEPTED,
        RATE_LIMITED
    }

    /** What an emailed link is worth now. */
    public enum TokenState {
        VALID,
        UNKNOWN,
        USED,
        EXPIRED
    }

    private final SubscriberRepository subscribers;
    private final SubscriberTokenRepository tokens;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final NewsletterMail mail;
    private final NewsletterAddresses addresses;
    private final NewsletterProperties properties;
    private final SiteProperties site;
    private final MessageSource messages;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Throttle throttle;
    private final ThrottleRule perAddress;
    private final ThrottleRule perIp;
    private final Clock clock;

    NewsletterService(
            SubscriberRepository subscribers,
            SubscriberTokenRepository tokens,
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            NewsletterMail mail,
            NewsletterAddresses addresses,
            NewsletterProperties properties,
            SiteProperties site,
            MessageSource messages,
            AuditLog audit,
            TransactionTemplate transaction,
            Throttle throttle,
            Clock clock) {
        this.subscribers = subscribers;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.mail = mail;
        this.addresses = addresses;
        this.properties = properties;
        this.site = site;
        this.messages = messages;
        this.audit = audit;
        this.transaction = transaction;
        this.throttle = throttle;
        this.perAddress = new ThrottleRule(
                "newsletter.address", properties.maxPerAddress(), properties.rateWindow(), properties.rateWindow());
        this.perIp = new ThrottleRule(
                "newsletter.ip", properties.maxPerIp(), properties.rateWindow(), properties.rateWindow());
        this.clock = clock;
    }

    /**
     * A reader asked to subscribe (the address already validated). New, pending and unsubscribed addresses get a
     * confirmation email; a confirmed one gets a note that it is already subscribed, with an unsubscribe link.
     */
    public SignupOutcome signUp(String email, String source, String sectionSlug, String ip) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        OutgoingMail outgoing;
        try {
            outgoing = transaction.execute(status -> {
                Instant now = clock.instant();
                if (!throttle.tryAcquire(perAddress.of(address), perIp.of(limit(ip)))) {
                    return null;
                }
                Subscriber subscriber = subscribers
                        .findByEmail(address)
                        .orElseGet(() -> subscribers.save(new Subscriber(address, now)));
                String unsubscribeToken = issue(
                        subscriber, SubscriberToken.Purpose.UNSUBSCRIBE, now.plus(properties.unsubscribeValidity()));
                if (subscriber.getStatus() == SubscriberStatus.CONFIRMED) {
                    return message(
                            address,
                            "newsletter.mail.already.subject",
                            "newsletter.mail.already.body",
                            null,
                            unsubscribeToken);
                }
                subscriber.requested(limit(source), limit(sectionSlug), limit(ip), now);
                subscribers.flush();
                String confirmToken =
                        issue(subscriber, SubscriberToken.Purpose.CONFIRM, now.plus(properties.confirmValidity()));
                return message(
                        address,
                        "newsletter.mail.confirm.subject",
                        "newsletter.mail.confirm.body",
                        confirmToken,
                        unsubscribeToken);
            });
        } catch (DataIntegrityViolationException ex) {
            // The same address signing up twice at the same instant: the other request sends the email.
            return SignupOutcome.ACCEPTED;
        }
        if (outgoing == null) {
            return SignupOutcome.RATE_LIMITED;
        }
        mail.send(outgoing);
        return SignupOutcome.ACCEPTED;
    }

    /** Whether a confirmation link may still be used (GET shows the Confirm button; it changes nothing). */
    public TokenState checkConfirm(String token) {
        return check(token, SubscriberToken.Purpose.CONFIRM);
    }

    public TokenState checkUnsubscribe(String token) {
        return check(token, SubscriberToken.Purpose.UNSUBSCRIBE);
    }

    /** The Confirm button: activates the subscription and spends the link. */
    public TokenState confirm(String token) {
        return spend(token, SubscriberToken.Purpose.CONFIRM);
    }

    /** The Unsubscribe button, or a one-click POST from the mail client (RFC 8058). */
    public TokenState unsubscribe(String token) {
        return spend(token, SubscriberToken.Purpose.UNSUBSCRIBE);
    }

    /** Subscribers, newest first, for the admin list. */
    public Page<Subscriber> list(Actor by, Pageable pageable) {
        NotAllowedException.require(NewsletterPermissions.canReadSubscribers(by), by, "list subscribers");
        return transaction.execute(status -> subscribers.findAll(PageRequest.of(
                pageable.getPageNumber(),
                pageable.getPageSize(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))));
    }

    /** Every subscriber, for the CSV export; the export itself is audited (it hands out personal data). */
    public List<Subscriber> export(Actor by) {
        NotAllowedException.require(NewsletterPermissions.canReadSubscribers(by), by, "export subscribers");
        return transaction.execute(status -> {
            List<Subscriber> all = subscribers.findAll(Sort.by("createdAt", "id"));
            audit.record(by, "subscribers.export", "subscribers", all.size() + " rows");
            return all;
        });
    }

    /** What a reader chose, behind the token of an emailed link. */
    public record Preferences(String email, boolean allEditions, boolean digest, Set<Long> sectionIds) {}

    /** The reader's choices, if the emailed link (an unsubscribe token) still works. */
    @Transactional(readOnly = true)
    public Optional<Preferences> preferences(String token) {
        return find(token, SubscriberToken.Purpose.UNSUBSCRIBE)
                .filter(link -> state(link) == TokenState.VALID)
                .map(SubscriberToken::getSubscriber)
                .map(s -> new Preferences(s.getEmail(), s.isAllEditions(), s.isDigest(), s.getSectionIds()));
    }

    /** Saves what the reader chose on the preferences page; the link stays usable. */
    public TokenState choose(String token, boolean allEditions, boolean digest, Set<Long> sectionIds) {
        return transaction.execute(status -> {
            Optional<SubscriberToken> found = find(token, SubscriberToken.Purpose.UNSUBSCRIBE);
            if (found.isEmpty()) {
                return TokenState.UNKNOWN;
            }
            TokenState state = state(found.get());
            if (state == TokenState.VALID) {
                found.get().getSubscriber().choose(allEditions, digest, sectionIds, clock.instant());
            }
            return state;
        });
    }

    /**
     * Issues each subscriber's own unsubscribe token for an edition's emails (one batch insert, in the caller's
     * transaction); the token also opens the preferences page. Answers the tokens by subscriber id.
     */
    public Map<Long, String> issueUnsubscribeTokens(Collection<Long> subscriberIds) {
        Map<Long, String> issued = new LinkedHashMap<>();
        if (subscriberIds.isEmpty()) {
            return issued;
        }
        Instant now = clock.instant();
        Timestamp created = Timestamp.from(now);
        Timestamp expires = Timestamp.from(now.plus(properties.unsubscribeValidity()));
        List<Object[]> rows = new ArrayList<>();
        for (Long id : subscriberIds) {
            SecretToken token = SecretToken.generate();
            issued.put(id, token.value());
            rows.add(new Object[] {id, "UNSUBSCRIBE", token.hash(), created, expires});
        }
        jdbcTemplate.batchUpdate(
                "insert into subscriber_tokens (subscriber_id, purpose, token_hash, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?)",
                rows);
        return issued;
    }

    /**
     * A permanent delivery failure (an SMTP 5xx) for this subscriber; the address is suppressed once it has failed
     * {@code suppressAfter} times. Runs in the caller's transaction.
     */
    public void recordPermanentFailure(long subscriberId, String reason, int suppressAfter) {
        jdbc.sql("""
                        update subscribers set permanent_failures = permanent_failures + 1, last_failure = :reason,
                               suppressed_at = case when permanent_failures + 1 >= :limit and suppressed_at is null
                                                    then :now else suppressed_at end
                        where id = :id""")
                .param("reason", limit(reason))
                .param("limit", suppressAfter)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", subscriberId)
                .update();
    }

    /** What a provider reported about an address after sending. */
    public enum Feedback {
        /** A permanent bounce: the address does not take mail. */
        BOUNCE,
        /** The reader marked the e-mail as spam. */
        COMPLAINT
    }

    /**
     * A bounce or complaint a provider reported (its webhook): the address is suppressed (it gets no more
     * editions); a complaint also unsubscribes it. Answers whether the address is a subscriber's. Audited.
     */
    public boolean feedback(String email, Feedback kind, String reason, String provider) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.isEmpty()) {
            return false;
        }
        return Boolean.TRUE.equals(transaction.execute(status -> {
            Instant now = clock.instant();
            String why = limit(provider + " " + (kind == Feedback.BOUNCE ? "bounce" : "complaint") + ": " + reason);
            int changed = jdbc.sql("""
                            update subscribers set suppressed_at = coalesce(suppressed_at, :now), last_failure = :why,
                                   permanent_failures = permanent_failures + case when :bounce then 1 else 0 end,
                                   status = case when :complaint then 'UNSUBSCRIBED' else status end,
                                   unsubscribed_at = case when :complaint and status <> 'UNSUBSCRIBED' then :now
                                                          else unsubscribed_at end,
                                   updated_at = :now
                            where email = :email""")
                    .param("now", Timestamp.from(now))
                    .param("why", why)
                    .param("bounce", kind == Feedback.BOUNCE)
                    .param("complaint", kind == Feedback.COMPLAINT)
                    .param("email", address)
                    .update();
            if (changed > 0) {
                countAgainstLastEdition(address, kind, now);
                audit.record(
                        Actor.system(provider.toLowerCase(Locale.ROOT) + "-webhook"),
                        kind == Feedback.BOUNCE ? "subscriber.bounce" : "subscriber.complaint",
                        "subscriber " + address,
                        why);
            }
            return changed > 0;
        }));
    }

    /** How long after a send a bounce or complaint is still counted against the edition. */
    static final java.time.Duration FEEDBACK_WINDOW = java.time.Duration.ofDays(30);

    /**
     * Counts a bounce or complaint against the edition the address was last handed in the last
     * {@link #FEEDBACK_WINDOW} (the provider's report names the address, not the edition); none, if it got none.
     */
    private void countAgainstLastEdition(String address, Feedback kind, Instant now) {
        jdbc.sql(("""
                        update editions set %s = %s + 1
                        where id = (select d.edition_id from edition_deliveries d
                                    where d.email = :email and d.state = 'SENT' and d.sent_at >= :since
                                    order by d.sent_at desc limit 1)""")
                        .formatted(
                                kind == Feedback.BOUNCE ? "bounces" : "complaints",
                                kind == Feedback.BOUNCE ? "bounces" : "complaints"))
                .param("email", address)
                .param("since", Timestamp.from(now.minus(FEEDBACK_WINDOW)))
                .update();
    }

    /**
     * Deletes reader tokens used, or expired, before {@code before} (an old link then answers "unknown", as an
     * expired one would); answers how many. A subscriber's consent and status stay on the subscriber.
     */
    public int pruneTokens(Instant before) {
        return jdbc.sql("delete from subscriber_tokens where used_at < :before or expires_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    /**
     * The token in a test e-mail's links: its unsubscribe and preferences pages say it was a test, and change
     * nothing. No reader's token is ever this short.
     */
    public static final String TEST_TOKEN = "test";

    /** The one-click unsubscribe URL for a token. */
    public String unsubscribeUrl(String token) {
        return link("/newsletter/unsubscribe", token);
    }

    /** The preferences page's URL for a token. */
    public String preferencesUrl(String token) {
        return link("/newsletter/preferences", token);
    }

    /** The {@code List-Unsubscribe} header for a reader's unsubscribe URL, as the signup emails carry it. */
    public String listUnsubscribeHeader(String unsubscribeUrl) {
        return mail.listUnsubscribe(unsubscribeUrl);
    }

    /** The newsletter's sender: the setting {@code masthead.newsletter.from}. */
    public String sender() {
        return addresses.from();
    }

    /** Where readers' replies go (the setting {@code masthead.newsletter.reply-to}); empty for the sender. */
    public String replyTo() {
        return addresses.replyTo();
    }

    private TokenState check(String token, SubscriberToken.Purpose purpose) {
        return transaction.execute(
                status -> find(token, purpose).map(this::state).orElse(TokenState.UNKNOWN));
    }

    private TokenState spend(String token, SubscriberToken.Purpose purpose) {
        return transaction.execute(status -> {
            Optional<SubscriberToken> found = find(token, purpose);
            if (found.isEmpty()) {
                return TokenState.UNKNOWN;
            }
            SubscriberToken link = found.get();
            TokenState state = state(link);
            if (state != TokenState.VALID) {
                return state;
            }
            Instant now = clock.instant();
            link.use(now);
            Subscriber subscriber = link.getSubscriber();
            if (purpose == SubscriberToken.Purpose.CONFIRM) {
                subscriber.confirm(now);
            } else {
                subscriber.unsubscribe(now);
                tokens.flush();
                tokens.useAll(subscriber, now);
            }
            return TokenState.VALID;
        });
    }

    private TokenState state(SubscriberToken link) {
        if (link.isUsed()) {
            return TokenState.USED;
        }
        return link.isExpired(clock.instant()) ? TokenState.EXPIRED : TokenState.VALID;
    }

    private Optional<SubscriberToken> find(String token, SubscriberToken.Purpose purpose) {
        return SecretToken.parse(token).flatMap(parsed -> tokens.findByHash(parsed.hash(), purpose));
    }

    /** A new random token (256 bits); the database keeps only its hash. */
    private String issue(Subscriber subscriber, SubscriberToken.Purpose purpose, Instant expiresAt) {
        SecretToken token = SecretToken.generate();
        tokens.save(new SubscriberToken(subscriber, purpose, token.hash(), clock.instant(), expiresAt));
        return token.value();
    }

    private OutgoingMail message(
            String to, String subjectKey, String bodyKey, String confirmToken, String unsubscribeToken) {
        String unsubscribeUrl = link("/newsletter/unsubscribe", unsubscribeToken);
        String confirmUrl = confirmToken == null ? "" : link("/newsletter/confirm", confirmToken);
        Object[] args = {
            site.siteName(),
            confirmUrl,
            unsubscribeUrl,
            properties.confirmValidity().toHours()
        };
        return new OutgoingMail(
                to,
                messages.getMessage(subjectKey, args, Locale.ENGLISH),
                messages.getMessage(bodyKey, args, Locale.ENGLISH),
                unsubscribeUrl);
    }

    private String link(String path, String token) {
        return UriComponentsBuilder.fromUriString(site.absolute(path))
                .queryParam("token", token)
                .build()
                .toUriString();
    }

    private static String limit(String value) {
        if (value == null) {
            return "";
        }
        String stripped = value.strip();
        return stripped.length() > 200 ? stripped.substring(0, 200) : stripped;
    }
}
