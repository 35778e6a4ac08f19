package org.masthead.account;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.audit.AuditLog;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.security.SecretToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Set-password links (single use, 24 hours) and changing one's own password. */
@IntegrationTest
class PasswordsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountRepository accountRepository;

    @Autowired
    PasswordTokenRepository tokenRepository;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    AccountSessions sessions;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transaction;

    private boolean passwordIs(Account account, String raw) {
        return passwordEncoder.matches(
                raw, accountRepository.findById(account.getId()).orElseThrow().getPasswordHash());
    }

    @Test
    void aLinkSetsThePasswordOnceThenNoLonger() throws Exception {
        SetPasswordLink link = transaction.execute(s -> accounts.create(
                Actor.importing("test"), StaffFixtures.uniqueEmail("link-once"), "Link Once", Role.CONTRIBUTOR));
        String path = link.path();

        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(content().string(containsString(link.account().getEmail())));

        mvc.perform(post(path).with(csrf()).param("newPassword", "short").param("confirmPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode(
                                "setPasswordForm", "newPassword", "account.password.too-short"))
                .andExpect(content().string(containsString("at least 12 characters")));
        mvc.perform(post(path)
                        .with(csrf())
                        .param("newPassword", "long enough password")
                        .param("confirmPassword", "other"))
                .andExpect(model().attributeHasFieldErrorCode(
                                "setPasswordForm", "confirmPassword", "account.password.mismatch"));

        mvc.perform(post(path)
                        .with(csrf())
                        .param("newPassword", "long enough password")
                        .param("confirmPassword", "long enough password"))
                .andExpect(redirectedUrl("/login"))
                .andExpect(flash().attribute("notice", "account.set-password.done"));
        assertThat(passwordIs(link.account(), "long enough password")).isTrue();

        mvc.perform(get(path))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("id=\"link-invalid\"")));
        mvc.perform(post(path)
                        .with(csrf())
                        .param("newPassword", "another password!")
                        .param("confirmPassword", "another password!"))
                .andExpect(status().isNotFound());
        assertThat(passwordIs(link.account(), "long enough password")).isTrue();
    }

    @Test
    void setPasswordPageNeedsACsrfTokenAndUnknownTokensAre404() throws Exception {
        SetPasswordLink link = transaction.execute(s -> accounts.create(
                Actor.importing("test"), StaffFixtures.uniqueEmail("link-csrf"), "Link Csrf", Role.CONTRIBUTOR));
        mvc.perform(post(link.path())
                        .param("newPassword", "long enough password")
                        .param("confirmPassword", "long enough password"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/account/set-password/not-a-real-token")).andExpect(status().isNotFound());
    }

    @Test
    void aNewLinkReplacesTheEarlierUnusedOne() {
        Account account = StaffFixtures.create(accounts, transaction, "link-replace", Role.EDITOR);
        SetPasswordLink first = accounts.issueSetPasswordLink(Actor.importing("test"), account.getId());
        SetPasswordLink second = accounts.issueSetPasswordLink(Actor.importing("test"), account.getId());
        assertThat(accounts.accountForLink(first.token())).isEmpty();
        assertThat(accounts.accountForLink(second.token())).isPresent();
        assertThat(passwordIs(account, StaffFixtures.PASSWORD))
                .as("the old password works until the link is used")
                .isTrue();
    }

    @Test
    void aLinkWorksForTwentyFourHours() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T12:00:00Z"));
        AccountService timed = new AccountService(
                accountRepository, tokenRepository, passwordEncoder, sessions, audit, clock, event -> {});
        Account account = StaffFixtures.create(accounts, transaction, "link-expiry", Role.EDITOR);
        SetPasswordLink link =
                transaction.execute(s -> timed.issueSetPasswordLink(Actor.importing("test"), account.getId()));
        assertThat(link.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(timed.accountForLink(link.token())).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(timed.accountForLink(link.token())).isEmpty();
        assertThat(accounts.accountForLink(link.token()))
                .as("in 2030 terms it is still valid today")
                .isPresent();
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        Account account = StaffFixtures.create(accounts, transaction, "link-hash", Role.EDITOR);
        SetPasswordLink link = accounts.issueSetPasswordLink(Actor.importing("test"), account.getId());
        assertThat(tokenRepository.findByTokenHash(link.token())).isEmpty();
        assertThat(tokenRepository.findByTokenHash(SecretToken.hashOf(link.token())))
                .isPresent();
        assertThat(link.token()).hasSize(43); // 256 random bits, base64url
    }

    @Test
    void membersChangeTheirOwnPasswordWithTheCurrentOne() throws Exception {
        Account contributor = StaffFixtures.create(accounts, transaction, "own-pw", Role.CONTRIBUTOR);
        var me = StaffFixtures.principal(contributor);

        mvc.perform(get("/admin/password").with(user(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"change-password-button\"")));

        mvc.perform(post("/admin/password")
                        .with(user(me))
                        .with(csrf())
                        .param("currentPassword", "wrong wrong wrong")
                        .param("newPassword", "my new long password")
                        .param("confirmPassword", "my new long password"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode(
                                "passwordForm", "currentPassword", "account.password.current-wrong"))
                .andExpect(content().string(containsString("That is not your current password")))
                .andExpect(content().string(not(containsString("my new long password"))));

        mvc.perform(post("/admin/password")
                        .with(user(me))
                        .with(csrf())
                        .param("currentPassword", StaffFixtures.PASSWORD)
                        .param("newPassword", "too short")
                        .param("confirmPassword", "too short"))
                .andExpect(model().attributeHasFieldErrorCode(
                                "passwordForm", "newPassword", "account.password.too-short"));
        assertThat(passwordIs(contributor, StaffFixtures.PASSWORD)).isTrue();

        mvc.perform(post("/admin/password")
                        .with(user(me))
                        .with(csrf())
                        .param("currentPassword", StaffFixtures.PASSWORD)
                        .param("newPassword", "my new long password")
                        .param("confirmPassword", "my new long password"))
                .andExpect(redirectedUrl("/admin/password"))
                .andExpect(flash().attribute("notice", "account.password.changed"));
        assertThat(passwordIs(contributor, "my new long password")).isTrue();

        mvc.perform(post("/admin/password")
                        .with(user(me))
                        .param("currentPassword", "my new long password")
                        .param("newPassword", "x".repeat(20))
                        .param("confirmPassword", "x".repeat(20)))
                .andExpect(status().isForbidden());
    }

    @Test
    void passwordPageNeedsSignIn() throws Exception {
        var result = mvc.perform(get("/admin/password"))
                .andExpect(status().isFound())
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
    }
}
