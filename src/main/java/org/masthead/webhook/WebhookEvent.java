package org.masthead.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook may be told of: a public article published, changed, or no longer public. */
public enum WebhookEvent {
    /** An article became public (published now, at its scheduled time, or restored). */
    PUBLISHED("article.published"),
    /** A public article changed (its text, title, byline, section, topics, picture, or a note). */
    UPDATED("article.updated"),
    /** An article is no longer public (unpublished, expired or archived). */
    UNPUBLISHED("article.unpublished");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    /** The name in a delivery's {@code event} field and on the admin page. */
    public String wireName() {
        return wireName;
    }

    static Optional<WebhookEvent> ofWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }
}
