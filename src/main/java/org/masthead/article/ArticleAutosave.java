package org.masthead.article;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A staff member's working copy of an article form, kept by autosave: one per member and article (a new article
 * has none), replaced by every autosave, gone once the text is saved. Written by {@link ArticleAutosaves} with an
 * upsert; read here.
 */
@Entity
@Table(name = "article_autosaves")
class ArticleAutosave {

    @Id
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "article_id", updatable = false)
    private Long articleId;

    @Column(name = "base_revision")
    private Integer baseRevision;

    @Column(nullable = false)
    private String fields;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    protected ArticleAutosave() {}

    Long articleId() {
        return articleId;
    }

    Integer baseRevision() {
        return baseRevision;
    }

    String fields() {
        return fields;
    }

    Instant savedAt() {
        return savedAt;
    }
}
