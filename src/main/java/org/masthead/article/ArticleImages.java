package org.masthead.article;

import java.time.Clock;

import org.hibernate.Hibernate;
import org.masthead.audit.AuditLog;
import org.masthead.media.ImageService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Illustrates articles: sets or removes an article's featured image, taken from the media library. */
@Service
@Transactional
public class ArticleImages {

    private final ArticleRepository articles;
    private final ImageService images;
    private final AuditLog audit;
    private final Clock clock;

    ArticleImages(ArticleRepository articles, ImageService images, AuditLog audit, Clock clock) {
        this.articles = articles;
        this.images = images;
        this.audit = audit;
        this.clock = clock;
    }

    /** The article with its featured image loaded. */
    @Transactional(readOnly = true)
    public Article get(long id) {
        Article article = articles.findById(id).orElseThrow(() -> new ArticleNotFoundException("#" + id));
        Hibernate.initialize(article.getFeaturedImage());
        return article;
    }

    /** Sets the featured image, or removes it with null. */
    public Article setFeaturedImage(long id, Long imageId) {
        Article article = get(id);
        article.illustrate(imageId == null ? null : images.get(imageId), clock.instant());
        audit.record(
                "article.featured-image",
                "article #" + id + " " + article.getSlug(),
                imageId == null ? "removed" : "image #" + imageId);
        return article;
    }
}
