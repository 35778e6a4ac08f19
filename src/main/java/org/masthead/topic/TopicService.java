package org.masthead.topic;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.masthead.audit.AuditLog;
import org.masthead.event.TopicChanged;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.masthead.slug.SlugKind;
import org.masthead.slug.SlugRedirects;
import org.masthead.slug.Slugs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class TopicService {

    private final TopicRepository topics;
    private final SlugRedirects redirects;
    private final TopicArticles articles;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TopicService(
            TopicRepository topics,
            SlugRedirects redirects,
            TopicArticles articles,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.topics = topics;
        this.redirects = redirects;
        this.articles = articles;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public Optional<Topic> findBySlug(String slug) {
        return topics.findBySlug(slug);
    }

    public Topic get(long id) {
        return topics.findById(id).orElseThrow(() -> new TopicNotFoundException("#" + id));
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

    /** How many articles, in any state, carry each topic (topics with none are absent). */
    public Map<Long, Long> articleCounts() {
        return articles.countsByTopic();
    }

    /** How many articles, in any state, carry the topic. */
    public long articleCount(long id) {
        return articles.countByTopic(id);
    }

    /** The current slug of a topic that used to be found at {@code oldSlug}. */
    public Optional<String> currentSlug(String oldSlug) {
        return redirects.find(SlugKind.TOPIC, oldSlug).flatMap(topics::findById).map(Topic::getSlug);
    }

    /** Whether {@code slug} is free for the topic {@code ownId}: no other topic has or had it. */
    public boolean isSlugFree(String slug, long ownId) {
        return redirects.isFree(SlugKind.TOPIC, slug, topics.findBySlug(slug).map(Topic::getId), ownId);
    }

    /** The topics with these names, creating those that do not exist yet (editors add topics on the fly). */
    @Transactional
    public Set<Topic> findOrCreate(Actor by, Collection<String> names) {
        NotAllowedException.require(TopicPermissions.canCreate(by), by, "create topics");
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

    /** The topic with this slug, or a new one with this exact slug and name (a topic brought in from an export). */
    @Transactional
    public Topic findOrCreate(Actor by, String slug, String name) {
        NotAllowedException.require(TopicPermissions.canCreate(by), by, "create topics");
        return topics.findBySlug(slug).orElseGet(() -> {
            Topic topic = topics.save(new Topic(slug, name.strip(), clock.instant()));
            events.publishEvent(TopicChanged.of(topic.getId()));
            return topic;
        });
    }

    /** Corrects a topic's name and slug; the old URL answers 301 to the new one. */
    @Transactional
    public Topic rename(Actor by, long id, String name, String slug) {
        NotAllowedException.require(TopicPermissions.canManage(by), by, "rename topics");
        Topic topic = get(id);
        String before = subject(topic);
        if (!slug.equals(topic.getSlug())) {
            redirects.requireFree(SlugKind.TOPIC, slug, topics.findBySlug(slug).map(Topic::getId), id);
        }
        String oldSlug = topic.rename(name, slug);
        redirects.renamed(SlugKind.TOPIC, id, oldSlug, slug);
        audit.record(by, "topic.rename", subject(topic), "was " + before);
        events.publishEvent(TopicChanged.of(id));
        return topic;
    }

    /**
     * Merges {@code fromId} into {@code intoId}: its articles carry the other topic instead, and its URL (and any old
     * one) answers 301 to the other topic's page. The merged topic is gone.
     */
    @Transactional
    public Topic merge(Actor by, long fromId, long intoId) {
        NotAllowedException.require(TopicPermissions.canManage(by), by, "merge topics");
        if (fromId == intoId) {
            throw new TopicMergeIntoItselfException(fromId);
        }
        Topic from = get(fromId);
        Topic into = get(intoId);
        articles.retag(fromId, intoId);
        redirects.merged(SlugKind.TOPIC, fromId, from.getSlug(), intoId);
        topics.delete(from);
        audit.record(by, "topic.merge", subject(from), "into " + subject(into));
        events.publishEvent(TopicChanged.of(fromId, intoId));
        return into;
    }

    /** Deletes a topic that no article carries. */
    @Transactional
    public void delete(Actor by, long id) {
        NotAllowedException.require(TopicPermissions.canManage(by), by, "delete topics");
        Topic topic = get(id);
        long count = articles.countByTopic(id);
        if (count > 0) {
            throw new TopicInUseException(id, count);
        }
        topics.delete(topic);
        audit.record(by, "topic.delete", subject(topic), "");
        events.publishEvent(TopicChanged.of(id));
    }

    private static String subject(Topic topic) {
        return "topic #" + topic.getId() + " " + topic.getSlug();
    }
}
