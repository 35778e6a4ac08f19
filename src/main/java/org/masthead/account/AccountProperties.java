package org.masthead.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Start-up account settings ({@code masthead.*}).
 *
 * @param adminEmail {@code MASTHEAD_ADMIN_EMAIL}: the first admin's email; with {@code adminPassword}, also recovery
 * @param adminPassword {@code MASTHEAD_ADMIN_PASSWORD}: that admin's password (generated and logged once when absent)
 * @param demoContent whether the demo journal, and with it the demo accounts, is loaded
 */
@ConfigurationProperties("masthead")
record AccountProperties(String adminEmail, String adminPassword, boolean demoContent) {

    boolean hasAdminEmail() {
        return adminEmail != null && !adminEmail.isBlank();
    }

    boolean hasAdminPassword() {
        return adminPassword != null && !adminPassword.isEmpty();
    }
}
