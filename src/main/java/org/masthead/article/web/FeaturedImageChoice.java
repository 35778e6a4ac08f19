package org.masthead.article.web;

import java.util.Objects;

import org.masthead.article.Article;
import org.masthead.article.ArticleImages;
import org.masthead.media.ImageNotFoundException;
import org.masthead.security.StaffUser;
import org.springframework.stereotype.Component;

/**
 * The featured image chosen on the edit page itself (also on a new article, before its first save). A changed
 * choice replaces the image, and the caption and credit this article gave the old one; those are set on the
 * featured image page. A form that did not carry the choice leaves the image as it is.
 */
@Component
class FeaturedImageChoice {

    private final ArticleImages images;

    FeaturedImageChoice(ArticleImages images) {
        this.images = images;
    }

    /** Applies the form's choice to the article; answers a problem's message key, or null. */
    String apply(long articleId, ArticleForm form, StaffUser me) {
        if (!form.isFeaturedImagePicked()) {
            return null;
        }
        Article article = images.forEditing(articleId, me);
        Long current = article.getFeaturedImage() == null
                ? null
                : article.getFeaturedImage().getId();
        if (Objects.equals(current, form.getFeaturedImageId())) {
            return null;
        }
        try {
            images.setFeaturedImage(articleId, form.getFeaturedImageId(), null, null, me);
            return null;
        } catch (ImageNotFoundException ex) {
            return "media.error.no-such-image";
        }
    }
}
