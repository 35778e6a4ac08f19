package org.masthead.article;

/** Another article already has (or used to have) the slug asked for. */
public class SlugTakenException extends RuntimeException {

    private final String slug;

    SlugTakenException(String slug) {
        super("The slug " + slug + " is taken");
        this.slug = slug;
    }

    public String getSlug() {
        return slug;
    }
}
