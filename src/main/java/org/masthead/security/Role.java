package org.masthead.security;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Staff roles, each including the powers of the ones before it in this list: ADMIN > EDITOR > CONTRIBUTOR. This
 * order is the only definition of the hierarchy: {@link #hierarchy()} gives it to Spring Security.
 */
public enum Role {
    CONTRIBUTOR,
    EDITOR,
    ADMIN;

    /** The Spring Security authority for this role, such as {@code ROLE_EDITOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether this role has the powers of {@code other}: its own and those of every role below it. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The hierarchy in {@code RoleHierarchyImpl.fromHierarchy} form: {@code ROLE_ADMIN > ROLE_EDITOR}, one a line. */
    public static String hierarchy() {
        Role[] roles = values();
        return IntStream.range(1, roles.length)
                .mapToObj(i -> roles[i].authority() + " > " + roles[i - 1].authority())
                .collect(Collectors.joining("\n"));
    }
}
