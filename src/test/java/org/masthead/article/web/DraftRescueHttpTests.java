package org.masthead.article.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.masthead.HttpTest;
import org.masthead.StaffBrowser;
import org.masthead.account.AccountService;
import org.masthead.article.DraftRescues;
import org.masthead.security.Role;
import org.masthead.security.SecretToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Draft rescue over real HTTP: an article form posted after its session expired is kept only for the staff member
 * whose session it was, bounded in size and number, and shown to that member alone after they sign in again.
 * Anyone else's post, whatever cookie it carries, is refused and nothing is stored.
 */
// Not @IntegrationTest: that context's MockMvc tests replace its CSRF token repository with spring-security-test's
// (with(csrf())), which starts sessions this test proves the application never starts. This one has no MockMvc.
@HttpTest
class DraftRescueHttpTests {

    private static final Pattern RESCUE_LINK = Pattern.compile("href=\"(/admin/articles/rescued/[A-Za-z0-9_-]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    private long rescues() {
        return jdbc.queryForObject("select count(*) from draft_rescues", Long.class);
    }

    private List<String> rescuedTitlesOf(String email) {
        return jdbc.queryForList("""
                select r.fields from draft_rescues r join accounts a on a.id = r.account_id
                where a.email = ? order by r.id""", String.class, email);
    }

