package org.masthead.event;

/**
 * The tags a reader's page carries in its {@code Surrogate-Key} and {@code Cache-Tag} headers, made in one place
 * for the pages that carry them and the events that name them: {@code home}, {@code article-<id>},
 * {@code section-<id>}, {@code author-<id>}, {@code topic-<id>}.
 */
public final class SurrogateKey {

    public static final String HOME = "home";

    private SurrogateKey() {}

    public static String article(long id) {
        return "article-" + id;
    }

    public static String section(long id) {
        return "section-" + id;
    }

    public static String author(long id) {
        return "author-" + id;
    }

    public static String topic(long id) {
        return "topic-" + id;
    }
}
