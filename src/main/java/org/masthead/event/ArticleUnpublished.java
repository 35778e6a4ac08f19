package org.masthead.event;

import java.util.Set;

/** A published article went back to draft: its page and every list that showed it (they carry its key). */
public record ArticleUnpublished(long articleId) implements PublicContentEvent {

    @Override
    public Set<String> surrogateKeys() {
        return Set.of(SurrogateKey.article(articleId));
    }
}
