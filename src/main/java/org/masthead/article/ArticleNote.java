package org.masthead.article;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A dated correction or update note, published openly on the article. */
@Entity
@Table(name = "article_notes")
public class ArticleNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    private Article article;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoteKind kind;

    @Column(nullable = false)
    private String body;

    @Column(name = "noted_at", nullable = false)
    private Instant notedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ArticleNote() {}

    ArticleNote(Article article, NoteKind kind, String body, Instant notedAt, Instant createdAt) {
        this.article = article;
        this.kind = kind;
        this.body = body;
        this.notedAt = notedAt;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public NoteKind getKind() {
        return kind;
    }

    public String getBody() {
        return body;
    }

    public Instant getNotedAt() {
        return notedAt;
    }
}
