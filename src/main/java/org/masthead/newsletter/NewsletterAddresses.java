package org.masthead.newsletter;

import org.masthead.settings.EmailAddressSetting;
import org.masthead.settings.SettingsStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** The newsletter's From and Reply-To as they are now (the settings page's values, else the properties'). */
@Component
class NewsletterAddresses {

    private final SettingsStore settings;
    private final EmailAddressSetting from;
    private final EmailAddressSetting replyTo;

    NewsletterAddresses(
            SettingsStore settings,
            @Qualifier("newsletterFrom") EmailAddressSetting from,
            @Qualifier("newsletterReplyTo") EmailAddressSetting replyTo) {
        this.settings = settings;
        this.from = from;
        this.replyTo = replyTo;
    }

    String from() {
        return settings.get(from);
    }

    /** The reply address, or empty for replies to the sender. */
    String replyTo() {
        return settings.get(replyTo);
    }
}
