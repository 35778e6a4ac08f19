package org.masthead.account.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.StaffBrowser;
import org.masthead.account.AccountService;
import org.masthead.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in a real Chromium with its virtual authenticator (the DevTools protocol's WebAuthn domain, through
 * Selenium): a member adds a passkey on their security page, signs out, and signs in with it alone. WebAuthn needs
 * a domain for its relying party, so these pages are opened on localhost rather than 127.0.0.1.
 */
class PasskeyE2eTests extends BrowserTest {

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    private void openOnLocalhost(String path) {
        browser.get("http://localhost:" + port + path);
        waitFor(By.id("main"));
    }

    private int audits(String action, String email) {
        return jdbc.queryForObject(
                "select count(*) from audit_events where action = ? and subject like ?",
                Integer.class,
                action,
                "% " + email);
    }

    @Test
    void aMemberAddsAPasskeyAndSignsInWithIt(TestInfo test) throws Exception {
        VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser)
                .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                        .setHasResidentKey(true)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true)
                        .setIsUserConsenting(true));
        try {
            String email = StaffBrowser.newMember(accounts, Role.EDITOR);
            openOnLocalhost("/login");
            waitFor(By.id("email")).sendKeys(email);
            browser.findElement(By.id("password")).sendKeys(StaffBrowser.PASSWORD);
            clickAndWait(By.id("login-button"));
            openOnLocalhost("/admin/security");
            waitFor(By.id("passkey-label")).sendKeys("Test laptop");
            browser.findElement(By.id("passkey-register-button")).click();
            wait.until(ExpectedConditions.urlContains("passkey-added"));
            assertThat(waitFor(By.className("passkey-label")).getText()).isEqualTo("Test laptop");
            assertThat(authenticator.getCredentials()).hasSize(1);
            assertThat(audits("account.passkey-added", email)).isEqualTo(1);
            screenshot(test, "1-passkey-added");

            clickAndWait(By.id("logout-button"));
            openOnLocalhost("/login");
            waitFor(By.id("passkey-sign-in")).click();
            wait.until(ExpectedConditions.urlMatches("/admin$"));
            assertThat(waitFor(By.id("nav-dashboard")).isDisplayed()).isTrue();
            assertThat(audits("account.sign-in", email))
                    .as("both sign-ins audited")
                    .isEqualTo(2);
            assertThat(jdbc.queryForObject(
                            "select count(*) from webauthn_ceremonies where expires_at > now()", Integer.class))
                    .as("each challenge answered once and forgotten")
                    .isZero();
            screenshot(test, "2-signed-in-with-passkey");
        } finally {
            ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(authenticator);
        }
    }
}