    /**
     * A member signs in and opens the newsroom; then their session expires (the cleanup job removes it) while their
     * browser still shows the form and holds the session's cookie.
     */
    private StaffBrowser expiredSessionOf(String email) throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        browser.signIn(email);
        assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
        assertThat(jdbc.update("delete from spring_session where session_id = ?", browser.sessionId()))
                .isEqualTo(1);
        return browser;
    }

    private static HttpResponse<String> lateSave(StaffBrowser browser, String path, String title, String body)
            throws Exception {
        return browser.post(
                path, Map.of("_csrf", "token-of-the-expired-session", "title", title, "bodyMarkdown", body));
    }

    @Test
    void aVisitorsPostKeepsNothingWhateverCookieItCarries() throws Exception {
        long before = rescues();

        StaffBrowser withFreshSession = new StaffBrowser(port);
        assertThat(withFreshSession.get("/login").statusCode()).isEqualTo(200);
        assertThat(withFreshSession.sessionId())
                .as("the sign-in page starts no session")
                .isNull();
        HttpResponse<String> refused = lateSave(withFreshSession, "/admin/articles", "Spam", "x".repeat(400_000));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("id=\"not-kept\"").doesNotContain("/admin/articles/rescued/");
        assertThat(lateSave(withFreshSession, "/admin/articles/1", "Spam", "Prefill")
                        .statusCode())
                .isEqualTo(403);

        StaffBrowser withInventedSession = new StaffBrowser(port);
        withInventedSession.useSessionCookie(
                Base64.getEncoder().encodeToString("invented".getBytes(StandardCharsets.US_ASCII)));
        assertThat(lateSave(withInventedSession, "/admin/articles", "Spam", "More")
                        .statusCode())
                .isEqualTo(403);

        assertThat(lateSave(new StaffBrowser(port), "/admin/articles", "Spam", "No cookie")
                        .statusCode())
                .isEqualTo(403);
        assertThat(rescues()).isEqualTo(before);
    }

    @Test
    void anExpiredSessionsTextIsKeptForItsMemberAndShownToThemAlone() throws Exception {
        String editor = StaffBrowser.newMember(accounts, Role.EDITOR);
        String otherEditor = StaffBrowser.newMember(accounts, Role.EDITOR);
        StaffBrowser browser = expiredSessionOf(editor);

        HttpResponse<String> refused = lateSave(browser, "/admin/articles", "Words typed for an hour", "Every word.");
        assertThat(refused.statusCode()).isEqualTo(403);
        Matcher link = RESCUE_LINK.matcher(refused.body());
        assertThat(link.find()).as(refused.body()).isTrue();
        String rescuePath = link.group(1);
        assertThat(rescuedTitlesOf(editor)).singleElement().asString().contains("Every word.");
        String key = rescuePath.substring(rescuePath.lastIndexOf('/') + 1);
        assertThat(jdbc.queryForList("select key_hash from draft_rescues", String.class))
                .as("the key is stored only as its hash")
                .doesNotContain(key)
                .contains(SecretToken.hashOf(key));

        HttpResponse<String> beforeSignIn = browser.get(rescuePath);
        assertThat(beforeSignIn.statusCode()).isEqualTo(302);
        assertThat(beforeSignIn.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        StaffBrowser other = new StaffBrowser(port);
        other.signIn(otherEditor);
        assertThat(other.get(rescuePath).statusCode()).isEqualTo(404);

        browser.signIn(editor);
        HttpResponse<String> back = browser.get(rescuePath);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("Words typed for an hour").contains("Every word.");
        assertThat(other.get(rescuePath).statusCode()).as("still not theirs").isEqualTo(404);
    }

    @Test
    void moreThanAMegabyteOfTextIsNotKept() throws Exception {
        String editor = StaffBrowser.newMember(accounts, Role.EDITOR);
        StaffBrowser browser = expiredSessionOf(editor);
        HttpResponse<String> refused =
                lateSave(browser, "/admin/articles", "Long", "y".repeat(DraftRescues.MAX_BYTES + 1));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("id=\"not-kept\"");
        assertThat(rescuedTitlesOf(editor)).isEmpty();
    }

    @Test
    void aSixthRescueDropsTheOldest() throws Exception {
        String editor = StaffBrowser.newMember(accounts, Role.EDITOR);
        StaffBrowser browser = expiredSessionOf(editor);
        for (int i = 1; i <= DraftRescues.MAX_PER_MEMBER + 1; i++) {
            HttpResponse<String> refused = lateSave(browser, "/admin/articles", "Attempt " + i, "Body " + i);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().allValues("Set-Cookie"))
                    .as("attempt " + i)
                    .isEmpty();
            assertThat(refused.body()).as("attempt " + i).contains("/admin/articles/rescued/");
        }
        List<String> kept = rescuedTitlesOf(editor);
        assertThat(kept).hasSize(DraftRescues.MAX_PER_MEMBER);
        assertThat(kept.get(0)).contains("Attempt 2");
        assertThat(kept.get(kept.size() - 1)).contains("Attempt 6");
    }

    @Test
    void lateSavesBeyondTheHourlyLimitKeepNothing() throws Exception {
        String editor = StaffBrowser.newMember(accounts, Role.EDITOR);
        StaffBrowser browser = expiredSessionOf(editor);
        for (int i = 1; i <= DraftRescues.MAX_PER_HOUR; i++) {
            assertThat(lateSave(browser, "/admin/articles", "Attempt " + i, "Body " + i)
                            .body())
                    .as("attempt " + i)
                    .contains("/admin/articles/rescued/");
        }
        HttpResponse<String> throttled = lateSave(browser, "/admin/articles", "One too many", "x".repeat(400_000));
        assertThat(throttled.statusCode()).isEqualTo(403);
        assertThat(throttled.body()).contains("id=\"not-kept\"").doesNotContain("/admin/articles/rescued/");
        assertThat(rescuedTitlesOf(editor)).noneMatch(fields -> fields.contains("One too many"));
    }

    @Test
    void aSignedOutSessionKeepsNothing() throws Exception {
        String editor = StaffBrowser.newMember(accounts, Role.EDITOR);
        StaffBrowser browser = new StaffBrowser(port);
        browser.signIn(editor);
        HttpResponse<String> page = browser.get("/admin/password");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        String sessionCookie =
                Base64.getEncoder().encodeToString(browser.sessionId().getBytes(StandardCharsets.US_ASCII));
        assertThat(browser.post("/logout", Map.of("_csrf", token.group(1))).statusCode())
                .isEqualTo(302);

        StaffBrowser replay = new StaffBrowser(port);
        replay.useSessionCookie(sessionCookie);
        assertThat(lateSave(replay, "/admin/articles", "After sign-out", "Text").statusCode())
                .isEqualTo(403);
        assertThat(rescuedTitlesOf(editor)).isEmpty();
    }
}
