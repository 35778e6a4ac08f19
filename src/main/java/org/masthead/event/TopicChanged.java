package org.masthead.event;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Topics were created, renamed, merged (the merged topic and the one kept) or deleted: their pages and the
 * articles that list them.
 */
public record TopicChanged(Set<Long> topicIds) implements PublicContentEvent {

    public TopicChanged {
        topicIds = Set.copyOf(topicIds);
    }

    public static TopicChanged of(long... ids) {
        Set<Long> all = new LinkedHashSet<>();
        for (long id : ids) {
            all.add(id);
        }
        return new TopicChanged(all);
    }

    @Override
    public Set<String> surrogateKeys() {
        Set<String> keys = new LinkedHashSet<>();
        topicIds.forEach(id -> keys.add(SurrogateKey.topic(id)));
        return keys;
    }
}
