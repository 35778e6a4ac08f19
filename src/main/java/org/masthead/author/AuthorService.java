package org.masthead.author;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.masthead.audit.AuditLog;
import org.masthead.event.AuthorChanged;
import org.masthead.markdown.MarkdownRenderer;
import org.masthead.media.Image;
import org.masthead.media.ImageDescribed;
import org.masthead.media.ImageService;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.masthead.slug.InvalidSlugException;
import org.masthead.slug.SlugKind;
import org.masthead.slug.SlugRedirects;
import org.masthead.slug.Slugs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class AuthorService {

    private final AuthorRepository authors;
    private final MarkdownRenderer markdown;
    private final SlugRedirects redirects;
    private final ImageService images;
    private final AuthorArticles articles;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AuthorService(
            AuthorRepository authors,
            MarkdownRenderer markdown,
            SlugRedirects redirects,
            ImageService images,
            AuthorArticles articles,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.authors = authors;
        this.markdown = markdown;
        this.redirects = redirects;
        this.images = images;
        this.articles = articles;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public Author get(long id) {
        return authors.findById(id).orElseThrow(() -> new AuthorNotFoundException("#" + id));
    }

    /** The profile linked to a staff account, if any. */
    public Optional<Author> findByAccountId(long accountId) {
        return authors.findByAccountId(accountId);
    }

    /** Whether {@code slug} is free for the author {@code ownId} (null for a new one): no other author has or had it. */
    public boolean isSlugFree(String slug, Long ownId) {
        return redirects.isFree(SlugKind.AUTHOR, slug, authors.findBySlug(slug).map(Author::getId), ownId);
    }

    /** Whether no author but {@code ownId} is linked to this account. */
    public boolean isAccountFree(long accountId, Long ownId) {
        return authors.findByAccountId(accountId)
                .map(other -> other.getId().equals(ownId))
                .orElse(true);
    }

    /** Bios that show an image inline render again when its caption or credit changes. */
    @EventListener
    @Transactional
    public void imageDescribed(ImageDescribed event) {
        for (Author author : authors.findByBioLike("%/media/" + event.imageId() + "/%")) {
            author.bioRendered(markdown.render(author.getBioMarkdown()));
        }
    }

    /** The bio as readers would see it, through the same pipeline as a saved one. */
    public String previewBio(String bioMarkdown) {
        return markdown.render(bioMarkdown).html();
    }

    /** How many articles, in any state, name the author. */
    public long articleCount(long id) {
        return articles.countByAuthor(id);
    }

    @Transactional
    public Author create(Actor by, AuthorChanges changes) {
        NotAllowedException.require(AuthorPermissions.canEdit(by), by, "create authors");
        NotAllowedException.require(
                changes.accountId() == null || AuthorPermissions.canAdminister(by), by, "link authors to accounts");
        requireFreeSlug(changes.slug(), null);
        Author author = new Author(changes.slug(), changes.name(), changes.titleLine(), clock.instant());
        apply(author, changes);
        authors.save(author);
        audit.record(by, "author.create", subject(author), "");
        events.publishEvent(AuthorChanged.of(author.getId()));
        return author;
    }

    @Transactional
    public Author update(Actor by, long id, long expectedVersion, AuthorChanges changes) {
        NotAllowedException.require(AuthorPermissions.canEdit(by), by, "edit authors");
        Author author = get(id);
        NotAllowedException.require(
                Objects.equals(changes.accountId(), author.getAccountId()) || AuthorPermissions.canAdminister(by),
                by,
                "link authors to accounts");
        if (author.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException(subject(author) + " was changed by someone else");
        }
        if (!changes.slug().equals(author.getSlug())) {
            requireFreeSlug(changes.slug(), id);
            String old = author.changeSlug(changes.slug());
            redirects.renamed(SlugKind.AUTHOR, id, old, changes.slug());
        }
        apply(author, changes);
        audit.record(by, "author.update", subject(author), "");
        events.publishEvent(AuthorChanged.of(id));
        return author;
    }

    /** The one change the author themself may make: their bio and photo, nothing else of the profile. */
    @Transactional
    public Author updateOwnProfile(Actor by, long accountId, String bioMarkdown, Long photoImageId) {
        NotAllowedException.require(
                AuthorPermissions.canEditOwnProfile(by, accountId), by, "edit the profile of account #" + accountId);
        Author author =
                findByAccountId(accountId).orElseThrow(() -> new AuthorNotFoundException("for account #" + accountId));
        author.writeBio(bioMarkdown, markdown.render(bioMarkdown), clock.instant());
        author.showPhoto(photo(photoImageId), clock.instant());
        audit.record(by, "author.profile", subject(author), "own bio and photo");
        events.publishEvent(AuthorChanged.of(author.getId()));
        return author;
    }

    /** Deletes an author who has no articles. */
    @Transactional
    public void delete(Actor by, long id) {
        NotAllowedException.require(AuthorPermissions.canAdminister(by), by, "delete authors");
        Author author = get(id);
        long count = articles.countByAuthor(id);
        if (count > 0) {
            throw new AuthorHasArticlesException(id, count);
        }
        authors.delete(author);
        audit.record(by, "author.delete", subject(author), "");
        events.publishEvent(AuthorChanged.of(id));
    }

    /**
     * Moves the author's bylines to {@code targetId} (co-author order kept, duplicates dropped) and deletes the
     * author; their old page then answers 301 to the target's.
     */
    @Transactional
    public Author mergeInto(Actor by, long id, long targetId) {
        NotAllowedException.require(AuthorPermissions.canAdminister(by), by, "merge authors");
        if (id == targetId) {
            throw new AuthorMergeIntoItselfException(id);
        }
        Author author = get(id);
        Author target = get(targetId);
        articles.reassign(id, targetId);
        authors.delete(author);
        authors.flush();
        redirects.renamed(SlugKind.AUTHOR, targetId, author.getSlug(), target.getSlug());
        audit.record(by, "author.merge", subject(author), "into " + subject(target));
        events.publishEvent(AuthorChanged.of(id, targetId));
        return target;
    }

    private void apply(Author author, AuthorChanges changes) {
        author.rename(changes.name(), changes.titleLine(), clock.instant());
        author.writeBio(changes.bioMarkdown(), markdown.render(changes.bioMarkdown()), clock.instant());
        author.showPhoto(photo(changes.photoImageId()), clock.instant());
        if (changes.accountId() != null && !isAccountFree(changes.accountId(), author.getId())) {
            throw new AccountLinkedElsewhereException(changes.accountId());
        }
        author.linkAccount(changes.accountId(), clock.instant());
        author.replaceLinks(changes.links() == null ? List.of() : changes.links(), clock.instant());
    }

    private Image photo(Long imageId) {
        return imageId == null ? null : images.get(imageId);
    }

    private void requireFreeSlug(String slug, Long ownId) {
        redirects.requireFree(SlugKind.AUTHOR, slug, authors.findBySlug(slug).map(Author::getId), ownId);
    }

    private static String subject(Author author) {
        return "author #" + author.getId() + " " + author.getSlug();
    }

    public Optional<Author> findBySlug(String slug) {
        return authors.findBySlug(slug);
    }

    public List<Author> all() {
        return authors.findAllByOrderByNameAsc();
    }

    /** The authors with these slugs, in the order given; unknown slugs are an error. */
    public List<Author> bySlugs(List<String> slugs) {
        Map<String, Author> found =
                authors.findBySlugIn(slugs).stream().collect(Collectors.toMap(Author::getSlug, Function.identity()));
        return slugs.stream()
                .map(slug -> Optional.ofNullable(found.get(slug)).orElseThrow(() -> new AuthorNotFoundException(slug)))
                .toList();
    }

    public List<Author> byIds(Collection<Long> ids) {
        return authors.findAllById(ids);
    }

    /** The current slug of an author who used to be found at {@code oldSlug}. */
    public Optional<String> currentSlug(String oldSlug) {
        return redirects
                .find(SlugKind.AUTHOR, oldSlug)
                .flatMap(authors::findById)
                .map(Author::getSlug);
    }

    /** An author of imported content (the demo journal, an archive), created like an editor's. */
    @Transactional
    public Author create(Actor by, String slug, String name, String titleLine, String bioMarkdown) {
        if (!Slugs.isValid(slug)) {
            throw new InvalidSlugException(slug);
        }
        return create(by, new AuthorChanges(name, slug, titleLine, bioMarkdown, null, null, List.of()));
    }
}
