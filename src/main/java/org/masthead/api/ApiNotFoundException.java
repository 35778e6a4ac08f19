package org.masthead.api;

/** No public article, author, section or topic at this slug (or no such API path): 404. */
class ApiNotFoundException extends RuntimeException {

    private final String kind;
    private final String slug;

    ApiNotFoundException(String kind, String slug) {
        super("No public " + kind + " " + slug);
        this.kind = kind;
        this.slug = slug;
    }

    String kind() {
        return kind;
    }

    String slug() {
        return slug;
    }
}
