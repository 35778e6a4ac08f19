package org.masthead.author;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.masthead.markdown.RenderedMarkdown;
import org.masthead.media.Image;

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

    /** Lazy: lists of articles never show it; the pages that do fetch it with the author (see AuthorRepository). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "photo_image_id")
    private Image photo;

    /** The staff account allowed to edit this profile's bio and photo at {@code /admin/profile}, if any. */
    @Column(name = "account_id")
    private Long accountId;

    @ElementCollection
    @CollectionTable(name = "author_links", joinColumns = @JoinColumn(name = "author_id"))
    @OrderColumn(name = "position")
    private List<AuthorLink> links = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Author() {}

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

    /** Stores a fresh rendering of the unchanged bio (an image it shows was described anew). */
    public void bioRendered(RenderedMarkdown rendered) {
        this.bioHtml = rendered.html();
    }

    /** Changes the profile's name and title line. */
    public void rename(String name, String titleLine, Instant when) {
        this.name = name;
        this.titleLine = titleLine == null ? "" : titleLine;
        this.updatedAt = when;
    }

    /** Gives the author a new slug and answers the old one, which the caller keeps as a redirect. */
    public String changeSlug(String newSlug) {
        String old = this.slug;
        this.slug = newSlug;
        return old;
    }

    public void showPhoto(Image photo, Instant when) {
        this.photo = photo;
        this.updatedAt = when;
    }

    public void linkAccount(Long accountId, Instant when) {
        this.accountId = accountId;
        this.updatedAt = when;
    }

    public void replaceLinks(List<AuthorLink> links, Instant when) {
        this.links.clear();
        this.links.addAll(links);
        this.updatedAt = when;
    }

    public Image getPhoto() {
        return photo;
    }

    public Long getAccountId() {
        return accountId;
    }

    public List<AuthorLink> getLinks() {
        return Collections.unmodifiableList(links);
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
