package org.masthead.account;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.account.StaffFixtures.PASSWORD;
import static org.masthead.account.StaffFixtures.from;
import static org.masthead.account.StaffFixtures.uniqueAddress;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SignInTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    private ResultActions signIn(String email, String password, String address) throws Exception {
        return mvc.perform(post("/login")
                .param("email", email)
                .param("password", password)
                .with(csrf())
                .with(from(address)));
    }

    @Test
    void loginPageHasTheFormWithStableIds() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("id=\"email\""),
                                org.hamcrest.Matchers.containsString("id=\"password\""),
                                org.hamcrest.Matchers.containsString("id=\"login-button\""),
                                org.hamcrest.Matchers.containsString("name=\"_csrf\""),
                                org.hamcrest.Matchers.containsString("/css/admin"))));
    }

    @Test
    void rightPasswordSignsInAndLandsOnTheDashboard() throws Exception {
        Account editor = StaffFixtures.create(accounts, transaction, "signin-ok", Role.EDITOR);
        String address = uniqueAddress();

        signIn(editor.getEmail().toUpperCase(), PASSWORD, address)
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin"));

        assertThat(accounts.get(editor.getId()).getLastSignInAt()).isNotNull();
        assertThat(auditCount("account.sign-in", editor.getEmail(), address)).isEqualTo(1);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() throws Exception {
        Account editor = StaffFixtures.create(accounts, transaction, "signin-bad", Role.EDITOR);
        String address = uniqueAddress();
        String unknown = StaffFixtures.uniqueEmail("nobody");

        MvcResult wrong = signIn(editor.getEmail(), "not the password", address)
                .andExpect(redirectedUrl("/login?error"))
                .andReturn();
        MvcResult missing = signIn(unknown, "not the password", address)
                .andExpect(redirectedUrl("/login?error"))
                .andReturn();
        String wrongPage = follow(wrong);
        String missingPage = follow(missing);
        assertThat(wrongPage)
                .contains("That email and password do not match")
                .contains("value=\"" + editor.getEmail() + "\"");
        assertThat(missingPage).contains("That email and password do not match").contains("value=\"" + unknown + "\"");

        assertThat(auditCount("account.sign-in-failed", editor.getEmail(), address))
                .isEqualTo(1);
        assertThat(auditCount("account.sign-in-failed", unknown, address)).isEqualTo(1);
    }

    @Test
    void disabledAccountCannotSignInAndGetsTheSameAnswer() throws Exception {
        Account admin = StaffFixtures.create(accounts, transaction, "signin-admin", Role.ADMIN);
        Account editor = StaffFixtures.create(accounts, transaction, "signin-disabled", Role.EDITOR);
        transaction.executeWithoutResult(s -> accounts.disable(Actor.importing("test"), editor.getId()));

        signIn(editor.getEmail(), PASSWORD, uniqueAddress()).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void accountWithoutPasswordYetCannotSignIn() throws Exception {
        SetPasswordLink link = transaction.execute(s -> accounts.create(
                Actor.importing("test"), StaffFixtures.uniqueEmail("signin-nopw"), "No Password", Role.CONTRIBUTOR));
        signIn(link.account().getEmail(), "", uniqueAddress()).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aSavedRequestWinsOverTheDashboard() throws Exception {
        Account admin = StaffFixtures.create(accounts, transaction, "signin-saved", Role.ADMIN);
        MvcResult denied = mvc.perform(get("/admin/accounts"))
                .andExpect(status().isFound())
                .andReturn();
        assertThat(denied.getResponse().getRedirectedUrl()).isEqualTo("/login");
        assertThat(denied.getResponse().getCookie("SESSION"))
                .as("no session before signing in")
                .isNull();
        Cookie saved = denied.getResponse().getCookie("REDIRECT_URI");
        assertThat(saved).as("the saved request lives in a cookie").isNotNull();

        MvcResult signedIn = mvc.perform(post("/login")
                        .cookie(saved)
                        .param("email", admin.getEmail())
                        .param("password", PASSWORD)
                        .with(csrf())
                        .with(from(uniqueAddress())))
                .andExpect(status().isFound())
                .andReturn();
        assertThat(signedIn.getResponse().getRedirectedUrl()).contains("/admin/accounts");
    }

    @Test
    void signInWithoutCsrfTokenIsRefused() throws Exception {
        Account editor = StaffFixtures.create(accounts, transaction, "signin-csrf", Role.EDITOR);
        mvc.perform(post("/login").param("email", editor.getEmail()).param("password", PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void fiveFailuresForOneAccountFromOneAddressBlockThatAccountFromThere() throws Exception {
        Account editor = StaffFixtures.create(accounts, transaction, "throttle-acct", Role.EDITOR);
        String attacker = uniqueAddress();
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT_LIMIT; i++) {
            signIn(editor.getEmail(), "guess " + i, attacker).andExpect(redirectedUrl("/login?error"));
        }
        // Even the right password is refused from there now, with the throttling message.
        MvcResult refused = signIn(editor.getEmail(), PASSWORD, attacker)
                .andExpect(redirectedUrl("/login?throttled"))
                .andReturn();
        assertThat(follow(refused)).contains("Too many failed sign-in attempts").contains("try again in 15 minutes");
        assertThat(auditCount("account.sign-in-throttled", editor.getEmail(), attacker))
                .isEqualTo(1);

        // The editor elsewhere is not locked out.
        signIn(editor.getEmail(), PASSWORD, uniqueAddress()).andExpect(redirectedUrl("/admin"));
    }

    @Test
    void unknownEmailsAreThrottledExactlyLikeKnownOnes() throws Exception {
        String unknown = StaffFixtures.uniqueEmail("throttle-ghost");
        String attacker = uniqueAddress();
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT_LIMIT; i++) {
            signIn(unknown, "guess " + i, attacker).andExpect(redirectedUrl("/login?error"));
        }
        MvcResult refused = signIn(unknown, "guess", attacker)
                .andExpect(redirectedUrl("/login?throttled"))
                .andReturn();
        assertThat(follow(refused)).contains("Too many failed sign-in attempts").contains("try again in 15 minutes");
    }

    @Test
    void twentyFailuresFromOneAddressBlockEveryAccountFromThere() throws Exception {
        Account editor = StaffFixtures.create(accounts, transaction, "throttle-addr", Role.EDITOR);
        String attacker = uniqueAddress();
        for (int i = 0; i < LoginThrottle.PER_ADDRESS_LIMIT; i++) {
            signIn(StaffFixtures.uniqueEmail("spray" + i), "guess", attacker).andExpect(redirectedUrl("/login?error"));
        }
        signIn(editor.getEmail(), PASSWORD, attacker).andExpect(redirectedUrl("/login?throttled"));
        signIn(editor.getEmail(), PASSWORD, uniqueAddress()).andExpect(redirectedUrl("/admin"));
    }

    @Test
    void aSuccessfulSignInForgetsThatAccountsEarlierFailures() throws Exception {
        Account editor = StaffFixtures.create(accounts, transaction, "throttle-reset", Role.EDITOR);
        String address = uniqueAddress();
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT_LIMIT - 1; i++) {
            signIn(editor.getEmail(), "typo " + i, address).andExpect(redirectedUrl("/login?error"));
        }
        signIn(editor.getEmail(), PASSWORD, address).andExpect(redirectedUrl("/admin"));
        signIn(editor.getEmail(), "one more typo", address).andExpect(redirectedUrl("/login?error"));
        signIn(editor.getEmail(), PASSWORD, address).andExpect(redirectedUrl("/admin"));
    }

    @Test
    void anOverlongPasswordIsJustAWrongOne() throws Exception {
        Account editor = StaffFixtures.create(accounts, transaction, "signin-long", Role.EDITOR);
        signIn(editor.getEmail(), "x".repeat(200), uniqueAddress()).andExpect(redirectedUrl("/login?error"));
    }

    /** Follows the redirect back to the sign-in page in the same session, as a browser would. */
    private String follow(MvcResult result) throws Exception {
        Cookie session = result.getResponse().getCookie("SESSION");
        var request = get(result.getResponse().getRedirectedUrl());
        if (session != null) {
            request.cookie(session);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void failedAndRefusedSignInsAreCountedNotAuditedOneRowEach() throws Exception {
        Account editor = StaffFixtures.create(accounts, transaction, "signin-count", Role.EDITOR);
        String attacker = uniqueAddress();
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT_LIMIT; i++) {
            signIn(editor.getEmail(), "guess " + i, attacker).andExpect(redirectedUrl("/login?error"));
        }
        for (int i = 0; i < 30; i++) {
            signIn(editor.getEmail(), "guess again " + i, attacker).andExpect(redirectedUrl("/login?throttled"));
            signIn(StaffFixtures.uniqueEmail("spray"), "guess", attacker);
        }

        assertThat(auditCount("account.sign-in-failed", editor.getEmail(), attacker))
                .as("the first failure of the hour")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_events where action = 'account.sign-in-throttled' and remote_addr = ?",
                        Integer.class,
                        attacker))
                .as("the first refusal of the hour, whatever the email")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select failures from sign_in_failures where remote_addr = ? and email = ?",
                        Integer.class,
                        attacker,
                        editor.getEmail()))
                .isEqualTo(LoginThrottle.PER_ACCOUNT_LIMIT);
        assertThat(jdbc.queryForObject(
                        "select sum(refused) from sign_in_failures where remote_addr = ?", Integer.class, attacker))
                .isGreaterThanOrEqualTo(30);
    }

    private int auditCount(String action, String actor, String address) {
        return jdbc.queryForObject(
                "select count(*) from audit_events where action = ? and actor = ? and remote_addr = ?",
                Integer.class,
                action,
                actor,
                address);
    }
}
