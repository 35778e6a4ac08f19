package org.masthead.newsletter;

import org.masthead.security.Actor;
import org.masthead.security.Role;

/** Who may see the subscribers (personal data): admins. Readers manage their own subscription by emailed link. */
public final class NewsletterPermissions {

    private NewsletterPermissions() {}

    /** List and export the subscribers. */
    public static boolean canReadSubscribers(Actor by) {
        return by.hasAtLeast(Role.ADMIN);
    }
}
