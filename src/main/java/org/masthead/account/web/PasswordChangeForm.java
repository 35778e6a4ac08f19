package org.masthead.account.web;

import jakarta.validation.constraints.NotEmpty;

/** Changing one's own password: the current one, the new one twice. Length is checked by PasswordPolicy. */
class PasswordChangeForm {

    @NotEmpty(message = "{account.password.current-required}")
    private String currentPassword;

    private String newPassword;

    private String confirmPassword;

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
