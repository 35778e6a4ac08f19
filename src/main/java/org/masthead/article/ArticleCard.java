package org.masthead.article;

import java.time.Instant;
import java.util.List;

import org.masthead.author.Author;
import org.masthead.media.Image;
import org.masthead.section.Section;

/**
 * A public article as a list shows it (a card of the front page, a section, author or topic page, a line of related
 * reading): its row without the body columns, with its section, featured image and co-authors. Read by
 * {@link PublicArticles} in one statement a list (the co-authors in one more), so a list page decodes no article's
 * Markdown, HTML or search text. The property names are those of {@link Article}, which the list fragments read.
 */
public final class ArticleCard {

    private final long id;
    private final String slug;
    private final String title;
    private final String dek;
    private final String excerpt;
    private final int readingMinutes;
    private final Instant publishedAt;
    private final Instant updatedAt;
    private final Section section;
    private final Image featuredImage;
    private List<Author> authors = List.of();

    public ArticleCard(
            long id,
            String slug,
            String title,
            String dek,
            String excerpt,
            int readingMinutes,
            Instant publishedAt,
            Instant updatedAt,
            Section section,
            Image featuredImage) {
        this.id = id;
        this.slug = slug;
        this.title = title;
        this.dek = dek;
        this.excerpt = excerpt;
        this.readingMinutes = readingMinutes;
        this.publishedAt = publishedAt;
        this.updatedAt = updatedAt;
        this.section = section;
        this.featuredImage = featuredImage;
    }

    public long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getTitle() {
        return title;
    }

    public String getDek() {
        return dek;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public int getReadingMinutes() {
        return readingMinutes;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The last change of the public content, as {@link Article#getLastModified()}. */
    public Instant getLastModified() {
        return publishedAt != null && publishedAt.isAfter(updatedAt) ? publishedAt : updatedAt;
    }

    public Section getSection() {
        return section;
    }

    public Image getFeaturedImage() {
        return featuredImage;
    }

    /** The co-authors in byline order (empty until {@link PublicArticles} has read them for the list). */
    public List<Author> getAuthors() {
        return authors;
    }

    void setAuthors(List<Author> authors) {
        this.authors = List.copyOf(authors);
    }
}
