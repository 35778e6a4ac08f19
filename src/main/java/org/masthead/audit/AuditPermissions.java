package org.masthead.audit;

import org.masthead.security.Actor;
import org.masthead.security.Role;

/** Who may read the audit log: admins. */
public final class AuditPermissions {

    private AuditPermissions() {}

    public static boolean canRead(Actor by) {
        return by.hasAtLeast(Role.ADMIN);
    }
}
