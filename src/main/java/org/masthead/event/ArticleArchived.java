package org.masthead.event;

import java.util.Set;

/** A published article was archived: its page answers 410 and it leaves every list (they carry its key). */
public record ArticleArchived(long articleId) implements PublicContentEvent {

    @Override
    public Set<String> surrogateKeys() {
        return Set.of(SurrogateKey.article(articleId));
    }
}
