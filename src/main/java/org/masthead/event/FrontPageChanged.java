package org.masthead.event;

import java.util.Set;

/** The editors chose the home page's lead and featured articles. */
public record FrontPageChanged() implements PublicContentEvent {

    @Override
    public Set<String> surrogateKeys() {
        return Set.of(SurrogateKey.HOME);
    }
}
