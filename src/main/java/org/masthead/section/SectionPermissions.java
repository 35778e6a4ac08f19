package org.masthead.section;

import org.masthead.security.Actor;
import org.masthead.security.Role;

/** Who may do what to sections: admins create, change and delete them (imports act with an admin's powers). */
public final class SectionPermissions {

    private SectionPermissions() {}

    public static boolean canManage(Actor by) {
        return by.hasAtLeast(Role.ADMIN);
    }
}
