package org.masthead.section;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A section of the journal, with its own description, disclaimer and newsletter call to action. */
@Entity
@Table(name = "sections")
public class Section {

    /** How long a section's texts may be, in characters: used by the section form and its {@code maxlength}. */
    public static final int MAX_NAME = 120;

    public static final int MAX_DESCRIPTION = 2_000;
    public static final int MAX_DISCLAIMER = 1_000;
    public static final int MAX_NEWSLETTER_CTA = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description = "";

    @Column(nullable = false)
    private String disclaimer = "";

    @Column(name = "newsletter_cta", nullable = false)
    private String newsletterCta = "";

    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Section() {}

    public Section(String slug, String name, Instant createdAt) {
        this.slug = slug;
        this.name = name;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Replaces the reader-facing texts of the section. */
    public void describe(String description, String disclaimer, String newsletterCta, int position, Instant when) {
        this.description = description;
        this.disclaimer = disclaimer;
        this.newsletterCta = newsletterCta;
        this.position = position;
        this.updatedAt = when;
    }

    public void rename(String name, Instant when) {
        this.name = name;
        this.updatedAt = when;
    }

    /** Gives the section a new slug and answers the old one, which the caller keeps as a redirect. */
    public String changeSlug(String newSlug) {
        String old = this.slug;
        this.slug = newSlug;
        return old;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getDisclaimer() {
        return disclaimer;
    }

    public String getNewsletterCta() {
        return newsletterCta;
    }

    public int getPosition() {
        return position;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
