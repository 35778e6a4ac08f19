package org.masthead.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.masthead.author.Author;
import org.masthead.markdown.RenderedMarkdown;
import org.masthead.media.Image;
import org.masthead.section.Section;
import org.masthead.topic.Topic;

/**
 * An article. Its Markdown body is the source of truth; the HTML, plain text, excerpt and reading time
 * are rendered from it when it is saved, so reading an article never parses Markdown.
 * Workflow state changes only through the verbs below, which refuse moves the lifecycle does not allow.
 */
@Entity
@Table(name = "articles")
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String slug;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String dek = "";

    @Column(name = "body_md", nullable = false)
    private String bodyMarkdown = "";

    @Column(name = "body_html", nullable = false)
    private String bodyHtml = "";

    @Column(name = "body_text", nullable = false)
    private String bodyText = "";

    @Column(nullable = false)
    private String excerpt = "";

    @Column(name = "reading_minutes", nullable = false)
    private int readingMinutes;

    /** Where in {@link #bodyHtml} the section's newsletter box goes: after about the third paragraph. */
    @Column(name = "lead_length", nullable = false)
    private int leadLength;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "section_id")
    private Section section;

    @ManyToMany
    @JoinTable(
            name = "article_authors",
            joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "author_id"))
    @OrderColumn(name = "position")
    private List<Author> authors = new ArrayList<>();

    @ManyToMany
    @JoinTable(
            name = "article_topics",
            joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "topic_id"))
    @OrderBy("name")
    private Set<Topic> topics = new LinkedHashSet<>();

    @OneToMany(mappedBy = "article", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("notedAt")
    // A set, not a list: the article page fetches notes together with authors and topics in one query.
    private Set<ArticleNote> notes = new LinkedHashSet<>();

    /** Shown at the top of the article page, which fetches it with the article; lists never load it. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "featured_image_id")
    private Image featuredImage;

    @Column(name = "featured_image_caption")
    private String featuredImageCaption;

    @Column(name = "featured_image_credit")
    private String featuredImageCredit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ArticleStatus status = ArticleStatus.DRAFT;

    @Column(name = "seo_title")
    private String seoTitle;

    @Column(name = "seo_description")
    private String seoDescription;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "first_published_at")
    private Instant firstPublishedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "scheduled_at")
    private Instant scheduledAt;

    /** When a published article comes down by itself (back to draft); null when it stays up. */
    @Column(name = "expires_at")
    private Instant expiresAt;

    /** When a correction or update note was last added: the "Updated" date readers see. */
    @Column(name = "content_updated_at")
    private Instant contentUpdatedAt;

    /** The account that created the article (a contributor's "own" draft); null for imported content. */
    @Column(name = "created_by", updatable = false)
    private Long createdBy;

    /** The number of the latest revision: an edit form remembers it to detect a change made meanwhile. */
    @Column(nullable = false)
    private int revision;

    @Column(name = "trashed_at")
    private Instant trashedAt;

    @Column(name = "trashed_by")
    private Long trashedBy;

    @Column(name = "trashed_by_name")
    private String trashedByName;

    @Column(name = "return_note")
    private String returnNote;

    @Column(name = "return_note_by")
    private String returnNoteBy;

    @Column(name = "return_note_at")
    private Instant returnNoteAt;

    @Version
    private long version;

    protected Article() {}

    public Article(String slug, String title, Section section, Instant createdAt) {
        this(slug, title, section, createdAt, null);
    }

    public Article(String slug, String title, Section section, Instant createdAt, Long createdBy) {
        this.slug = slug;
        this.title = title;
        this.section = section;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.createdBy = createdBy;
    }

    // --- content ----------------------------------------------------------------------------------------------

    /** Replaces the article's content; the body's derived forms come from the Markdown renderer. */
    public void revise(
            ArticleContent content,
            RenderedMarkdown body,
            Section section,
            List<Author> authors,
            Collection<Topic> topics,
            Instant when) {
        this.title = content.title();
        this.dek = content.dek();
        this.bodyMarkdown = content.bodyMarkdown();
        this.seoTitle = content.seoTitle();
        this.seoDescription = content.seoDescription();
        this.section = section;
        this.authors.clear();
        this.authors.addAll(authors);
        this.topics.clear();
        this.topics.addAll(topics);
        rendered(body);
        this.updatedAt = when;
        this.revision++;
    }

    /** Stores a fresh rendering of the unchanged Markdown body (after the renderer itself changed). */
    public void rendered(RenderedMarkdown body) {
        this.bodyHtml = body.html();
        this.bodyText = body.text();
        this.excerpt = body.excerpt();
        this.readingMinutes = body.readingMinutes();
        this.leadLength = body.leadLength();
    }

    /**
     * Sets (or with null, removes) the featured image, with this article's own caption and credit for it (null for
     * the image's own).
     */
    public void illustrate(Image image, String caption, String credit, Instant when) {
        this.featuredImage = image;
        this.featuredImageCaption = image == null ? null : caption;
        this.featuredImageCredit = image == null ? null : credit;
        this.updatedAt = when;
    }

    /**
     * Puts {@code to} in the byline where {@code fromId} was, keeping the co-author order. When {@code to} already
     * is a co-author, the earlier of the two positions is kept and the later one dropped.
     */
    public void replaceAuthor(long fromId, Author to) {
        int from = indexOfAuthor(fromId);
        if (from < 0) {
            return;
        }
        int existing = indexOfAuthor(to.getId());
        if (existing < 0) {
            authors.set(from, to);
        } else if (existing < from) {
            authors.remove(from);
        } else {
            authors.set(from, to);
            authors.remove(existing);
        }
    }

    private int indexOfAuthor(long authorId) {
        for (int i = 0; i < authors.size(); i++) {
            if (authors.get(i).getId() == authorId) {
                return i;
            }
        }
        return -1;
    }

    /** Gives the article a new slug and answers the old one, which the caller keeps as a redirect. */
    public String changeSlug(String newSlug) {
        String old = this.slug;
        this.slug = newSlug;
        return old;
    }

    public ArticleNote addNote(NoteKind kind, String body, Instant notedAt, Instant now) {
        if (!ArticleAction.CORRECT.startsFrom(status)) {
            throw new IllegalTransitionException(status, "add a note to");
        }
        ArticleNote note = new ArticleNote(this, kind, body, notedAt, now);
        notes.add(note);
        if (contentUpdatedAt == null || notedAt.isAfter(contentUpdatedAt)) {
            contentUpdatedAt = notedAt;
        }
        this.updatedAt = now;
        return note;
    }

    /**
     * Sets the workflow state and dates of an article brought in from a Masthead export, as they were there: the
     * state was reached elsewhere, through the verbs below.
     */
    void restoreState(
            ArticleStatus status,
            Instant firstPublishedAt,
            Instant publishedAt,
            Instant scheduledAt,
            Instant updatedAt) {
        this.status = status;
        this.firstPublishedAt = firstPublishedAt;
        this.publishedAt = publishedAt;
        this.scheduledAt = scheduledAt;
        this.updatedAt = updatedAt;
    }

    /** A note of an imported article, whatever its state now (an archived article keeps its corrections). */
    void restoreNote(NoteKind kind, String body, Instant notedAt, Instant createdAt) {
        notes.add(new ArticleNote(this, kind, body, notedAt, createdAt));
        if (contentUpdatedAt == null || notedAt.isAfter(contentUpdatedAt)) {
            contentUpdatedAt = notedAt;
        }
    }

    // --- workflow ---------------------------------------------------------------------------------------------

    public void submit() {
        move(ArticleAction.SUBMIT, ArticleStatus.IN_REVIEW);
    }

    public void returnToDraft() {
        returnToDraft(null, null, null);
    }

    /** Sends a submitted draft back to its author, with the editor's note shown on the edit page. */
    public void returnToDraft(String note, String by, Instant at) {
        move(ArticleAction.RETURN, ArticleStatus.DRAFT);
        boolean hasNote = note != null && !note.isBlank();
        this.returnNote = hasNote ? note.strip() : null;
        this.returnNoteBy = hasNote ? by : null;
        this.returnNoteAt = hasNote ? at : null;
    }

    /** Publishes now. An article published before keeps its original publication date. */
    public void publish(Instant now) {
        move(ArticleAction.PUBLISH, ArticleStatus.PUBLISHED);
        published(publishedAt != null ? publishedAt : now);
        noteAnswered();
    }

    public void schedule(Instant at, Instant now) {
        if (!at.isAfter(now)) {
            throw new ScheduleInPastException();
        }
        move(ArticleAction.SCHEDULE, ArticleStatus.SCHEDULED);
        this.scheduledAt = at;
        noteAnswered();
    }

    /** A returned draft that is published or scheduled has answered its note: the edit page stops showing it. */
    private void noteAnswered() {
        this.returnNote = null;
        this.returnNoteBy = null;
        this.returnNoteAt = null;
    }

    /** The scheduler's move: a scheduled article whose time has come is published as of that time. */
    public void publishScheduled() {
        if (status != ArticleStatus.SCHEDULED) {
            throw new IllegalTransitionException(status, "publish");
        }
        this.status = ArticleStatus.PUBLISHED;
        published(scheduledAt);
        this.scheduledAt = null;
    }

    public void unschedule() {
        move(ArticleAction.UNSCHEDULE, ArticleStatus.DRAFT);
        this.scheduledAt = null;
        this.expiresAt = null;
    }

    /**
     * Moves a scheduled article to another time still to come; an expiry it has must stay after it
     * ({@link ExpiryNotAfterPublicationException}).
     */
    public void reschedule(Instant at, Instant now) {
        if (status != ArticleStatus.SCHEDULED) {
            throw new IllegalTransitionException(status, "reschedule");
        }
        if (!at.isAfter(now)) {
            throw new ScheduleInPastException();
        }
        if (expiresAt != null && !expiresAt.isAfter(at)) {
            throw new ExpiryNotAfterPublicationException();
        }
        this.scheduledAt = at;
    }

    /** Whether an expiry may be set (or cleared): a published or scheduled article. */
    public boolean mayExpire() {
        return status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED;
    }

    /**
     * Sets when the published (or scheduled) article comes down by itself; null clears it. The time must be still
     * to come ({@link ScheduleInPastException}) and, for a scheduled article, after its publication.
     */
    public void expireAt(Instant at, Instant now) {
        if (!mayExpire()) {
            throw new IllegalTransitionException(status, "set an expiry on");
        }
        if (at != null) {
            if (!at.isAfter(now)) {
                throw new ScheduleInPastException();
            }
            if (status == ArticleStatus.SCHEDULED && !at.isAfter(scheduledAt)) {
                throw new ExpiryNotAfterPublicationException();
            }
        }
        this.expiresAt = at;
    }

    /** The scheduler's move: a published article whose expiry has come goes back to draft. */
    public void expire() {
        if (status != ArticleStatus.PUBLISHED || expiresAt == null) {
            throw new IllegalTransitionException(status, "expire");
        }
        this.status = ArticleStatus.DRAFT;
        this.expiresAt = null;
    }

    public void unpublish() {
        move(ArticleAction.UNPUBLISH, ArticleStatus.DRAFT);
        this.expiresAt = null;
    }

    public void archive() {
        move(ArticleAction.ARCHIVE, ArticleStatus.ARCHIVED);
        this.expiresAt = null;
    }

    public void restore() {
        move(ArticleAction.RESTORE, ArticleStatus.PUBLISHED);
    }

    /** Moves a deletable draft to the trash, where it waits, revisions and all, until restored or purged. */
    public void trash(Instant at, Long byAccount, String byName) {
        if (!isDeletable()) {
            throw new IllegalTransitionException(status, ArticleAction.DELETE.path());
        }
        move(ArticleAction.DELETE, ArticleStatus.TRASHED);
        this.trashedAt = at;
        this.trashedBy = byAccount;
        this.trashedByName = byName;
    }

    /** Takes the article out of the trash: a draft again, as it was. */
    public void untrash() {
        move(ArticleAction.UNTRASH, ArticleStatus.DRAFT);
        this.trashedAt = null;
        this.trashedBy = null;
        this.trashedByName = null;
    }

    /** When it went to the trash; null outside it. */
    public Instant getTrashedAt() {
        return trashedAt;
    }

    /** Who put it in the trash (their account), null outside it or when an import did. */
    public Long getTrashedBy() {
        return trashedBy;
    }

    public String getTrashedByName() {
        return trashedByName;
    }

    /** Whether the article was created by this account (a contributor's "own" article). */
    public boolean isCreatedBy(long accountId) {
        return createdBy != null && createdBy == accountId;
    }

    /** Only a draft that was never published may be deleted; a published article is archived instead. */
    public boolean isDeletable() {
        return ArticleAction.DELETE.startsFrom(status) && firstPublishedAt == null;
    }

    /** Whether the article, as it stands, allows the move (apart from who asks: see {@link ArticlePermissions}). */
    public boolean allows(ArticleAction action) {
        return action == ArticleAction.DELETE ? isDeletable() : action.startsFrom(status);
    }

    private void published(Instant at) {
        this.publishedAt = at;
        if (firstPublishedAt == null) {
            firstPublishedAt = at;
        }
    }

    private void move(ArticleAction action, ArticleStatus to) {
        if (!action.startsFrom(status)) {
            throw new IllegalTransitionException(status, action.path());
        }
        this.status = to;
    }

    // --- reading ----------------------------------------------------------------------------------------------

    /** The body up to where the newsletter box goes. */
    public String getBodyHtmlLead() {
        return bodyHtml.substring(0, Math.min(leadLength, bodyHtml.length()));
    }

    /** The body after the newsletter box. */
    public String getBodyHtmlRest() {
        return bodyHtml.substring(Math.min(leadLength, bodyHtml.length()));
    }

    /** The last change of the public content (a revision, a note, or the publication): feeds, sitemap, JSON-LD. */
    public Instant getLastModified() {
        return publishedAt != null && publishedAt.isAfter(updatedAt) ? publishedAt : updatedAt;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
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

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getBodyText() {
        return bodyText;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public int getReadingMinutes() {
        return readingMinutes;
    }

    public Section getSection() {
        return section;
    }

    public List<Author> getAuthors() {
        return Collections.unmodifiableList(authors);
    }

    public Set<Topic> getTopics() {
        return Collections.unmodifiableSet(topics);
    }

    public List<ArticleNote> getNotes() {
        return List.copyOf(notes);
    }

    public Image getFeaturedImage() {
        return featuredImage;
    }

    /** This article's own caption for its featured image, or null. */
    public String getFeaturedImageCaption() {
        return featuredImageCaption;
    }

    /** This article's own credit for its featured image, or null. */
    public String getFeaturedImageCredit() {
        return featuredImageCredit;
    }

    /** The caption readers see under the featured image: the article's own, else the image's. */
    public String getFeaturedCaption() {
        if (featuredImage == null) {
            return null;
        }
        return featuredImageCaption != null ? featuredImageCaption : featuredImage.getCaption();
    }

    /** The credit readers see under the featured image: the article's own, else the image's. */
    public String getFeaturedCredit() {
        if (featuredImage == null) {
            return null;
        }
        return featuredImageCredit != null ? featuredImageCredit : featuredImage.getCredit();
    }

    public ArticleStatus getStatus() {
        return status;
    }

    /** The title a reader's page and its link previews carry: the SEO title where there is one, else the headline. */
    public String getPageTitle() {
        return seoTitle != null && !seoTitle.isBlank() ? seoTitle : title;
    }

    public String getSeoTitle() {
        return seoTitle;
    }

    public String getSeoDescription() {
        return seoDescription;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getFirstPublishedAt() {
        return firstPublishedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }

    /** When the article comes down by itself; null when it stays up. */
    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getContentUpdatedAt() {
        return contentUpdatedAt;
    }

    public long getVersion() {
        return version;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public int getRevision() {
        return revision;
    }

    public String getReturnNote() {
        return returnNote;
    }

    public String getReturnNoteBy() {
        return returnNoteBy;
    }

    public Instant getReturnNoteAt() {
        return returnNoteAt;
    }
}
