package org.masthead.event;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An article became public: published now or with an imported date, published at its scheduled time, or restored
 * from the archive. It joins the home page and the lists of its section, authors and topics.
 */
public record ArticlePublished(long articleId, long sectionId, Set<Long> authorIds, Set<Long> topicIds)
        implements PublicContentEvent {

    public ArticlePublished {
        authorIds = Set.copyOf(authorIds);
        topicIds = Set.copyOf(topicIds);
    }

    @Override
    public Set<String> surrogateKeys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(SurrogateKey.HOME);
        keys.addAll(ArticleKeys.of(articleId, sectionId, authorIds, topicIds));
        return keys;
    }
}
