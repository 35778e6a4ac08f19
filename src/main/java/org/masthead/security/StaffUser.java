package org.masthead.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in staff member, as every feature sees them ({@code @AuthenticationPrincipal StaffUser me}).
 * {@code account/} loads it; features use its id to record who did what and to check ownership.
 */
public final class StaffUser implements UserDetails, Actor {

    private final long accountId;
    private final String email;
    private final String displayName;
    private final Role role;
    private final String passwordHash;
    private final boolean enabled;

    public StaffUser(
            long accountId, String email, String displayName, Role role, String passwordHash, boolean enabled) {
        this.accountId = accountId;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    /** Whether this member's role includes the powers of {@code other} (ADMIN includes EDITOR, and so on). */
    @Override
    public boolean hasAtLeast(Role other) {
        return role.includes(other);
    }

    @Override
    public String auditName() {
        return email;
    }

    @Override
    public String label() {
        return displayName;
    }

    @Override
    public Optional<StaffUser> staff() {
        return Optional.of(this);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StaffUser that && that.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }

    @Override
    public String toString() {
        return "StaffUser[" + accountId + ", " + role + "]";
    }
}
