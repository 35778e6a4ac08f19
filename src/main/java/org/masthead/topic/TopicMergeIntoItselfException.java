package org.masthead.topic;

/** A topic cannot be merged into itself. */
public class TopicMergeIntoItselfException extends RuntimeException {

    public TopicMergeIntoItselfException(long topicId) {
        super("Topic #" + topicId + " cannot be merged into itself");
    }
}
