package org.masthead.event;

import java.util.Set;

/** A section was created, edited or deleted: its page, and every page's navigation, which lists the sections. */
public record SectionChanged(long sectionId) implements PublicContentEvent {

    @Override
    public Set<String> surrogateKeys() {
        return Set.of(SurrogateKey.section(sectionId));
    }

    @Override
    public boolean touchesEveryPage() {
        return true;
    }
}
