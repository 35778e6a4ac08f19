package org.masthead.section;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.masthead.slug.SlugKind;
import org.masthead.slug.SlugRedirects;
import org.masthead.slug.Slugs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class SectionService {

    private final SectionRepository sections;
    private final SlugRedirects redirects;
    private final Clock clock;

    SectionService(SectionRepository sections, SlugRedirects redirects, Clock clock) {
        this.sections = sections;
        this.redirects = redirects;
        this.clock = clock;
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
        return redirects.find(SlugKind.SECTION, oldSlug).flatMap(sections::findById).map(Section::getSlug);
    }

    @Transactional
    public Section create(String slug, String name, String description, String disclaimer, String newsletterCta, int position) {
        if (!Slugs.isValid(slug)) {
            throw new IllegalArgumentException("Invalid slug: " + slug);
        }
        Section section = new Section(slug, name, clock.instant());
        section.describe(description, disclaimer, newsletterCta, position, clock.instant());
        return sections.save(section);
    }
}
