package org.masthead.author;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.masthead.markdown.RenderedMarkdown;

/** A person who writes for the journal. Authors need no login: guest contributors are common. */
@Entity
@Table(name = "authors")
public class Author {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(name = "title_line", nullable = false)
    private String titleLine = "";

    @Column(name = "bio_md", nullable = false)
    private String bioMarkdown = "";

    @Column(name = "bio_html", nullable = false)
    private String bioHtml = "";

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Author() {
    }

    public Author(String slug, String name, String titleLine, Instant createdAt) {
        this.slug = slug;
        this.name = name;
        this.titleLine = titleLine;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Sets the bio: its Markdown source and the HTML rendered from it. */
    public void writeBio(String markdown, RenderedMarkdown rendered, Instant when) {
        this.bioMarkdown = markdown;
        this.bioHtml = rendered.html();
        this.updatedAt = when;
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

    public String getTitleLine() {
        return titleLine;
    }

    public String getBioMarkdown() {
        return bioMarkdown;
    }

    public String getBioHtml() {
        return bioHtml;
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
