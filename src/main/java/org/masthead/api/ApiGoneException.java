package org.masthead.api;

/** An archived article: its page answers 410 Gone, and so does the API. */
class ApiGoneException extends RuntimeException {

    private final String slug;

    ApiGoneException(String slug) {
        super("Archived article " + slug);
        this.slug = slug;
    }

    String slug() {
        return slug;
    }
}
