package org.masthead.archive;

import org.masthead.security.Actor;
import org.masthead.security.Role;

/** Who may take the journal out (export) or bring content in (import): admins. */
public final class ArchivePermissions {

    private ArchivePermissions() {}

    public static boolean canExport(Actor by) {
        return by.hasAtLeast(Role.ADMIN);
    }

    public static boolean canImport(Actor by) {
        return by.hasAtLeast(Role.ADMIN);
    }
}
