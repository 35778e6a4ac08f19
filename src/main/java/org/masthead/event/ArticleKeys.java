package org.masthead.event;

import java.util.LinkedHashSet;
import java.util.Set;

/** The keys of the pages that show an article: its own, its section's, its authors' and its topics'. */
final class ArticleKeys {

    private ArticleKeys() {}

    static Set<String> of(long articleId, long sectionId, Set<Long> authorIds, Set<Long> topicIds) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(SurrogateKey.article(articleId));
        keys.add(SurrogateKey.section(sectionId));
        authorIds.forEach(id -> keys.add(SurrogateKey.author(id)));
        topicIds.forEach(id -> keys.add(SurrogateKey.topic(id)));
        return keys;
    }
}
