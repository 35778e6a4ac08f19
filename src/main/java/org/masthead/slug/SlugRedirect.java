package org.masthead.slug;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An old slug of a public page, kept so that its URL answers 301 to the page's current slug. */
@Entity
@Table(name = "slug_redirects")
class SlugRedirect {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SlugKind kind;

    @Column(name = "old_slug", nullable = false)
    private String oldSlug;

    @Column(name = "target_id", nullable = false)
    private long targetId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SlugRedirect() {}

    SlugRedirect(SlugKind kind, String oldSlug, long targetId, Instant createdAt) {
        this.kind = kind;
        this.oldSlug = oldSlug;
        this.targetId = targetId;
        this.createdAt = createdAt;
    }

    String oldSlug() {
        return oldSlug;
    }

    long targetId() {
        return targetId;
    }

    void pointTo(long targetId) {
        this.targetId = targetId;
    }
}
