package org.masthead.article;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The fields of an article form whose save came too late (session or CSRF token expired), kept for a day for the
 * staff member whose session posted it, and for nobody else.
 */
@Entity
@Table(name = "draft_rescues")
class DraftRescue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The SHA-256 of the key the editor was given; the key itself is never stored. */
    @Column(name = "key_hash", nullable = false, updatable = false)
    private String keyHash;

    @Column(name = "article_id", updatable = false)
    private Long articleId;

    @Column(nullable = false, updatable = false)
    private String fields;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected DraftRescue() {}

    DraftRescue(String keyHash, long accountId, Long articleId, String fields, Instant createdAt, Instant expiresAt) {
        this.keyHash = keyHash;
        this.accountId = accountId;
        this.articleId = articleId;
        this.fields = fields;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Only the member whose session posted it may open it, and only while it lives. */
    boolean isFor(long accountId, Instant now) {
        return this.accountId == accountId && expiresAt.isAfter(now);
    }

    Long articleId() {
        return articleId;
    }

    String fields() {
        return fields;
    }
}
