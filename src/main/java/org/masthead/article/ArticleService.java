package org.masthead.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.hibernate.Hibernate;
import org.masthead.audit.AuditLog;
import org.masthead.author.Author;
import org.masthead.author.AuthorNotFoundException;
import org.masthead.author.AuthorService;
import org.masthead.event.ArticleArchived;
import org.masthead.event.ArticleScheduled;
import org.masthead.event.ArticleUnpublished;
import org.masthead.markdown.MarkdownRenderer;
import org.masthead.media.ImageDescribed;
import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.masthead.security.StaffUser;
import org.masthead.slug.SlugInUseException;
import org.masthead.slug.SlugKind;
import org.masthead.slug.SlugRedirects;
import org.masthead.slug.Slugs;
import org.masthead.topic.Topic;
import org.masthead.topic.TopicService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes articles: renders their Markdown on save, stores a revision of every save, and moves them through the
 * workflow. Reading the history (revisions, diffs, conflicts, merges) is {@link ArticleRevisions}'s job, publishing
 * when a schedule falls due {@link ArticleScheduler}'s, the newsroom list's query {@link ArticleSpecifications}'s. Every staff action names its actor and is checked against {@link ArticlePermissions} here, on the
 * server, whatever the pages show; every state change is written to the audit log in the same transaction.
 * Imported content (the demo journal, an archive) comes through the same methods with an import actor
 * ({@link org.masthead.security.Actor#importing}), which alone may give it its own past dates.
 */
@Service
@Transactional
public class ArticleService {

    /** How many revisions readers never saw each article keeps (Ghost keeps 25); those readers saw are all kept. */
    static final int KEPT_UNPUBLISHED_REVISIONS = 50;

    private final ArticleRepository articles;
    private final ArticleRevisionRepository revisions;
    private final ArticleAutosaves autosaves;
    private final SectionService sections;
    private final AuthorService authors;
    private final TopicService topics;
    private final MarkdownRenderer markdown;
    private final SlugRedirects redirects;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ArticleImages images;
    private final ArticleRevisions history;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;
    private final ContributorNotices notices;

    ArticleService(
            ArticleRepository articles,
            ArticleRevisionRepository revisions,
            ArticleAutosaves autosaves,
            SectionService sections,
            AuthorService authors,
            TopicService topics,
            MarkdownRenderer markdown,
            SlugRedirects redirects,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            ArticleImages images,
            ArticleRevisions history,
            PlatformTransactionManager transactions,
            ContributorNotices notices) {
        this.articles = articles;
        this.revisions = revisions;
        this.autosaves = autosaves;
        this.sections = sections;
        this.authors = authors;
        this.topics = topics;
        this.markdown = markdown;
        this.redirects = redirects;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.images = images;
        this.history = history;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.notices = notices;
    }

    // --- reading (staff) --------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Article get(long id) {
        return articles.findById(id).orElseThrow(() -> new ArticleNotFoundException("#" + id));
    }

    /** An article with everything its edit page shows loaded, if this staff member may see it. */
    @Transactional(readOnly = true)
    public Article forEditing(long id, Actor by) {
        Article article = get(id);
        require(ArticlePermissions.canView(by, article), "view", article);
        Hibernate.initialize(article.getSection());
        article.getAuthors().size(); // the getters wrap the lazy collections: touch them
        article.getTopics().size();
        article.getNotes().size();
        return article;
    }

    /** The newsroom's list. A contributor sees only the articles they created. */
    @Transactional(readOnly = true)
    public Page<ArticleRow> list(ArticleFilter filter, Pageable pageable, Actor by) {
        ArticleFilter visible = ArticlePermissions.canManage(by)
                ? filter
                : filter.withCreatedBy(by.staff().map(StaffUser::getAccountId).orElse(-1L));
        return articles.findAll(ArticleSpecifications.matching(visible), pageable)
                .map(ArticleRow::of);
    }

    // --- writing (staff) --------------------------------------------------------------------------------------

    /**
     * A new draft, created by {@code by} (a staff member then owns it; imported content has no owner). Anyone on
     * the staff may create drafts.
     */
    public Article create(ArticleChanges changes, Actor by) {
        NotAllowedException.require(ArticlePermissions.canCreate(by), by, "create articles");
        Article article = newArticle(changes, by);
        by.staff().ifPresent(user -> autosaves.clear(user.getAccountId(), null));
        audit.record(by, "article.create", subject(article), "");
        return article;
    }

    /**
     * The editor's new article, with the featured image picked on its form ({@code image}; null when the form
     * carried no choice), in one transaction. A slug in use refuses it, and nothing is written.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public SaveOutcome create(Actor by, ArticleChanges changes, ArticleEdit.ImageChoice image) {
        try {
            return writing.execute(status -> {
                requireOwnByline(List.of(), changes, by);
                Article article = create(changes, by);
                boolean kept = image == null || images.choose(article.getId(), image.imageId(), by);
                return new SaveOutcome.Saved(article.getId(), !kept);
            });
        } catch (SlugInUseException ex) {
            return new SaveOutcome.Refused(SaveOutcome.Reason.SLUG_TAKEN);
        } catch (BylineNotOwnException ex) {
            return new SaveOutcome.Refused(SaveOutcome.Reason.BYLINE_NOT_OWN);
        }
    }

    /**
     * The edit form's Save and workflow buttons as one use case: the featured image picked on the form, the text,
     * the workflow move and, after a conflict, the editor's choice to keep their text, all in one transaction.
     * The command is checked before anything is loaded. A conflict (someone saved since {@link
     * ArticleEdit#revision()}, or a save racing this one), a refused move, a slug in use or an article that left
     * this member's hands refuses the whole: nothing is written, the image stays, no audit line.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public SaveOutcome save(Actor by, long id, ArticleEdit edit) {
        if (edit.move() == ArticleEdit.Move.RETURN && edit.note().length() > ArticleLimits.NOTE) {
            return new SaveOutcome.Refused(SaveOutcome.Reason.NOTE_TOO_LONG);
        }
        try {
            return writing.execute(status -> saveAsAWhole(by, id, edit));
        } catch (SlugInUseException ex) {
            return new SaveOutcome.Refused(SaveOutcome.Reason.SLUG_TAKEN);
        } catch (ArticleAccessDeniedException ex) {
            return new SaveOutcome.Refused(SaveOutcome.Reason.NO_LONGER_ALLOWED);
        } catch (IllegalTransitionException ex) {
            return new SaveOutcome.Refused(SaveOutcome.Reason.MOVE_REFUSED);
        } catch (ScheduleInPastException ex) {
            return new SaveOutcome.Refused(SaveOutcome.Reason.SCHEDULE_IN_PAST);
        } catch (BylineNotOwnException ex) {
            return new SaveOutcome.Refused(SaveOutcome.Reason.BYLINE_NOT_OWN);
        } catch (PublicationRefusedException ex) {
            return new SaveOutcome.Refused(
                    ex.problem() == PublicationRefusedException.Problem.NO_AUTHOR
                            ? SaveOutcome.Reason.NO_AUTHOR
                            : SaveOutcome.Reason.IMAGE_WITHOUT_ALT);
        } catch (ArticleConflictException | OptimisticLockingFailureException ex) {
            // Rolled back; what the other save changed, read afresh.
            return new SaveOutcome.Conflict(reading.execute(status -> history.conflict(id, edit.revision())));
        }
    }

    private SaveOutcome.Saved saveAsAWhole(Actor by, long id, ArticleEdit edit) {
        requireOwnByline(get(id).getAuthors(), edit.changes(), by);
        int base = edit.baseRevision();
        if (edit.move() == ArticleEdit.Move.SAVE) {
            update(id, base, edit.changes(), by);
        } else {
            saveIfChanged(id, base, edit.changes(), by);
        }
        boolean kept = edit.featuredImage() == null
                || images.choose(id, edit.featuredImage().imageId(), by);
        switch (edit.move()) {
            case SAVE -> {}
            case SUBMIT -> submit(id, by);
            case RETURN -> returnToDraft(id, edit.note(), by);
            case PUBLISH -> publish(id, by);
            case SCHEDULE -> schedule(id, edit.scheduleAt(), by);
        }
        return new SaveOutcome.Saved(id, !kept);
    }

    /**
     * Saves an edit made on revision {@code baseRevision}. If someone saved since, nothing is written and an
     * {@link ArticleConflictException} says so; a save racing another one fails on the article's version.
     */
    public Article update(long id, int baseRevision, ArticleChanges changes, Actor by) {
        Article article = get(id);
        require(ArticlePermissions.canEdit(by, article), "edit", article);
        if (article.getRevision() != baseRevision) {
            throw new ArticleConflictException(id, baseRevision);
        }
        String oldSlug = article.getSlug();
        if (changes.slug() != null
                && !changes.slug().isBlank()
                && !changes.slug().equals(article.getSlug())) {
            requireFreeSlug(changes.slug(), article.getId());
            article.changeSlug(changes.slug());
            if (article.getFirstPublishedAt() != null) {
                redirects.renamed(SlugKind.ARTICLE, article.getId(), oldSlug, changes.slug());
            }
        }
        apply(article, changes, by);
        articles.flush(); // the version check first: a save racing this one fails here, before any revision is stored
        storeRevision(article, by);
        by.staff().ifPresent(user -> autosaves.clear(user.getAccountId(), id));
        audit.record(
                by,
                "article.update",
                subject(article),
                oldSlug.equals(article.getSlug()) ? "" : "slug changed from " + oldSlug);
        changedIfSeen(article);
        return article;
    }

    /**
     * Restores an old revision's title, dek and body, which becomes the newest revision. Editors, and a contributor
     * on their own draft.
     */
    public Article restoreRevision(long id, int number, Actor by) {
        Article article = get(id);
        require(ArticlePermissions.canEdit(by, article), "restore a revision of", article);
        ArticleRevision old = revisions
                .findByArticleIdAndNumber(id, number)
                .orElseThrow(() -> new ArticleNotFoundException("#" + id + " revision " + number));
        ArticleContent content = new ArticleContent(
                old.getTitle(),
                old.getDek(),
                old.getBodyMarkdown(),
                article.getSeoTitle(),
                article.getSeoDescription());
        article.revise(
                typographic(content),
                markdown.render(content.bodyMarkdown()),
                article.getSection(),
                new ArrayList<>(article.getAuthors()),
                new LinkedHashSet<>(article.getTopics()),
                clock.instant());
        articles.flush();
        storeRevision(article, by);
        audit.record(by, "article.revision-restore", subject(article), "revision " + number);
        changedIfSeen(article);
        return article;
    }

    // --- workflow moves (the edit form's buttons take the form's text with them: see save) ----------------------

    /**
     * Saves unless the changes leave the article as it is (a workflow button pressed on an untouched form makes
     * no revision). Where in doubt, it saves: an extra revision costs nothing, a lost edit everything.
     */
    private void saveIfChanged(long id, int baseRevision, ArticleChanges changes, Actor by) {
        Article article = get(id);
        if (sameAs(article, changes)) {
            by.staff().ifPresent(user -> autosaves.clear(user.getAccountId(), id));
            return;
        }
        update(id, baseRevision, changes, by);
    }

    private boolean sameAs(Article article, ArticleChanges changes) {
        ArticleContent content = typographic(changes.content());
        boolean sameSlug = changes.slug() == null
                || changes.slug().isBlank()
                || changes.slug().equals(article.getSlug());
        return sameSlug
                && content.title().equals(article.getTitle())
                && content.dek().equals(article.getDek())
                && lines(content.bodyMarkdown()).equals(lines(article.getBodyMarkdown()))
                && Objects.equals(content.seoTitle(), article.getSeoTitle())
                && Objects.equals(content.seoDescription(), article.getSeoDescription())
                && changes.sectionId() == article.getSection().getId()
                && changes.authorIds().stream()
                        .distinct()
                        .toList()
                        .equals(article.getAuthors().stream().map(Author::getId).toList())
                && new HashSet<>(changes.topicNames())
                        .equals(article.getTopics().stream().map(Topic::getName).collect(Collectors.toSet()));
    }

    /** A browser sends a textarea's lines ending in CRLF, a script in LF: the same text either way. */
    private static String lines(String text) {
        return text == null ? "" : text.replace("\r\n", "\n");
    }

    public void submit(long id, Actor by) {
        Article article = get(id);
        require(ArticlePermissions.canSubmit(by, article), "submit", article);
        article.submit();
        audit.record(by, "article.submit", subject(article), "");
    }

    public void returnToDraft(long id, String note, Actor by) {
        Article article = manageable(id, by, "return");
        article.returnToDraft(note, by.label(), clock.instant());
        audit.record(by, "article.return", subject(article), note == null ? "" : note);
        notices.returned(article, note, by);
    }

    /** Publishes now; refused ({@link PublicationRefusedException}) with no author or a picture without alt text. */
    public Article publish(long id, Actor by) {
        Article article = manageable(id, by, "publish");
        PublicationRefusedException.requirePublishable(article);
        article.publish(clock.instant());
        audit.record(by, "article.publish", subject(article), "");
        events.publishEvent(ArticleEvents.published(article));
        notices.published(article, by);
        return article;
    }

    /** Schedules; refused as {@link #publish} is. */
    public Article schedule(long id, Instant at, Actor by) {
        Article article = manageable(id, by, "schedule");
        PublicationRefusedException.requirePublishable(article);
        article.schedule(at, clock.instant());
        audit.record(by, "article.schedule", subject(article), "for " + at);
        events.publishEvent(new ArticleScheduled(article.getId()));
        return article;
    }

    public void unschedule(long id, Actor by) {
        Article article = manageable(id, by, "unschedule");
        article.unschedule();
        audit.record(by, "article.unschedule", subject(article), "");
        events.publishEvent(new ArticleScheduled(article.getId()));
    }

    /**
     * Moves a scheduled article to another time still to come (the editorial calendar's form): editors and admins.
     * Refused when the article is no longer scheduled ({@link IllegalTransitionException}), the time has passed
     * ({@link ScheduleInPastException}) or its expiry would come first ({@link ExpiryNotAfterPublicationException}).
     */
    public Article reschedule(long id, Instant at, Actor by) {
        Article article = manageable(id, by, "reschedule");
        Instant was = article.getScheduledAt();
        article.reschedule(at, clock.instant());
        audit.record(by, "article.reschedule", subject(article), "from " + was + " to " + at);
        events.publishEvent(new ArticleScheduled(article.getId()));
        return article;
    }

    /**
     * Sets (or with null, clears) when a published or scheduled article comes down by itself; {@link
     * ArticleScheduler} unpublishes it then. Editors and admins.
     */
    public Article expireAt(long id, Instant at, Actor by) {
        Article article = manageable(id, by, "set the expiry of");
        article.expireAt(at, clock.instant());
        audit.record(by, "article.expiry", subject(article), at == null ? "cleared" : "at " + at);
        // the next moment public content changes by itself may have moved: the cache and the timer read it again
        events.publishEvent(new ArticleScheduled(article.getId()));
        return article;
    }

    public void unpublish(long id, Actor by) {
        Article article = manageable(id, by, "unpublish");
        article.unpublish();
        audit.record(by, "article.unpublish", subject(article), "");
        events.publishEvent(new ArticleUnpublished(article.getId()));
    }

    public void archive(long id, Actor by) {
        Article article = manageable(id, by, "archive");
        article.archive();
        audit.record(by, "article.archive", subject(article), "");
        events.publishEvent(new ArticleArchived(article.getId()));
    }

    public void restore(long id, Actor by) {
        Article article = manageable(id, by, "restore");
        article.restore();
        audit.record(by, "article.restore", subject(article), "");
        events.publishEvent(ArticleEvents.published(article));
    }

    /** How long a deleted draft waits in the trash before the purge job removes it for good. */
    public static final java.time.Duration TRASH_KEEPS = java.time.Duration.ofDays(30);

    /**
     * Deletes a draft that was never published (a published article is archived instead): it goes to the trash,
     * with its revisions, restorable for {@link #TRASH_KEEPS}, then purged.
     */
    public void delete(long id, Actor by) {
        Article article = get(id);
        require(ArticlePermissions.canDelete(by, article), "delete", article);
        article.trash(clock.instant(), by.staff().map(StaffUser::getAccountId).orElse(null), by.label());
        audit.record(by, "article.delete", subject(article), article.getTitle());
    }

    /** Takes a draft out of the trash, as it was: whoever put it there, editors and admins. */
    public void untrash(long id, Actor by) {
        Article article = get(id);
        require(
                ArticlePermissions.canView(by, article) && ArticlePermissions.canUntrash(by, article),
                "restore",
                article);
        article.untrash();
        audit.record(by, "article.untrash", subject(article), "");
    }

    /** The trash, newest first: everything for editors and admins, a contributor's own drafts for them. */
    @Transactional(readOnly = true)
    public List<TrashedArticle> trash(Actor by) {
        return articles.findByStatusOrderByTrashedAtDesc(ArticleStatus.TRASHED).stream()
                .filter(article -> ArticlePermissions.canView(by, article))
                .map(article -> new TrashedArticle(
                        article.getId(),
                        article.getTitle(),
                        article.getTrashedAt(),
                        article.getTrashedByName(),
                        article.getTrashedAt().plus(TRASH_KEEPS),
                        ArticlePermissions.canUntrash(by, article)))
                .toList();
    }

    /** Purges, for good, what has been in the trash longer than {@link #TRASH_KEEPS}; answers how many. */
    public int purgeTrash() {
        Instant before = clock.instant().minus(TRASH_KEEPS);
        int purged = 0;
        for (Article article : articles.findByStatusOrderByTrashedAtDesc(ArticleStatus.TRASHED)) {
            if (article.getTrashedAt().isBefore(before)) {
                purge(article, Actor.system("trash purge"), "in the trash since " + article.getTrashedAt());
                purged++;
            }
        }
        return purged;
    }

    /** Empties the trash now, whatever the age of what is in it: admins. */
    public int emptyTrash(Actor by) {
        NotAllowedException.require(ArticlePermissions.canEmptyTrash(by), by, "empty the trash");
        List<Article> trashed = articles.findByStatusOrderByTrashedAtDesc(ArticleStatus.TRASHED);
        trashed.forEach(article -> purge(article, by, "trash emptied"));
        return trashed.size();
    }

    private void purge(Article article, Actor by, String detail) {
        audit.record(by, "article.purge", subject(article), article.getTitle() + " (" + detail + ")");
        articles.delete(article);
    }

    /** A dated correction or update note on a published article, dated now; it bumps the "Updated" date. */
    public Article addNote(long id, NoteKind kind, String body, Actor by) {
        Article article = manageable(id, by, "correct");
        article.addNote(kind, body, clock.instant(), clock.instant());
        audit.record(by, "article.note", subject(article), kind + ": " + body);
        events.publishEvent(ArticleEvents.changed(article));
        return article;
    }

    // --- imports: content with its own past dates ------------------------------------------------------------

    /**
     * Publishes with an earlier date, for content brought in from elsewhere (the journal's archive, the demo):
     * import actors only.
     */
    public Article publishBackdated(long id, Instant publishedAt, Actor by) {
        NotAllowedException.require(ArticlePermissions.canImport(by), by, "publish with a past date");
        if (publishedAt.isAfter(clock.instant())) {
            throw new PublicationInFutureException();
        }
        Article article = get(id);
        article.publish(publishedAt);
        audit.record(by, "article.publish", subject(article), "imported, dated " + publishedAt);
        events.publishEvent(ArticleEvents.published(article));
        return article;
    }

    /** Schedules imported content for its own (future) publication time: import actors only. */
    public Article scheduleImported(long id, Instant at, Actor by) {
        NotAllowedException.require(ArticlePermissions.canImport(by), by, "schedule imported content");
        Article article = get(id);
        article.schedule(at, clock.instant());
        audit.record(by, "article.schedule", subject(article), "imported for " + at);
        events.publishEvent(new ArticleScheduled(article.getId()));
        return article;
    }

    /** A note with its own date, for imported content: import actors only. */
    public Article addNote(long id, NoteKind kind, String body, Instant notedAt, Actor by) {
        NotAllowedException.require(ArticlePermissions.canImport(by), by, "add notes with their own date");
        Article article = get(id);
        article.addNote(kind, body, notedAt, clock.instant());
        audit.record(by, "article.note", subject(article), kind + ": " + body);
        events.publishEvent(ArticleEvents.changed(article));
        return article;
    }

    /** Articles that show an image inline render again when its caption or credit changes. */
    @EventListener
    public void imageDescribed(ImageDescribed event) {
        for (Article article : articles.findByBodyLike("%/media/" + event.imageId() + "/%")) {
            article.rendered(markdown.render(article.getBodyMarkdown()));
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private Article newArticle(ArticleChanges changes, Actor by) {
        Long createdBy = by.staff().map(StaffUser::getAccountId).orElse(null);
        String slug = changes.slug() == null || changes.slug().isBlank()
                ? Slugs.slugify(changes.content().title())
                : changes.slug();
        requireFreeSlug(slug, null);
        Section section = sections.get(changes.sectionId());
        Article article =
                new Article(slug, markdown.typographic(changes.content().title()), section, clock.instant(), createdBy);
        apply(article, changes, by);
        articles.save(article);
        storeRevision(article, by);
        return article;
    }

    private Article manageable(long id, Actor by, String action) {
        Article article = get(id);
        require(ArticlePermissions.canManage(by), action, article);
        return article;
    }

    /** An edit changes what readers see only of an article they can reach (published, or archived: 410). */
    private void changedIfSeen(Article article) {
        if (article.getStatus() == ArticleStatus.PUBLISHED || article.getStatus() == ArticleStatus.ARCHIVED) {
            events.publishEvent(ArticleEvents.changed(article));
        }
    }

    static void require(boolean allowed, String action, Article article) {
        if (!allowed) {
            throw new ArticleAccessDeniedException(action, article.getId());
        }
    }

    /**
     * Stores the article's text as its new revision, then applies the retention policy: every revision readers saw
     * is kept; of the others, the newest {@value #KEPT_UNPUBLISHED_REVISIONS} and any an autosave is based on.
     */
    private void storeRevision(Article article, Actor by) {
        revisions.saveAndFlush(new ArticleRevision(
                article, by.staff().map(StaffUser::getAccountId).orElse(null), by.label(), clock.instant()));
        revisions.deleteUnpublishedBeyond(article.getId(), KEPT_UNPUBLISHED_REVISIONS);
    }

    static String subject(Article article) {
        return "article #" + article.getId() + " " + article.getSlug();
    }

    private void apply(Article article, ArticleChanges changes, Actor by) {
        Section section = sections.get(changes.sectionId());
        article.revise(
                typographic(changes.content()),
                markdown.render(changes.content().bodyMarkdown()),
                section,
                authorsInOrder(changes.authorIds()),
                topics.findOrCreate(by, changes.topicNames()),
                clock.instant());
    }

    /**
     * A contributor signs with their own author profile: they may list it, and keep the authors an editor already
     * put on the article, but no one else. Editors choose any byline; imports have no staff member behind them.
     */
    private void requireOwnByline(List<Author> current, ArticleChanges changes, Actor by) {
        if (by.staff().isEmpty() || ArticlePermissions.canManage(by)) {
            return;
        }
        Set<Long> allowed = new HashSet<>();
        current.forEach(author -> allowed.add(author.getId()));
        by.staff()
                .flatMap(user -> authors.findByAccountId(user.getAccountId()))
                .ifPresent(own -> allowed.add(own.getId()));
        for (Long id : changes.authorIds()) {
            if (!allowed.contains(id)) {
                throw new BylineNotOwnException(id);
            }
        }
    }

    /** Titles and standfirsts get the body's typographic punctuation, stored as readers will see them. */
    private ArticleContent typographic(ArticleContent content) {
        return new ArticleContent(
                markdown.typographic(content.title()),
                markdown.typographic(content.dek()),
                content.bodyMarkdown(),
                markdown.typographic(content.seoTitle()),
                markdown.typographic(content.seoDescription()));
    }

    private List<Author> authorsInOrder(List<Long> ids) {
        Map<Long, Author> byId = new HashMap<>();
        authors.byIds(ids).forEach(author -> byId.put(author.getId(), author));
        return ids.stream()
                .distinct()
                .map(id -> {
                    Author author = byId.get(id);
                    if (author == null) {
                        throw new AuthorNotFoundException("#" + id);
                    }
                    return author;
                })
                .toList();
    }

    private void requireFreeSlug(String slug, Long ownId) {
        redirects.requireFree(SlugKind.ARTICLE, slug, articles.findBySlug(slug).map(Article::getId), ownId);
    }
}
