package org.masthead.slug;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Remembers old slugs so that renamed pages keep their old URLs working (answered with 301). */
@Service
@Transactional
public class SlugRedirects {

    private final SlugRedirectRepository redirects;
    private final Clock clock;

    SlugRedirects(SlugRedirectRepository redirects, Clock clock) {
        this.redirects = redirects;
        this.clock = clock;
    }

    /**
     * Records that {@code oldSlug} now means the page {@code targetId}, and frees {@code newSlug}:
     * a page that takes over a slug that used to redirect must not keep redirecting.
     */
    public void renamed(SlugKind kind, long targetId, String oldSlug, String newSlug) {
        if (oldSlug.equals(newSlug)) {
            return;
        }
        redirects.deleteByKindAndOldSlug(kind, newSlug);
        redirects
                .findByKindAndOldSlug(kind, oldSlug)
                .ifPresentOrElse(
                        existing -> existing.pointTo(targetId),
                        () -> redirects.save(new SlugRedirect(kind, oldSlug, targetId, clock.instant())));
    }

    /**
     * Records that the page {@code fromId}, found at {@code fromSlug}, was merged into the page {@code toId}: its
     * slug and every old slug that led to it now answer 301 to the page it was merged into.
     */
    public void merged(SlugKind kind, long fromId, String fromSlug, long toId) {
        redirects.repoint(kind, fromId, toId);
        redirects
                .findByKindAndOldSlug(kind, fromSlug)
                .ifPresentOrElse(
                        existing -> existing.pointTo(toId),
                        () -> redirects.save(new SlugRedirect(kind, fromSlug, toId, clock.instant())));
    }

    /**
     * Whether {@code slug} is free for the page {@code ownId} of this kind (null for a new page): no other page has
     * it now ({@code holder}, the page that has it, if any) or had it (its old URL still redirects there).
     */
    @Transactional(readOnly = true)
    public boolean isFree(SlugKind kind, String slug, Optional<Long> holder, Long ownId) {
        boolean taken = holder.map(id -> !id.equals(ownId)).orElse(false);
        boolean redirected = find(kind, slug).map(id -> !id.equals(ownId)).orElse(false);
        return !taken && !redirected;
    }

    /** Refuses a slug that is not valid, or not free for the page {@code ownId} (see {@link #isFree}). */
    @Transactional(readOnly = true)
    public void requireFree(SlugKind kind, String slug, Optional<Long> holder, Long ownId) {
        if (!Slugs.isValid(slug)) {
            throw new InvalidSlugException(slug);
        }
        if (!isFree(kind, slug, holder, ownId)) {
            throw new SlugInUseException(slug);
        }
    }

    /** The old slugs that answer 301 to the page {@code targetId}. */
    @Transactional(readOnly = true)
    public List<String> oldSlugs(SlugKind kind, long targetId) {
        return redirects.findByKindAndTargetIdOrderByOldSlug(kind, targetId).stream()
                .map(SlugRedirect::oldSlug)
                .toList();
    }

    /** The id of the page that an old slug now belongs to. */
    @Transactional(readOnly = true)
    public Optional<Long> find(SlugKind kind, String oldSlug) {
        return redirects.findByKindAndOldSlug(kind, oldSlug).map(SlugRedirect::targetId);
    }
}
