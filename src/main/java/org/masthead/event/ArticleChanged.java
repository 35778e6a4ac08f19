package org.masthead.event;

import java.util.Set;

/**
 * A public (or archived) article changed where readers see it: its text, its section, bylines or topics, its
 * featured image, a correction note, an earlier revision restored. The ids are those it has now: every page that
 * showed it before carries its own key.
 */
public record ArticleChanged(long articleId, long sectionId, Set<Long> authorIds, Set<Long> topicIds)
        implements PublicContentEvent {

    public ArticleChanged {
        authorIds = Set.copyOf(authorIds);
        topicIds = Set.copyOf(topicIds);
    }

    @Override
    public Set<String> surrogateKeys() {
        return ArticleKeys.of(articleId, sectionId, authorIds, topicIds);
    }
}
