package org.masthead.event;

import java.util.Set;

/**
 * An image's text alternative, caption or credit changed. It may be shown in any article's body, as a featured
 * image or an author's photo, which its library does not know: every page.
 */
public record ImageChanged(long imageId) implements PublicContentEvent {

    @Override
    public Set<String> surrogateKeys() {
        return Set.of();
    }

    @Override
    public boolean touchesEveryPage() {
        return true;
    }
}
