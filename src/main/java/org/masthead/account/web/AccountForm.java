package org.masthead.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.masthead.security.Role;

/** A new account: email, display name, role. Its owner chooses a password through a one-time link. */
class AccountForm {

    @NotBlank(message = "{account.form.email.required}")
    @Email(message = "{account.form.email.invalid}")
    @Size(max = 254, message = "{account.form.email.too-long}")
    private String email;

    @NotBlank(message = "{account.form.name.required}")
    @Size(max = 120, message = "{account.form.name.too-long}")
    private String displayName;

    @NotNull(message = "{account.form.role.required}")
    private Role role = Role.CONTRIBUTOR;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }
}
