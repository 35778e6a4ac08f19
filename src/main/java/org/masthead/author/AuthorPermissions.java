package org.masthead.author;

import org.masthead.security.Actor;
import org.masthead.security.Role;

/**
 * Who may do what to author profiles: editors create and edit them; only admins link one to an account, merge or
 * delete one; a member linked to a profile edits its bio and photo.
 */
public final class AuthorPermissions {

    private AuthorPermissions() {}

    public static boolean canEdit(Actor by) {
        return by.hasAtLeast(Role.EDITOR);
    }

    /** Link to an account, merge, delete. */
    public static boolean canAdminister(Actor by) {
        return by.hasAtLeast(Role.ADMIN);
    }

    public static boolean canEditOwnProfile(Actor by, long accountId) {
        return by.staff().map(user -> user.getAccountId() == accountId).orElse(false);
    }
}
