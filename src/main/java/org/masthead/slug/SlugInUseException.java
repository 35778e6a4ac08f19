package org.masthead.slug;

/** A slug that another page of the same kind has, or had (its old URL still redirects there). */
public class SlugInUseException extends RuntimeException {

    private final String slug;

    public SlugInUseException(String slug) {
        super("Slug in use: " + slug);
        this.slug = slug;
    }

    public String getSlug() {
        return slug;
    }
}
