package org.masthead.account;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.HttpTest;
import org.masthead.StaffBrowser;
import org.masthead.TestSmtp;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.settings.SettingsStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the new-device check on: a sign-in from a new device by an account with neither an authenticator app nor a
 * passkey needs a code e-mailed to it (received here by an in-process SMTP server), the new device is e-mailed, and
 * the same device is known the next time.
 */
@HttpTest
class NewDeviceHttpTests {

    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("Your code: (\\d{6})");
    private static final Actor SETUP = Actor.system("test");

    static {
        MAIL.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    SettingsStore settings;

    @Autowired
    TestSmtp smtp;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void checkNewDevices() {
        smtp.useServerOn(MAIL.getSmtp().getPort());
        settings.set(SETUP, SecondFactorSettings.NEW_DEVICE_CHECK, "true");
    }

    @AfterEach
    void restore() {
        settings.reset(SETUP, SecondFactorSettings.NEW_DEVICE_CHECK);
        smtp.none();
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Test
    void aNewDeviceNeedsAnEmailedCodeAndIsToldAbout() throws Exception {
        String email = StaffBrowser.newMember(accounts, Role.CONTRIBUTOR);
        StaffBrowser browser = new StaffBrowser(port);
        browser.signIn(email);
        assertThat(location(browser.get("/admin"))).endsWith("/login/second-factor");
        HttpResponse<String> page = browser.get("/login/second-factor");
        assertThat(page.body()).contains("from a new device");

        List<MimeMessage> codes = mailTo(email, "sign-in code");
        assertThat(codes).hasSize(1);
        String code = match(CODE, GreenMailUtil.getBody(codes.get(0)));

        HttpResponse<String> wrong = browser.post(
                "/login/second-factor",
                Map.of("code", code.equals("000000") ? "111111" : "000000", "_csrf", match(CSRF, page.body())));
        assertThat(wrong.body()).contains("That code is wrong");
        HttpResponse<String> right =
                browser.post("/login/second-factor", Map.of("code", code, "_csrf", match(CSRF, page.body())));
        assertThat(location(right)).endsWith("/admin");
        assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
        assertThat(mailTo(email, "New sign-in")).hasSize(1);

        // The device is known now: the next sign-in from it needs no code and tells nobody.
        HttpResponse<String> admin = browser.get("/admin");
        browser.post("/logout", Map.of("_csrf", match(CSRF, admin.body())));
        browser.signIn(email);
        assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
        assertThat(mailTo(email, "sign-in code")).hasSize(1);
        assertThat(mailTo(email, "New sign-in")).hasSize(1);

        // Another device (no cookie) asks again; the old code is spent.
        StaffBrowser other = new StaffBrowser(port);
        other.signIn(email);
        HttpResponse<String> otherPage = other.get("/login/second-factor");
        assertThat(other.post("/login/second-factor", Map.of("code", code, "_csrf", match(CSRF, otherPage.body())))
                        .body())
                .contains("That code is wrong");
        assertThat(mailTo(email, "sign-in code")).hasSize(2);
    }

    private static List<MimeMessage> mailTo(String email, String subject) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(email)
                                && m.getSubject().contains(subject);
                    } catch (jakarta.mail.MessagingException ex) {
                        return false;
                    }
                })
                .toList();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(no redirect: " + response.statusCode() + ")");
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertThat(m.find()).as(pattern.pattern() + " in " + body).isTrue();
        return m.group(1);
    }
}
