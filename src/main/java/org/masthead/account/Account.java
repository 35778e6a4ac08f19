package org.masthead.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.masthead.security.Role;

/** A staff member who may sign in: email (unique whatever its case), display name, role, password hash. */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    /** Null until the owner chooses a password through a set-password link. */
    @Column(name = "password_hash")
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Account() {}

    Account(String email, String displayName, Role role, Instant now) {
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void changeDetails(String newEmail, String newDisplayName, Instant now) {
        this.email = newEmail;
        this.displayName = newDisplayName;
        this.updatedAt = now;
    }

    void changeRole(Role newRole, Instant now) {
        this.role = newRole;
        this.updatedAt = now;
    }

    void disable(Instant now) {
        this.enabled = false;
        this.updatedAt = now;
    }

    void enable(Instant now) {
        this.enabled = true;
        this.updatedAt = now;
    }

    void changePasswordHash(String hash, Instant now) {
        this.passwordHash = hash;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
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

    String getPasswordHash() {
        return passwordHash;
    }

    /** Whether a password has been chosen (an account created by an admin has none until its link is used). */
    public boolean hasPassword() {
        return passwordHash != null;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
