package org.masthead.newsletter;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
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
