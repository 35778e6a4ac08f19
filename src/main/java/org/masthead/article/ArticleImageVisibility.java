package org.masthead.article;

import java.sql.Timestamp;
import java.time.Clock;

import org.masthead.media.ImageVisibility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which images readers may see: the featured and inline images of public articles (the visibility rule, through
 * {@code public_articles}), and the photos and inline bio images of public authors (those with a public article,
 * whose pages are public). A preview link opens its own article's featured and inline images, nothing else.
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
        Timestamp now = Timestamp.from(clock.instant());
        Boolean shown = jdbc.queryForObject("""
                select exists (select 1 from authors au
                               where (au.photo_image_id = ? or au.bio_html like ?)
                                 and exists (select 1 from article_authors x
                                             join public_articles(?) a on a.id = x.article_id
                                             where x.author_id = au.id))
                    or exists (select 1 from public_articles(?) a
                               where a.featured_image_id = ? or a.body_html like ?)""", Boolean.class, imageId, inline, now, now, imageId, inline);
        return Boolean.TRUE.equals(shown);
    }

    @Override
    public boolean shownInPreview(long imageId, String previewToken) {
        String inline = "/media/" + imageId + "/";
        return previews.open(previewToken)
                .map(article -> (article.getFeaturedImage() != null
                                && article.getFeaturedImage().getId() == imageId)
                        || article.getBodyHtml().contains(inline))
                .orElse(false);
    }
}
