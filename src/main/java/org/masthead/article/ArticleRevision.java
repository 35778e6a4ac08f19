package org.masthead.article;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A snapshot of an article's words, stored at every save; never changed afterwards. */
@Entity
@Table(name = "article_revisions")
public class ArticleRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "article_id", nullable = false, updatable = false)
    private long articleId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(nullable = false, updatable = false)
    private String dek;

    @Column(name = "body_md", nullable = false, updatable = false)
    private String bodyMarkdown;

    @Column(name = "created_by", updatable = false)
    private Long createdBy;

    @Column(name = "created_by_name", nullable = false, updatable = false)
    private String createdByName;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ArticleRevision() {}

    ArticleRevision(Article article, Long createdBy, String createdByName, Instant createdAt) {
        this.articleId = article.getId();
        this.number = article.getRevision();
        this.title = article.getTitle();
        this.dek = article.getDek();
        this.bodyMarkdown = article.getBodyMarkdown();
        this.createdBy = createdBy;
        this.createdByName = createdByName;
        this.createdAt = createdAt;
    }

    /** The revision's words as one readable text, for diffs: title, dek, then the Markdown body. */
    public String asText() {
        return "# " + title + "\n\n" + (dek.isEmpty() ? "" : dek + "\n\n") + bodyMarkdown;
    }

    public Long getId() {
        return id;
    }

    public long getArticleId() {
        return articleId;
    }

    public int getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public String getDek() {
        return dek;
    }

    public String getBodyMarkdown() {
        return bodyMarkdown;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public String getCreatedByName() {
        return createdByName;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
