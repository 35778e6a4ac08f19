package org.masthead.slug;

import java.time.Clock;
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

    /** The id of the page that an old slug now belongs to. */
    @Transactional(readOnly = true)
    public Optional<Long> find(SlugKind kind, String oldSlug) {
        return redirects.findByKindAndOldSlug(kind, oldSlug).map(SlugRedirect::targetId);
    }
}
