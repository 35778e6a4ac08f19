package org.masthead.article;

import java.sql.Timestamp;
import java.time.Clock;

import org.masthead.media.ImageVisibility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which images readers may see: the featured and inline images of public articles (the visibility rule, through
 * {@code public_articles}), and the photos and inline bio images of authors (whose pages are public). A preview
 * link opens its article's images and its authors' photos.
 */
@Component
@Transactional(readOnly = true)
class ArticleImageVisibility implements ImageVisibility {

    private final JdbcTemplate jdbc;
    private final PreviewLinks previews;
    private final Clock clock;

    ArticleImageVisibility(JdbcTemplate jdbc, PreviewLinks previews, Clock clock) {
        this.jdbc = jdbc;
        this.previews = previews;
        this.clock = clock;
    }

    @Override
    public boolean shownPublicly(long imageId) {
        String inline = "%/media/" + imageId + "/%";
        Boolean shown = jdbc.queryForObject(
                """
                select exists (select 1 from authors au where au.photo_image_id = ? or au.bio_html like ?)
                    or exists (select 1 from public_articles(?) a
                               where a.featured_image_id = ? or a.body_html like ?)""", Boolean.class, imageId, inline, Timestamp.from(clock.instant()), imageId, inline);
        return Boolean.TRUE.equals(shown);
    }

    @Override
    public boolean shownInPreview(long imageId, String previewToken) {
        String inline = "/media/" + imageId + "/";
        return previews.open(previewToken)
                .map(article -> (article.getFeaturedImage() != null
                                && article.getFeaturedImage().getId() == imageId)
                        || article.getBodyHtml().contains(inline)
                        || article.getAuthors().stream()
                                .anyMatch(author -> author.getPhoto() != null
                                        && author.getPhoto().getId() == imageId))
                .orElse(false);
    }
}
