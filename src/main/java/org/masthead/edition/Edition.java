package org.masthead.edition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.masthead.newsletter.Audience;

/**
 * A newsletter edition: subject, preheader, an intro in Markdown (its sanitised HTML stored beside it), an ordered
 * list of articles and an audience. When its send starts, the email's HTML and text are rendered once and kept
 * ({@link #htmlBody}, {@link #textBody}): what was sent is what is stored, and every node sends the same bytes.
 */
@Entity
@Table(name = "editions")
public class Edition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String subject = "";

    @Column(nullable = false)
    private String preheader = "";

    @Column(name = "intro_md", nullable = false)
    private String introMarkdown = "";

    @Column(name = "intro_html", nullable = false)
    private String introHtml = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Audience audience = Audience.ALL;

    @Column(name = "section_id")
    private Long sectionId;

    @ElementCollection
    @CollectionTable(name = "edition_articles", joinColumns = @JoinColumn(name = "edition_id"))
    @OrderColumn(name = "position")
    @Column(name = "article_id")
    private List<Long> articleIds = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EditionState state = EditionState.DRAFT;

    @Column(name = "scheduled_at")
    private Instant scheduledAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** What editors should know about the send now (the SMTP server cannot be reached, a schedule fell through). */
    @Column(nullable = false)
    private String notice = "";

    @Column(name = "html_body")
    private String htmlBody;

    @Column(name = "text_body")
    private String textBody;

    @Column(nullable = false)
    private int recipients;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Edition() {}

    Edition(Long createdBy, Instant now) {
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void revise(
            String subject,
            String preheader,
            String introMarkdown,
            String introHtml,
            Audience audience,
            Long sectionId,
            Instant now) {
        this.subject = subject;
        this.preheader = preheader;
        this.introMarkdown = introMarkdown;
        this.introHtml = introHtml;
        this.audience = audience;
        this.sectionId = audience == Audience.SECTION ? sectionId : null;
        this.updatedAt = now;
    }

    void addArticle(long articleId, Instant now) {
        if (!articleIds.contains(articleId)) {
            articleIds.add(articleId);
            updatedAt = now;
        }
    }

    void moveArticle(int position, int by, Instant now) {
        int to = position + by;
        if (position >= 0 && position < articleIds.size() && to >= 0 && to < articleIds.size()) {
            Long moved = articleIds.get(position);
            articleIds.set(position, articleIds.get(to));
            articleIds.set(to, moved);
            updatedAt = now;
        }
    }

    void removeArticle(int position, Instant now) {
        if (position >= 0 && position < articleIds.size()) {
            articleIds.remove(position);
            updatedAt = now;
        }
    }

    void schedule(Instant at, Instant now) {
        this.state = EditionState.SCHEDULED;
        this.scheduledAt = at;
        this.notice = "";
        this.updatedAt = now;
    }

    void unschedule(String notice, Instant now) {
        this.state = EditionState.DRAFT;
        this.scheduledAt = null;
        this.notice = notice;
        this.updatedAt = now;
    }

    void start(String htmlBody, String textBody, Instant now) {
        this.state = EditionState.SENDING;
        this.htmlBody = htmlBody;
        this.textBody = textBody;
        this.startedAt = now;
        this.notice = "";
        this.updatedAt = now;
    }

    void counted(int recipients) {
        this.recipients = recipients;
    }

    void pause(Instant now) {
        this.state = EditionState.PAUSED;
        this.updatedAt = now;
    }

    void resume(Instant now) {
        this.state = EditionState.SENDING;
        this.updatedAt = now;
    }

    /** Sends again to the recipients reported unknown: the edition is sending until they are done. */
    void resend(Instant now) {
        this.state = EditionState.SENDING;
        this.finishedAt = null;
        this.notice = "";
        this.updatedAt = now;
    }

    void cancel(Instant now) {
        this.state = EditionState.CANCELLED;
        this.finishedAt = now;
        this.scheduledAt = null;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public String getPreheader() {
        return preheader;
    }

    public String getIntroMarkdown() {
        return introMarkdown;
    }

    public String getIntroHtml() {
        return introHtml;
    }

    public Audience getAudience() {
        return audience;
    }

    public Long getSectionId() {
        return sectionId;
    }

    public List<Long> getArticleIds() {
        return List.copyOf(articleIds);
    }

    public EditionState getState() {
        return state;
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public String getNotice() {
        return notice;
    }

    String getHtmlBody() {
        return htmlBody;
    }

    String getTextBody() {
        return textBody;
    }

    public int getRecipients() {
        return recipients;
    }

    public Long getCreatedBy() {
        return createdBy;
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
