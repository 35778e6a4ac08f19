package org.masthead.topic;

/** A topic that articles still carry cannot be deleted: merge it into another instead. */
public class TopicInUseException extends RuntimeException {

    private final long articleCount;

    public TopicInUseException(long topicId, long articleCount) {
        super("Topic #" + topicId + " is on " + articleCount + " articles");
        this.articleCount = articleCount;
    }

    public long getArticleCount() {
        return articleCount;
    }
}
