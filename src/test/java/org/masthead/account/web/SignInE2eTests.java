package org.masthead.account.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin signs in through the sign-in form in a real Chromium, manages accounts, and signs out. */
class SignInE2eTests extends BrowserTest {

    private static final String ADMIN_EMAIL = "admin@example.org";
    private static final String ADMIN_PASSWORD = "demo-admin-password";

    @Autowired
    JdbcTemplate jdbc;

    private void signIn(String email, String password) {
        waitFor(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        clickAndWait(By.id("login-button"));
    }

    private int adminSessions() {
        return jdbc.queryForObject(
                "select count(*) from spring_session where principal_name = ?", Integer.class, ADMIN_EMAIL);
    }

    @Test
    void anAdminSignsInAndCreatesAnAccount(TestInfo test) throws Exception {
        // An admin page asked for before signing in leads to the sign-in page, and back to it after.
        open("/admin/accounts");
        wait.until(ExpectedConditions.urlContains("/login"));
        waitFor(By.id("login-button"));
        screenshot(test, "1-sign-in");

        signIn(ADMIN_EMAIL, "not the password");
        assertThat(waitFor(By.id("login-error")).getText()).contains("do not match");
        assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo(ADMIN_EMAIL);

        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/admin/accounts"));
        assertThat(waitFor(By.id("accounts-table")).getText()).contains(ADMIN_EMAIL);
        assertThat(browser.findElement(By.id("nav-accounts")).isDisplayed()).isTrue();
        assertThat(adminSessions()).as("the session is a row in PostgreSQL").isGreaterThanOrEqualTo(1);
        screenshot(test, "2-accounts");

        clickAndWait(By.id("new-account-button"));
        clickAndWait(By.id("create-account-button"));
        assertThat(waitFor(By.id("error-summary")).getText()).contains("Enter an email address");
        String email = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example.org";
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("displayName")).sendKeys("Browser Person");
        clickAndWait(By.id("create-account-button"));
        String link = waitFor(By.id("set-password-link")).getText();
        assertThat(link).contains("/account/set-password/");
        assertThat(browser.findElement(By.id("account-email")).getText()).isEqualTo(email);
        screenshot(test, "3-account-created");

        // A typo in the name is corrected.
        clickAndWait(By.id("edit-account-link"));
        waitFor(By.id("displayName")).clear();
        browser.findElement(By.id("displayName")).sendKeys("Browser Person Corrected");
        clickAndWait(By.id("save-account-button"));
        assertThat(waitFor(By.id("notice")).getText()).contains("saved");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Browser Person Corrected");
        screenshot(test, "3b-account-corrected");

        int sessionsBefore = adminSessions();
        clickAndWait(By.id("logout-button"));
        assertThat(browser.findElements(By.id("logout-button")))
                .as("signed out")
                .isEmpty();
        assertThat(adminSessions()).as("signing out deletes the session row").isEqualTo(sessionsBefore - 1);

        // The new contributor follows the link, chooses a password and signs in: accounts are not for them.
        open(link.substring(link.indexOf("/account/set-password/")));
        waitFor(By.id("newPassword")).sendKeys("short");
        browser.findElement(By.id("confirmPassword")).sendKeys("short");
        clickAndWait(By.id("set-password-button"));
        assertThat(waitFor(By.id("newPassword-error")).getText()).contains("at least 12 characters");
        browser.findElement(By.id("newPassword")).sendKeys("a browser chosen password");
        browser.findElement(By.id("confirmPassword")).sendKeys("a browser chosen password");
        clickAndWait(By.id("set-password-button"));
        assertThat(waitFor(By.id("notice")).getText()).contains("Your password is set");
        assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo(email);
        browser.findElement(By.id("password")).sendKeys("a browser chosen password");
        clickAndWait(By.id("login-button"));
        wait.until(ExpectedConditions.urlMatches("/admin$"));

        open("/admin/password");
        assertThat(browser.findElements(By.id("nav-accounts")))
                .as("no accounts link for a contributor")
                .isEmpty();
        screenshot(test, "4-contributor-password-page");
        open("/admin/accounts");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
    }
}
