package org.masthead.newsletter.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the call-to-action boxes and the footer post. {@code website} is the honeypot: people leave it empty. */
class SignupForm {

    @NotBlank
    @Size(max = 254)
    @Email(regexp = "^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$")
    private String email = "";

    private String source = "";
    private String section = "";
    private String website = "";

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getSection() {
        return section;
    }

    public void setSection(String section) {
        this.section = section;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }
}
