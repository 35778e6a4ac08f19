package org.masthead.account;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.masthead.IntegrationTest;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AccountAdminControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    Account admin;
    Account target;
    StaffUser asAdmin;

    @BeforeEach
    void setUp() {
        admin = StaffFixtures.create(accounts, transaction, "acc-admin", Role.ADMIN);
        target = StaffFixtures.create(accounts, transaction, "acc-target", Role.CONTRIBUTOR);
        asAdmin = StaffFixtures.principal(admin);
    }

    /** Every account-admin route, GETs and POSTs (with a CSRF token). */
    static Stream<String> routes() {
        return Stream.of(
                "GET /admin/accounts",
                "GET /admin/accounts/new",
                "GET /admin/accounts/{id}",
                "POST /admin/accounts",
                "GET /admin/accounts/{id}/edit",
                "POST /admin/accounts/{id}/details",
                "POST /admin/accounts/{id}/role",
                "POST /admin/accounts/{id}/disable",
                "POST /admin/accounts/{id}/enable",
                "POST /admin/accounts/{id}/reset-password",
                "GET /admin/audit");
    }

    private MockHttpServletRequestBuilder request(String route, boolean withCsrf) {
        String[] parts = route.split(" ");
        String path = parts[1].replace("{id}", target.getId().toString());
        if (parts[0].equals("GET")) {
            return get(path);
        }
        MockHttpServletRequestBuilder post = post(path)
                .param("role", "EDITOR")
                .param("email", StaffFixtures.uniqueEmail("x"))
                .param("displayName", "X");
        return withCsrf ? post.with(csrf()) : post;
    }

    @ParameterizedTest
    @MethodSource("routes")
    void contributorsAndEditorsAreRefused(String route) throws Exception {
        for (Role role : List.of(Role.CONTRIBUTOR, Role.EDITOR)) {
            StaffUser member = new StaffUser(-1, "member@test.example.org", "Member", role, "{noop}x", true);
            mvc.perform(request(route, true).with(user(member))).andExpect(status().isForbidden());
        }
        assertThat(accounts.get(target.getId()).getRole()).isEqualTo(Role.CONTRIBUTOR);
        assertThat(accounts.get(target.getId()).isEnabled()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("routes")
    void adminsMayUseEveryRoute(String route) throws Exception {
        int status = mvc.perform(request(route, true).with(user(asAdmin)))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).as(route).isIn(200, 302);
    }

    @ParameterizedTest
    @MethodSource("routes")
    void anonymousVisitorsAreSentToSignIn(String route) throws Exception {
        MvcResult result =
                mvc.perform(request(route, true)).andExpect(status().isFound()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
    }

    @ParameterizedTest
    @MethodSource("routes")
    void postsWithoutCsrfTokenAreRefused(String route) throws Exception {
        if (route.startsWith("GET")) {
            return;
        }
        mvc.perform(request(route, false).with(user(asAdmin))).andExpect(status().isForbidden());
        assertThat(accounts.get(target.getId()).getRole()).isEqualTo(Role.CONTRIBUTOR);
        assertThat(accounts.get(target.getId()).isEnabled()).isTrue();
    }

    @Test
    void listShowsAccounts() throws Exception {
        mvc.perform(get("/admin/accounts").with(user(asAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(target.getEmail())))
                .andExpect(content().string(containsString("id=\"new-account-button\"")));
    }

    @Test
    void creatingAnAccountIssuesASetPasswordLink() throws Exception {
        String email = StaffFixtures.uniqueEmail("acc-new");
        MvcResult result = mvc.perform(post("/admin/accounts")
                        .with(user(asAdmin))
                        .with(csrf())
                        .param("email", email)
                        .param("displayName", "New Person")
                        .param("role", "EDITOR"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "account.created"))
                .andReturn();
        Account created = accounts.findByEmail(email).orElseThrow();
        assertThat(created.getRole()).isEqualTo(Role.EDITOR);
        assertThat(created.hasPassword()).isFalse();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/accounts/" + created.getId());
        String link = (String) result.getFlashMap().get("setPasswordLink");
        assertThat(link).matches("http://localhost:8080/account/set-password/[A-Za-z0-9_-]{43}");
        assertThat(audit("account.create", admin.getEmail(), created.getEmail()))
                .isEqualTo(1);

        // Flash attributes live in the (JDBC) session: follow the redirect with its cookie, as a browser does.
        mvc.perform(get("/admin/accounts/" + created.getId())
                        .with(user(asAdmin))
                        .cookie(result.getResponse().getCookie("SESSION")))
                .andExpect(content().string(containsString("id=\"set-password-link\"")))
                .andExpect(content().string(containsString(link)));
    }

    @Test
    void invalidInputComesBackWithFieldErrorsAndEverythingTypedKept() throws Exception {
        mvc.perform(post("/admin/accounts")
                        .with(user(asAdmin))
                        .with(csrf())
                        .param("email", "not-an-email")
                        .param("displayName", "  Kept Name  ")
                        .param("role", "ADMIN"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("accountForm", "email"))
                .andExpect(content().string(containsString("Enter a valid email address")))
                .andExpect(content().string(containsString("value=\"not-an-email\"")))
                .andExpect(content().string(containsString("value=\"Kept Name\"")))
                .andExpect(content().string(containsString("<option value=\"ADMIN\" selected=\"selected\"")))
                .andExpect(content().string(containsString("id=\"error-summary\"")));

        mvc.perform(post("/admin/accounts")
                        .with(user(asAdmin))
                        .with(csrf())
                        .param("email", "")
                        .param("displayName", "")
                        .param("role", "EDITOR"))
                .andExpect(model().attributeHasFieldErrors("accountForm", "email", "displayName"));
    }

    @Test
    void anEmailTakenInAnotherCaseIsAFieldError() throws Exception {
        mvc.perform(post("/admin/accounts")
                        .with(user(asAdmin))
                        .with(csrf())
                        .param("email", target.getEmail().toUpperCase())
                        .param("displayName", "Twin")
                        .param("role", "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("accountForm", "email", "account.form.email.taken"))
                .andExpect(content().string(containsString("Another account already uses this email address")));
    }

    @Test
    void changingRoleDisablingEnablingAndResettingAreAudited() throws Exception {
        String base = "/admin/accounts/" + target.getId();
        mvc.perform(post(base + "/role")
                        .param("role", "EDITOR")
                        .with(user(asAdmin))
                        .with(csrf()))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("notice", "account.role-changed"));
        assertThat(accounts.get(target.getId()).getRole()).isEqualTo(Role.EDITOR);

        mvc.perform(post(base + "/disable").with(user(asAdmin)).with(csrf()))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("notice", "account.disabled"));
        assertThat(accounts.get(target.getId()).isEnabled()).isFalse();

        mvc.perform(post(base + "/enable").with(user(asAdmin)).with(csrf()))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("notice", "account.enabled"));
        assertThat(accounts.get(target.getId()).isEnabled()).isTrue();

        mvc.perform(post(base + "/reset-password").with(user(asAdmin)).with(csrf()))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attributeExists("setPasswordLink"));

        for (String action :
                List.of("account.role-change", "account.disable", "account.enable", "account.password-reset")) {
            assertThat(audit(action, admin.getEmail(), target.getEmail()))
                    .as(action)
                    .isEqualTo(1);
        }
    }

    @Test
    void anAdminCorrectsAnEmailAndANameAndItIsAudited() throws Exception {
        String base = "/admin/accounts/" + target.getId();
        mvc.perform(get(base).with(user(asAdmin)))
                .andExpect(content().string(containsString("href=\"" + base + "/edit\"")));
        mvc.perform(get(base + "/edit").with(user(asAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + target.getEmail() + "\"")));

        String newEmail = StaffFixtures.uniqueEmail("acc-renamed");
        mvc.perform(post(base + "/details")
                        .param("email", "  " + newEmail + " ")
                        .param("displayName", " Corrected Name ")
                        .with(user(asAdmin))
                        .with(csrf()))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("notice", "account.details-changed"));
        Account reloaded = accounts.get(target.getId());
        assertThat(reloaded.getEmail()).isEqualTo(newEmail);
        assertThat(reloaded.getDisplayName()).isEqualTo("Corrected Name");
        assertThat(reloaded.getRole()).isEqualTo(Role.CONTRIBUTOR);
        assertThat(audit("account.edit", admin.getEmail(), newEmail)).isEqualTo(1);
        String detail = jdbc.queryForObject(
                "select detail from audit_events where action = 'account.edit' and subject like ?",
                String.class,
                "%" + newEmail);
        assertThat(detail).contains(target.getEmail() + " -> " + newEmail).contains("-> Corrected Name");
    }

    @Test
    void aBadOrTakenEmailComesBackOnTheFormAndNothingIsSaved() throws Exception {
        String base = "/admin/accounts/" + target.getId();
        mvc.perform(post(base + "/details")
                        .param("email", "not-an-email")
                        .param("displayName", "Kept Name")
                        .with(user(asAdmin))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("detailsForm", "email"))
                .andExpect(content().string(containsString("Enter a valid email address")))
                .andExpect(content().string(containsString("value=\"Kept Name\"")));

        mvc.perform(post(base + "/details")
                        .param("email", admin.getEmail().toUpperCase())
                        .param("displayName", "Twin")
                        .with(user(asAdmin))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("detailsForm", "email", "account.form.email.taken"))
                .andExpect(content().string(containsString("Another account already uses this email address")));

        Account reloaded = accounts.get(target.getId());
        assertThat(reloaded.getEmail()).isEqualTo(target.getEmail());
        assertThat(reloaded.getDisplayName()).isEqualTo(target.getDisplayName());
        assertThat(audit("account.edit", admin.getEmail(), target.getEmail())).isZero();

        // The same address in another case is the account's own: accepted.
        mvc.perform(post(base + "/details")
                        .param("email", target.getEmail().toUpperCase())
                        .param("displayName", "Same Person")
                        .with(user(asAdmin))
                        .with(csrf()))
                .andExpect(redirectedUrl(base));
        assertThat(accounts.get(target.getId()).getEmail())
                .isEqualTo(target.getEmail().toUpperCase());
    }

    @Test
    void adminsCannotDemoteOrDisableThemselves() throws Exception {
        String base = "/admin/accounts/" + admin.getId();
        mvc.perform(post(base + "/role")
                        .param("role", "CONTRIBUTOR")
                        .with(user(asAdmin))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "account.own-account"));
        mvc.perform(post(base + "/disable").with(user(asAdmin)).with(csrf()))
                .andExpect(flash().attribute("error", "account.own-account"));
        Account reloaded = accounts.get(admin.getId());
        assertThat(reloaded.getRole()).isEqualTo(Role.ADMIN);
        assertThat(reloaded.isEnabled()).isTrue();
        mvc.perform(get(base).with(user(asAdmin)))
                .andExpect(content().string(not(containsString("id=\"disable-button\""))));
    }

    @Test
    void unknownAccountIsA404AndABadRoleA400() throws Exception {
        mvc.perform(get("/admin/accounts/987654321").with(user(asAdmin))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/accounts/" + target.getId() + "/role")
                        .param("role", "OWNER")
                        .with(user(asAdmin))
                        .with(csrf()))
                .andExpect(status().isBadRequest());
    }

    private int audit(String action, String actor, String subjectEmail) {
        return jdbc.queryForObject(
                "select count(*) from audit_events where action = ? and actor = ? and subject like ?",
                Integer.class,
                action,
                actor,
                "%" + subjectEmail);
    }
}
