package org.masthead.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.masthead.account.Account;

/** An account's email and display name, as an admin enters or corrects them. */
class AccountDetailsForm {

    @NotBlank(message = "{account.form.email.required}")
    @Email(message = "{account.form.email.invalid}")
    @Size(max = 254, message = "{account.form.email.too-long}")
    private String email;

    @NotBlank(message = "{account.form.name.required}")
    @Size(max = 120, message = "{account.form.name.too-long}")
    private String displayName;

    static AccountDetailsForm of(Account account) {
        AccountDetailsForm form = new AccountDetailsForm();
        form.email = account.getEmail();
        form.displayName = account.getDisplayName();
        return form;
    }

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
}
