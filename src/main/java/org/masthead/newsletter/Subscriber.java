package org.masthead.newsletter;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * A newsletter subscriber and the record of their consent: when they asked, from which page (source and
 * section), from which IP address, when they confirmed by email, and when they unsubscribed.
 */
@Entity
@Table(name = "subscribers")
public class Subscriber {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SubscriberStatus status = SubscriberStatus.PENDING;

    @Column(nullable = false)
    private String source = "";

    @Column(name = "section_slug", nullable = false)
    private String sectionSlug = "";

    @Column(name = "consent_ip", nullable = false)
    private String consentIp = "";

    @Column(name = "consented_at", nullable = false)
    private Instant consentedAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "unsubscribed_at")
    private Instant unsubscribedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Every edition (the default), or only those of {@link #sectionIds} and, with {@link #digest}, the digest. */
    @Column(name = "all_editions", nullable = false)
    private boolean allEditions = true;

    @Column(nullable = false)
    private boolean digest;

    @ElementCollection
    @CollectionTable(name = "subscriber_sections", joinColumns = @JoinColumn(name = "subscriber_id"))
    @Column(name = "section_id")
    private Set<Long> sectionIds = new LinkedHashSet<>();

    @Column(name = "permanent_failures", nullable = false)
    private int permanentFailures;

    /** Set when the address failed permanently too often: it gets no more editions. */
    @Column(name = "suppressed_at")
    private Instant suppressedAt;

    @Column(name = "last_failure", nullable = false)
    private String lastFailure = "";

    protected Subscriber() {}

    Subscriber(String email, Instant now) {
        this.email = email;
        this.createdAt = now;
        this.updatedAt = now;
        this.consentedAt = now;
    }

    /** A (new or renewed) request to subscribe: the consent is recorded, and a confirmation is awaited. */
    void requested(String source, String sectionSlug, String ip, Instant now) {
        this.status = SubscriberStatus.PENDING;
        this.source = source;
        this.sectionSlug = sectionSlug;
        this.consentIp = ip;
        this.consentedAt = now;
        this.confirmedAt = null;
        this.unsubscribedAt = null;
        this.updatedAt = now;
    }

    void confirm(Instant now) {
        this.status = SubscriberStatus.CONFIRMED;
        this.confirmedAt = now;
        this.updatedAt = now;
    }

    void unsubscribe(Instant now) {
        this.status = SubscriberStatus.UNSUBSCRIBED;
        this.unsubscribedAt = now;
        this.updatedAt = now;
    }

    void choose(boolean allEditions, boolean digest, Set<Long> sectionIds, Instant now) {
        this.allEditions = allEditions;
        this.digest = !allEditions && digest;
        this.sectionIds.clear();
        if (!allEditions) {
            this.sectionIds.addAll(sectionIds);
        }
        this.updatedAt = now;
    }

    public boolean isAllEditions() {
        return allEditions;
    }

    public boolean isDigest() {
        return digest;
    }

    public Set<Long> getSectionIds() {
        return Set.copyOf(sectionIds);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public SubscriberStatus getStatus() {
        return status;
    }

    public String getSource() {
        return source;
    }

    public String getSectionSlug() {
        return sectionSlug;
    }

    public String getConsentIp() {
        return consentIp;
    }

    public Instant getConsentedAt() {
        return consentedAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public Instant getUnsubscribedAt() {
        return unsubscribedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
