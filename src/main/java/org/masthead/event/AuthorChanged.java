package org.masthead.event;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Authors were created, edited, deleted or merged (the merged author and the one kept): their pages and the
 * articles with their byline.
 */
public record AuthorChanged(Set<Long> authorIds) implements PublicContentEvent {

    public AuthorChanged {
        authorIds = Set.copyOf(authorIds);
    }

    public static AuthorChanged of(long... ids) {
        Set<Long> all = new LinkedHashSet<>();
        for (long id : ids) {
            all.add(id);
        }
        return new AuthorChanged(all);
    }

    @Override
    public Set<String> surrogateKeys() {
        Set<String> keys = new LinkedHashSet<>();
        authorIds.forEach(id -> keys.add(SurrogateKey.author(id)));
        return keys;
    }
}
