package org.masthead.account.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.MutableClock;
import org.masthead.StaffBrowser;
import org.masthead.account.AccountService;
import org.masthead.account.SecondFactors;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.settings.SettingsStore;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Second factors in a real Chromium: an editor whose role requires one is led to set up an authenticator app at
 * sign-in (the QR code shows under the strict CSP), then signs in with its code; a recovery code signs in too.
 */
class SecondFactorE2eTests extends BrowserTest {

    private static final String REQUIRED_ROLES = "masthead.security.second-factor-required-roles";
    private static final Actor SETUP = Actor.system("test");

    @Autowired
    AccountService accounts;

    @Autowired
    SettingsStore settings;

    @Autowired
    Clock clock;

    @AfterEach
    void restore() {
        settings.reset(SETUP, REQUIRED_ROLES);
        ((MutableClock) clock).reset();
    }

    private void signIn(String email) {
        open("/login");
        waitFor(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(StaffBrowser.PASSWORD);
        clickAndWait(By.id("login-button"));
    }

    private String code(String secret) throws Exception {
        return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6)
                .generate(secret, clock.instant().getEpochSecond() / 30);
    }

    @Test
    void anEditorIsLedToSetUpAnAuthenticatorAppThenSignsInWithItsCode(TestInfo test) throws Exception {
        String email = StaffBrowser.newMember(accounts, Role.EDITOR);
        settings.set(SETUP, REQUIRED_ROLES, "EDITOR");

        signIn(email);
        wait.until(ExpectedConditions.urlContains("/login/second-factor/setup"));
        assertThat(waitFor(By.id("totp-required")).isDisplayed()).isTrue();
        WebElement qr = browser.findElement(By.id("totp-qr"));
        Object width = ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", qr);
        assertThat(((Number) width).intValue()).as("the QR code is drawn").isGreaterThan(100);
        screenshot(test, "1-set-up");

        open("/admin/articles");
        wait.until(ExpectedConditions.urlContains("/login/second-factor/setup"));
        String secret = waitFor(By.id("totp-secret")).getText();
        browser.findElement(By.id("code")).sendKeys(code(secret));
        clickAndWait(By.id("totp-button"));
        List<WebElement> codes = waitFor(By.id("recovery-codes")).findElements(By.className("recovery-code"));
        assertThat(codes).hasSize(SecondFactors.RECOVERY_CODE_COUNT);
        screenshot(test, "2-recovery-codes");
        clickAndWait(By.id("recovery-codes-continue"));
        assertThat(waitFor(By.id("nav-security")).isDisplayed()).isTrue();

        clickAndWait(By.id("logout-button"));
        ((MutableClock) clock).advance(Duration.ofSeconds(30));
        signIn(email);
        wait.until(ExpectedConditions.urlContains("/login/second-factor"));
        waitFor(By.id("code")).sendKeys("000000".equals(code(secret)) ? "111111" : "000000");
        clickAndWait(By.id("second-factor-button"));
        assertThat(waitFor(By.id("error")).getText()).contains("wrong");
        browser.findElement(By.id("code")).sendKeys(code(secret));
        clickAndWait(By.id("second-factor-button"));
        assertThat(waitFor(By.id("nav-dashboard")).isDisplayed()).isTrue();
        assertThat(browser.getCurrentUrl()).endsWith("/admin");
        screenshot(test, "3-signed-in-with-code");
    }

    @Test
    void aRecoveryCodeSignsIn(TestInfo test) throws Exception {
        String email = StaffBrowser.newMember(accounts, Role.CONTRIBUTOR);
        signIn(email);
        open("/admin/security");
        clickAndWait(By.id("set-up-totp"));
        String secret = waitFor(By.id("totp-secret")).getText();
        browser.findElement(By.id("code")).sendKeys(code(secret));
        clickAndWait(By.id("totp-button"));
        String recoveryCode = waitFor(By.className("recovery-code")).getText();
        clickAndWait(By.id("recovery-codes-continue"));
        assertThat(waitFor(By.id("totp-on")).getText()).contains("10 unused recovery codes");
        clickAndWait(By.id("logout-button"));

        signIn(email);
        wait.until(ExpectedConditions.urlContains("/login/second-factor"));
        waitFor(By.id("code")).sendKeys(recoveryCode);
        clickAndWait(By.id("second-factor-button"));
        assertThat(waitFor(By.id("recovery-code-used")).getText()).contains("9 left");
        screenshot(test, "recovery-code-used");
    }
}
