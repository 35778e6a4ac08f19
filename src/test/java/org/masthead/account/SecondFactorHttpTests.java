package org.masthead.account;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.HttpTest;
import org.masthead.MutableClock;
import org.masthead.StaffBrowser;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.settings.SettingsStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Second factors over real HTTP: the code step, its throttle, recovery codes, removal, required set-up, settings. */
@HttpTest
class SecondFactorHttpTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");
    private static final Pattern RECOVERY_CODE = Pattern.compile("class=\"recovery-code\">([^<]+)<");
    private static final Actor SETUP = Actor.system("test");

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    SettingsStore settings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @AfterEach
    void restore() {
        ((MutableClock) clock).reset();
        settings.reset(SETUP, SecondFactorSettings.REQUIRED_ROLES);
    }

    @Test
    void theCodeComesAfterThePasswordAndWrongCodesAreThrottledLikePasswords() throws Exception {
        String email = StaffBrowser.newMember(accounts, Role.EDITOR);
        String secret = enableTotp(signedIn(email)).secret();

        StaffBrowser browser = new StaffBrowser(port);
        browser.signIn(email);
        assertThat(location(browser.get("/admin/articles"))).endsWith("/login/second-factor");
        assertThat(browser.get("/login/second-factor").body()).contains("id=\"second-factor-form\"");

        for (int i = 0; i < LoginThrottle.PER_ACCOUNT_LIMIT; i++) {
            HttpResponse<String> wrong = submitCode(browser, "000000".equals(code(secret)) ? "111111" : "000000");
            assertThat(wrong.statusCode()).isEqualTo(200);
            assertThat(wrong.body()).contains("That code is wrong");
        }
        HttpResponse<String> refused = submitCode(browser, code(secret));
        assertThat(refused.body()).contains("Too many wrong codes");
        assertThat(location(browser.get("/admin"))).endsWith("/login/second-factor");
        assertThat(audits("account.second-factor-failed", email)).isEqualTo(LoginThrottle.PER_ACCOUNT_LIMIT);
        assertThat(audits("account.second-factor-throttled", email)).isEqualTo(1);

        ((MutableClock) clock).advance(SecondFactors.BLOCK.plusMinutes(1));
        String code = code(secret);
        HttpResponse<String> accepted = submitCode(browser, code);
        assertThat(location(accepted)).endsWith("/admin");
        assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
        assertThat(audits("account.second-factor", email)).isEqualTo(1);

        // The same code is never taken twice, even within its 30 seconds.
        StaffBrowser again = new StaffBrowser(port);
        again.signIn(email);
        assertThat(submitCode(again, code).body()).contains("That code is wrong");
    }

    @Test
    void aRecoveryCodeSignsInOnceOnly() throws Exception {
        String email = StaffBrowser.newMember(accounts, Role.CONTRIBUTOR);
        List<String> codes = enableTotp(signedIn(email)).recoveryCodes();
        assertThat(codes).hasSize(SecondFactors.RECOVERY_CODE_COUNT).doesNotHaveDuplicates();
        assertThat(jdbc.queryForList("select code_hash from recovery_codes", String.class))
                .as("stored only hashed")
                .doesNotContainAnyElementsOf(codes);

        StaffBrowser first = new StaffBrowser(port);
        first.signIn(email);
        HttpResponse<String> used = submitCode(first, codes.get(3).toUpperCase());
        assertThat(location(used)).endsWith("/admin/security?recovery-code-used");
        assertThat(first.get("/admin/security?recovery-code-used").body())
                .contains((SecondFactors.RECOVERY_CODE_COUNT - 1) + " left");

        StaffBrowser second = new StaffBrowser(port);
        second.signIn(email);
        assertThat(submitCode(second, codes.get(3)).body()).contains("That code is wrong");
        assertThat(location(second.get("/admin"))).endsWith("/login/second-factor");
        assertThat(location(submitCode(second, codes.get(4)))).endsWith("/admin/security?recovery-code-used");
    }

    @Test
    void anAdminRemovesAMembersSecondFactors() throws Exception {
        String email = StaffBrowser.newMember(accounts, Role.EDITOR);
        enableTotp(signedIn(email));
        long id = accounts.findByEmail(email).orElseThrow().getId();

        StaffBrowser editor = signedIn(StaffBrowser.newMember(accounts, Role.EDITOR));
        HttpResponse<String> refused =
                post(editor, "/admin/security", "/admin/accounts/" + id + "/second-factors/remove");
        assertThat(refused.statusCode()).isEqualTo(403);

        StaffBrowser admin = signedIn(StaffBrowser.newMember(accounts, Role.ADMIN));
        assertThat(admin.get("/admin/accounts/" + id).body()).contains("Authenticator app: on");
        HttpResponse<String> removed =
                post(admin, "/admin/accounts/" + id, "/admin/accounts/" + id + "/second-factors/remove");
        assertThat(location(removed)).endsWith("/admin/accounts/" + id);
        assertThat(admin.get("/admin/accounts/" + id).body()).contains("Authenticator app: off");
        assertThat(audits("account.second-factors-removed", email)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from recovery_codes where account_id = ?", Integer.class, id))
                .isZero();

        StaffBrowser member = new StaffBrowser(port);
        member.signIn(email);
        assertThat(member.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void aMemberOfARoleThatRequiresASecondFactorSetsOneUpBeforeReachingTheNewsroom() throws Exception {
        String email = StaffBrowser.newMember(accounts, Role.EDITOR);
        String contributor = StaffBrowser.newMember(accounts, Role.CONTRIBUTOR);
        settings.set(SETUP, SecondFactorSettings.REQUIRED_ROLES, "EDITOR");

        StaffBrowser browser = new StaffBrowser(port);
        browser.signIn(email);
        assertThat(location(browser.get("/admin"))).endsWith("/login/second-factor/setup");
        assertThat(location(browser.get("/admin/front-page"))).endsWith("/login/second-factor/setup");
        HttpResponse<String> setup = browser.get("/login/second-factor/setup");
        assertThat(setup.body()).contains("id=\"totp-required\"").contains("src=\"data:image/png;base64,");
        String secret = match(SECRET, setup.body());

        Map<String, String> wrong = new HashMap<>(Map.of("code", "12345x", "_csrf", match(CSRF, setup.body())));
        assertThat(browser.post("/login/second-factor/setup", wrong).body()).contains("That code does not match");
        assertThat(location(browser.get("/admin"))).endsWith("/login/second-factor/setup");

        HttpResponse<String> page = browser.get("/login/second-factor/setup");
        assertThat(match(SECRET, page.body()))
                .as("the same key until it is confirmed")
                .isEqualTo(secret);
        HttpResponse<String> done = browser.post(
                "/login/second-factor/setup", Map.of("code", code(secret), "_csrf", match(CSRF, page.body())));
        assertThat(all(RECOVERY_CODE, done.body())).hasSize(SecondFactors.RECOVERY_CODE_COUNT);
        assertThat(browser.get("/admin/front-page").statusCode()).isEqualTo(200);
        assertThat(audits("account.totp-enabled", email)).isEqualTo(1);

        StaffBrowser other = new StaffBrowser(port);
        other.signIn(contributor);
        assertThat(other.get("/admin").statusCode())
                .as("a role that requires nothing")
                .isEqualTo(200);
    }

    @Test
    void onlyAdminsChangeSettingsAndEveryChangeIsAudited() throws Exception {
        StaffBrowser editor = signedIn(StaffBrowser.newMember(accounts, Role.EDITOR));
        assertThat(editor.get("/admin/settings").statusCode()).isEqualTo(403);

        StaffBrowser admin = signedIn(StaffBrowser.newMember(accounts, Role.ADMIN));
        HttpResponse<String> page = admin.get("/admin/settings");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("masthead.security.second-factor-required-roles");

        String name = SecondFactorSettings.REQUIRED_ROLES;
        HttpResponse<String> bad = admin.post(
                "/admin/settings", Map.of("name", name, "value", "ADMIN, BOSS", "_csrf", match(CSRF, page.body())));
        assertThat(location(bad)).endsWith("/admin/settings");
        assertThat(admin.get("/admin/settings").body()).contains("&quot;BOSS&quot; is not a role");

        HttpResponse<String> good = admin.post(
                "/admin/settings", Map.of("name", name, "value", "admin,editor", "_csrf", match(CSRF, page.body())));
        assertThat(location(good)).endsWith("/admin/settings");
        assertThat(admin.get("/admin/settings").body()).contains("value=\"EDITOR, ADMIN\"");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_events where action = 'settings.change' and detail like ?",
                        Integer.class,
                        "%to \"EDITOR, ADMIN\""))
                .isEqualTo(1);

        HttpResponse<String> unknown = admin.post(
                "/admin/settings", Map.of("name", "no.such.setting", "value", "x", "_csrf", match(CSRF, page.body())));
        assertThat(location(unknown)).endsWith("/admin/settings");
        assertThat(admin.get("/admin/settings").body()).contains("There is no setting no.such.setting");
    }

    @Test
    void aMemberSeesTheirSessionsAndEndsOne() throws Exception {
        String email = StaffBrowser.newMember(accounts, Role.CONTRIBUTOR);
        StaffBrowser here = signedIn(email);
        StaffBrowser there = signedIn(email);
        StaffBrowser someoneElse = signedIn(StaffBrowser.newMember(accounts, Role.CONTRIBUTOR));

        HttpResponse<String> page = here.get("/admin/security");
        assertThat(page.body().split("class=\"session-row\"", -1))
                .as("two sessions")
                .hasSize(3);
        assertThat(page.body()).contains("This one").contains("Java-http-client");
        String key = match(Pattern.compile("name=\"session\" value=\"([0-9a-f]{64})\""), page.body());

        HttpResponse<String> notTheirs = someoneElse.post(
                "/admin/security/sessions/end",
                Map.of(
                        "session",
                        key,
                        "_csrf",
                        match(CSRF, someoneElse.get("/admin/security").body())));
        assertThat(location(notTheirs)).endsWith("/admin/security");
        assertThat(there.get("/admin").statusCode())
                .as("another member cannot end it")
                .isEqualTo(200);

        HttpResponse<String> ended =
                here.post("/admin/security/sessions/end", Map.of("session", key, "_csrf", match(CSRF, page.body())));
        assertThat(location(ended)).endsWith("/admin/security");
        assertThat(location(there.get("/admin"))).endsWith("/login");
        assertThat(here.get("/admin").statusCode()).isEqualTo(200);
        assertThat(audits("account.session-ended", email)).isEqualTo(1);
    }

    @Test
    void aMembersPasskeysFollowTheirNewEmail() throws Exception {
        String email = StaffBrowser.newMember(accounts, Role.CONTRIBUTOR);
        long id = accounts.findByEmail(email).orElseThrow().getId();
        jdbc.update(
                "insert into user_entities (id, name, display_name) values (?, ?, ?)", "entity-" + id, email, email);
        String renamed = "renamed-" + email;

        StaffBrowser admin = signedIn(StaffBrowser.newMember(accounts, Role.ADMIN));
        HttpResponse<String> edited = admin.post(
                "/admin/accounts/" + id + "/details",
                Map.of(
                        "email",
                        renamed,
                        "displayName",
                        "Renamed",
                        "_csrf",
                        match(CSRF, admin.get("/admin/accounts/" + id + "/edit").body())));
        assertThat(location(edited)).endsWith("/admin/accounts/" + id);
        assertThat(jdbc.queryForObject("select name from user_entities where id = ?", String.class, "entity-" + id))
                .isEqualTo(renamed);
    }

    private record Enabled(String secret, List<String> recoveryCodes) {}

    private StaffBrowser signedIn(String email) throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        browser.signIn(email);
        assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
        return browser;
    }

    /** Sets up an authenticator app on the member's security page, as they would. */
    private Enabled enableTotp(StaffBrowser browser) throws Exception {
        HttpResponse<String> page = browser.get("/admin/security/totp");
        String secret = match(SECRET, page.body());
        HttpResponse<String> done =
                browser.post("/admin/security/totp", Map.of("code", code(secret), "_csrf", match(CSRF, page.body())));
        assertThat(done.statusCode()).isEqualTo(200);
        List<String> codes = all(RECOVERY_CODE, done.body());
        // the next code the member types is of a later 30-second step
        ((MutableClock) clock).advance(Duration.ofSeconds(30));
        return new Enabled(secret, codes);
    }

    private HttpResponse<String> submitCode(StaffBrowser browser, String code) throws Exception {
        HttpResponse<String> page = browser.get("/login/second-factor");
        return browser.post("/login/second-factor", Map.of("code", code, "_csrf", match(CSRF, page.body())));
    }

    private HttpResponse<String> post(StaffBrowser browser, String pagePath, String action) throws Exception {
        HttpResponse<String> page = browser.get(pagePath);
        return browser.post(action, Map.of("_csrf", match(CSRF, page.body())));
    }

    private String code(String secret) throws Exception {
        return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6)
                .generate(secret, clock.instant().getEpochSecond() / 30);
    }

    private int audits(String action, String email) {
        return jdbc.queryForObject(
                "select count(*) from audit_events where action = ? and subject like ?",
                Integer.class,
                action,
                "% " + email);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(no redirect: " + response.statusCode() + ")");
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertThat(m.find()).as(pattern.pattern()).isTrue();
        return m.group(1);
    }

    private static List<String> all(Pattern pattern, String body) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(body);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
