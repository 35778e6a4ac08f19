package org.masthead.article;

import java.util.List;

/** Everything an editor sets on an article in one save. Authors are in byline order. */
public record ArticleChanges(
        String slug, ArticleContent content, long sectionId, List<Long> authorIds, List<String> topicNames) {

    public ArticleChanges {
        authorIds = List.copyOf(authorIds);
        topicNames = List.copyOf(topicNames);
    }
}
