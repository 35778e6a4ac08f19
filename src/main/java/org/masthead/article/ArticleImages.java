package org.masthead.article;

import java.time.Clock;
import java.util.Objects;

import org.hibernate.Hibernate;
import org.masthead.audit.AuditLog;
import org.masthead.media.ImageService;
import org.masthead.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Illustrates articles: sets or removes an article's featured image, taken from the media library. */
@Service
@Transactional
public class ArticleImages {

    private final ArticleRepository articles;
    private final ImageService images;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleImages(
            ArticleRepository articles,
            ImageService images,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.articles = articles;
        this.images = images;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The article with its featured image loaded. */
    @Transactional(readOnly = true)
    public Article get(long id) {
        Article article = articles.findById(id).orElseThrow(() -> new ArticleNotFoundException("#" + id));
        Hibernate.initialize(article.getFeaturedImage());
        return article;
    }

    /** The article with its featured image loaded, for someone who may edit it (an editor, or its owner's draft). */
    @Transactional(readOnly = true)
    public Article forEditing(long id, Actor by) {
        Article article = get(id);
        requireEditable(article, by);
        return article;
    }

    private static void requireEditable(Article article, Actor by) {
        if (!ArticlePermissions.canEdit(by, article)) {
            throw new ArticleAccessDeniedException("illustrate", article.getId());
        }
    }

    /** Sets the featured image as {@code by}, or removes it with null; see the five-argument form. */
    public Article setFeaturedImage(long id, Long imageId, Actor by) {
        return setFeaturedImage(id, imageId, null, null, by);
    }

    /**
     * Sets the featured image with this article's own caption and credit (blank for the image's own), or removes
     * it with a null id, as {@code by}, who must be allowed to edit the article.
     */
    public Article setFeaturedImage(long id, Long imageId, String caption, String credit, Actor by) {
        Article article = get(id);
        requireEditable(article, by);
        String ownCaption = blankToNull(caption);
        String ownCredit = blankToNull(credit);
        article.illustrate(imageId == null ? null : images.get(imageId), ownCaption, ownCredit, clock.instant());
        String detail = imageId == null ? "removed" : "image #" + imageId;
        if (imageId != null && (ownCaption != null || ownCredit != null)) {
            detail += ", with its own caption or credit";
        }
        audit.record(by, "article.featured-image", "article #" + id + " " + article.getSlug(), detail);
        if (article.getStatus() == ArticleStatus.PUBLISHED) {
            events.publishEvent(ArticleEvents.changed(article));
        }
        return article;
    }

    /**
     * The featured image picked on the edit form, in the caller's transaction: a changed choice replaces the image
     * (and the caption and credit this article gave the old one), the same one changes nothing. Answers false,
     * changing nothing, when the picked image has been deleted from the library meanwhile.
     */
    public boolean choose(long id, Long imageId, Actor by) {
        Article article = get(id);
        requireEditable(article, by);
        Long current = article.getFeaturedImage() == null
                ? null
                : article.getFeaturedImage().getId();
        if (Objects.equals(current, imageId)) {
            return true;
        }
        if (imageId != null && images.find(imageId).isEmpty()) {
            return false;
        }
        setFeaturedImage(id, imageId, null, null, by);
        return true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
