package org.masthead.account.web;

import jakarta.validation.constraints.NotEmpty;

/** Changing one's own password: the current one, then the new one twice. Length is checked by PasswordPolicy. */
class PasswordChangeForm extends SetPasswordForm {

    @NotEmpty(message = "{account.password.current-required}")
    private String currentPassword;

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }
}
