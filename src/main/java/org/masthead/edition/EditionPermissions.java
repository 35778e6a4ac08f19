package org.masthead.edition;

import org.masthead.security.Actor;
import org.masthead.security.Role;

/** Who may do what with newsletter editions: editors compose, test, send, schedule, pause and cancel them. */
public final class EditionPermissions {

    private EditionPermissions() {}

    public static boolean canManage(Actor by) {
        return by.hasAtLeast(Role.EDITOR);
    }
}
