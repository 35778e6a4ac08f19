package org.masthead.topic;

import org.masthead.security.Actor;
import org.masthead.security.Role;

/** Who may do what to topics: anyone on the staff creates them in the editor; editors rename, merge and delete. */
public final class TopicPermissions {

    private TopicPermissions() {}

    public static boolean canCreate(Actor by) {
        return by.hasAtLeast(Role.CONTRIBUTOR);
    }

    /** Rename, merge, delete. */
    public static boolean canManage(Actor by) {
        return by.hasAtLeast(Role.EDITOR);
    }
}
