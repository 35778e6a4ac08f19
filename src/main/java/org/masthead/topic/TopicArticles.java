package org.masthead.topic;

import java.util.Map;

/**
 * What the topic feature needs to know about articles, implemented by {@code article/} (which may depend on topics;
 * topics may not depend on articles).
 */
public interface TopicArticles {

    /** How many articles, in any state, carry each topic that has any; topics with none are absent. */
    Map<Long, Long> countsByTopic();

    /** How many articles, in any state, carry this topic. */
    long countByTopic(long topicId);

    /** Moves every article tagged {@code fromTopicId} to {@code toTopicId} (once, where it has both). */
    void retag(long fromTopicId, long toTopicId);
}
