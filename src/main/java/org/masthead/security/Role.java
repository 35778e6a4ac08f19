package org.masthead.security;

/** Staff roles, each including the powers of the ones below it: ADMIN > EDITOR > CONTRIBUTOR. */
public enum Role {
    CONTRIBUTOR,
    EDITOR,
    ADMIN;

    /** The Spring Security authority for this role, such as {@code ROLE_EDITOR}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
