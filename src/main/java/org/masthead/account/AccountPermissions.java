package org.masthead.account;

import org.masthead.security.Actor;
import org.masthead.security.Role;

/** Who may do what to accounts: admins manage them; every member changes their own password. */
public final class AccountPermissions {

    private AccountPermissions() {}

    /** List, create, correct, change the role of, disable, enable accounts and issue set-password links. */
    public static boolean canManage(Actor by) {
        return by.hasAtLeast(Role.ADMIN);
    }

    public static boolean canChangePasswordOf(Actor by, long accountId) {
        return by.staff().map(user -> user.getAccountId() == accountId).orElse(false);
    }
}
