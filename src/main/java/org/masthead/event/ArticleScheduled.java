package org.masthead.event;

import java.util.Set;

/**
 * An article's publication time was set, moved or dropped. No page shows it yet, so no tag names it; but how long a
 * page may be kept depends on the next scheduled publication, which this may have changed.
 */
public record ArticleScheduled(long articleId) implements PublicContentEvent {

    @Override
    public Set<String> surrogateKeys() {
        return Set.of();
    }
}
