package org.masthead.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The defaults of the sign-in security settings ({@code masthead.security.*}); an admin changes the first two on the
 * settings page. Unset, they follow the journal: on without demo content, off with it.
 *
 * @param secondFactorRequiredRoles roles (comma-separated: {@code ADMIN}, {@code EDITOR}, {@code CONTRIBUTOR})
 *     whose members must sign in with a passkey or an authenticator app; unset: {@code ADMIN}, none with demo content
 * @param newDeviceCheck whether a sign-in from a new device is e-mailed, and an account with neither a passkey nor an
 *     authenticator app needs an e-mailed code on a new device; unset: on, off with demo content
 * @param mailFrom the sender of sign-in codes and new-device notices; unset: {@code masthead.newsletter.from}
 */
@ConfigurationProperties("masthead.security")
record SignInSecurityProperties(String secondFactorRequiredRoles, Boolean newDeviceCheck, String mailFrom) {}
