package org.masthead.section;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.masthead.audit.AuditLog;
import org.masthead.event.SectionChanged;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.masthead.slug.InvalidSlugException;
import org.masthead.slug.SlugKind;
import org.masthead.slug.SlugRedirects;
import org.masthead.slug.Slugs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class SectionService {

    private final SectionRepository sections;
    private final SlugRedirects redirects;
    private final SectionArticles articles;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SectionService(
            SectionRepository sections,
            SlugRedirects redirects,
            SectionArticles articles,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.sections = sections;
        this.redirects = redirects;
        this.articles = articles;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Whether {@code slug} is free for the section {@code ownId} (null for a new one): no other section has or had it. */
    public boolean isSlugFree(String slug, Long ownId) {
        return redirects.isFree(
                SlugKind.SECTION, slug, sections.findBySlug(slug).map(Section::getId), ownId);
    }

    /** How many articles, in any state, belong to the section. */
    public long articleCount(long id) {
        return articles.countBySection(id);
    }

    @Transactional
    public Section create(Actor by, SectionChanges changes) {
        NotAllowedException.require(SectionPermissions.canManage(by), by, "create sections");
        requireFreeSlug(changes.slug(), null);
        Section section = new Section(changes.slug(), changes.name(), clock.instant());
        section.describe(
                changes.description(),
                changes.disclaimer(),
                changes.newsletterCta(),
                changes.position(),
                clock.instant());
        sections.save(section);
        audit.record(by, "section.create", subject(section), "");
        events.publishEvent(new SectionChanged(section.getId()));
        return section;
    }

    /** Changes a section; a new slug keeps the old URL answering 301. */
    @Transactional
    public Section update(Actor by, long id, long expectedVersion, SectionChanges changes) {
        NotAllowedException.require(SectionPermissions.canManage(by), by, "change sections");
        Section section = get(id);
        if (section.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException(subject(section) + " was changed by someone else");
        }
        if (!changes.slug().equals(section.getSlug())) {
            requireFreeSlug(changes.slug(), id);
            String old = section.changeSlug(changes.slug());
            redirects.renamed(SlugKind.SECTION, id, old, changes.slug());
        }
        section.rename(changes.name(), clock.instant());
        section.describe(
                changes.description(),
                changes.disclaimer(),
                changes.newsletterCta(),
                changes.position(),
                clock.instant());
        audit.record(by, "section.update", subject(section), "");
        events.publishEvent(new SectionChanged(id));
        return section;
    }

    /** Deletes a section that has no articles. */
    @Transactional
    public void delete(Actor by, long id) {
        NotAllowedException.require(SectionPermissions.canManage(by), by, "delete sections");
        Section section = get(id);
        long count = articles.countBySection(id);
        if (count > 0) {
            throw new SectionHasArticlesException(id, count);
        }
        sections.delete(section);
        audit.record(by, "section.delete", subject(section), "");
        events.publishEvent(new SectionChanged(id));
    }

    private void requireFreeSlug(String slug, Long ownId) {
        redirects.requireFree(SlugKind.SECTION, slug, sections.findBySlug(slug).map(Section::getId), ownId);
    }

    private static String subject(Section section) {
        return "section #" + section.getId() + " " + section.getSlug();
    }

    /** All sections in display order (few: a journal has a handful). */
    public List<Section> all() {
        return sections.findAllByOrderByPositionAscNameAsc();
    }

    public Optional<Section> findBySlug(String slug) {
        return sections.findBySlug(slug);
    }

    public Section get(long id) {
        return sections.findById(id).orElseThrow(() -> new SectionNotFoundException("#" + id));
    }

    /** The current slug of a section that used to be found at {@code oldSlug}. */
    public Optional<String> currentSlug(String oldSlug) {
        return redirects
                .find(SlugKind.SECTION, oldSlug)
                .flatMap(sections::findById)
                .map(Section::getSlug);
    }

    /** A section of imported content (the demo journal, an archive), created like an admin's. */
    @Transactional
    public Section create(
            Actor by,
            String slug,
            String name,
            String description,
            String disclaimer,
            String newsletterCta,
            int position) {
        if (!Slugs.isValid(slug)) {
            throw new InvalidSlugException(slug);
        }
        return create(by, new SectionChanges(name, slug, description, disclaimer, newsletterCta, position));
    }
}
