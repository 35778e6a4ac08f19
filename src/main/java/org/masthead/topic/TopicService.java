package org.masthead.topic;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.masthead.slug.SlugKind;
import org.masthead.slug.SlugRedirects;
import org.masthead.slug.Slugs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class TopicService {

    private final TopicRepository topics;
    private final SlugRedirects redirects;
    private final Clock clock;

    TopicService(TopicRepository topics, SlugRedirects redirects, Clock clock) {
        this.topics = topics;
        this.redirects = redirects;
        this.clock = clock;
    }

    public Optional<Topic> findBySlug(String slug) {
        return topics.findBySlug(slug);
    }

    public List<Topic> all() {
        return topics.findAllByOrderByNameAsc();
    }

    /** The topics with these ids, by name. */
    public List<Topic> byIds(Collection<Long> ids) {
        return topics.findAllById(ids).stream()
                .sorted(Comparator.comparing(Topic::getName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The current slug of a topic that used to be found at {@code oldSlug}. */
    public Optional<String> currentSlug(String oldSlug) {
        return redirects.find(SlugKind.TOPIC, oldSlug).flatMap(topics::findById).map(Topic::getSlug);
    }

    /** The topics with these names, creating those that do not exist yet (editors add topics on the fly). */
    @Transactional
    public Set<Topic> findOrCreate(Collection<String> names) {
        Set<Topic> result = new LinkedHashSet<>();
        for (String name : names) {
            String trimmed = name.strip();
            String slug = Slugs.slugify(trimmed);
            if (slug.isEmpty()) {
                continue;
            }
            result.add(topics.findBySlug(slug).orElseGet(() -> topics.save(new Topic(slug, trimmed, clock.instant()))));
        }
        return result;
    }
}
