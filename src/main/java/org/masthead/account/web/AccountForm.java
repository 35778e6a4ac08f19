package org.masthead.account.web;

import jakarta.validation.constraints.NotNull;

import org.masthead.security.Role;

/** A new account: email, display name, role. Its owner chooses a password through a one-time link. */
class AccountForm extends AccountDetailsForm {

    @NotNull(message = "{account.form.role.required}")
    private Role role = Role.CONTRIBUTOR;

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }
}
