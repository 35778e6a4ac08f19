package org.masthead.article;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The fields of an article form whose save came too late (session or CSRF token expired), kept for a day. */
@Entity
@Table(name = "draft_rescues")
class DraftRescue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "rescue_key", nullable = false, updatable = false)
    private String key;

    @Column(name = "article_id", updatable = false)
    private Long articleId;

    @Column(nullable = false, updatable = false)
    private String fields;

    @Column(name = "claimed_by")
    private Long claimedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected DraftRescue() {}

    DraftRescue(String key, Long articleId, String fields, Instant createdAt, Instant expiresAt) {
        this.key = key;
        this.articleId = articleId;
        this.fields = fields;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** The first staff member to open a rescue claims it; nobody else may open it afterwards. */
    boolean claim(long accountId, Instant now) {
        if (!expiresAt.isAfter(now)) {
            return false;
        }
        if (claimedBy == null) {
            claimedBy = accountId;
        }
        return claimedBy == accountId;
    }

    Long articleId() {
        return articleId;
    }

    String fields() {
        return fields;
    }
}
