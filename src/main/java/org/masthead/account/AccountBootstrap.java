package org.masthead.account;

import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.security.SecretToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure someone can sign in. On first start (no accounts) it creates an admin from
 * {@code MASTHEAD_ADMIN_EMAIL} / {@code MASTHEAD_ADMIN_PASSWORD}, or with a generated password printed once in
 * the log; with demo content on, it also creates the demo editor and contributor, and the demo admin gets a
 * fixed, documented password. Later starts with both variables set recover that admin: the account is
 * (re)enabled, made admin and given that password, and its second factors (authenticator app, recovery codes,
 * passkeys) are removed.
 */
@Component
class AccountBootstrap implements SmartInitializingSingleton {

    static final String DEFAULT_ADMIN_EMAIL = "admin@example.org";
    /** Demo-only passwords, listed in the README; never used without demo content. */
    static final String DEMO_ADMIN_PASSWORD = "demo-admin-password";

    static final String DEMO_EDITOR_EMAIL = "editor@example.org";
    static final String DEMO_EDITOR_PASSWORD = "demo-editor-password";
    static final String DEMO_CONTRIBUTOR_EMAIL = "contributor@example.org";
    static final String DEMO_CONTRIBUTOR_PASSWORD = "demo-contributor-password";

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    /** Start-up creates and recovers accounts as the application itself; its audit lines name "system". */
    private static final Actor SYSTEM = Actor.system("system");

    private final AccountService accounts;
    private final AccountProperties properties;
    private final TransactionTemplate transaction;
    private final SecondFactors secondFactors;

    AccountBootstrap(
            AccountService accounts,
            AccountProperties properties,
            TransactionTemplate transaction,
            SecondFactors secondFactors) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.properties = properties;
        this.transaction = transaction;
    }

    /** Runs once every bean is ready and before the web server takes requests, so no reader sees the site half-ready. */
    @Override
    public void afterSingletonsInstantiated() {
        run();
    }

    void run() {
        transaction.executeWithoutResult(status -> {
            if (accounts.isEmpty()) {
                firstStart();
            } else if (properties.hasAdminEmail() && properties.hasAdminPassword()) {
                recover();
            }
        });
    }

    void firstStart() {
        String email = properties.hasAdminEmail() ? properties.adminEmail().strip() : DEFAULT_ADMIN_EMAIL;
        if (properties.hasAdminPassword()) {
            accounts.createWithPassword(SYSTEM, email, "Administrator", Role.ADMIN, properties.adminPassword());
            log.info("Created the first admin account, {}, with the password from MASTHEAD_ADMIN_PASSWORD", email);
        } else if (properties.demoContent()) {
            accounts.createWithPassword(SYSTEM, email, "Demo Admin", Role.ADMIN, DEMO_ADMIN_PASSWORD);
            log.warn(banner(
                    "DEMO admin account (demo content only: never use these in production)",
                    email,
                    DEMO_ADMIN_PASSWORD));
        } else {
            String password = generatedPassword();
            accounts.createWithPassword(SYSTEM, email, "Administrator", Role.ADMIN, password);
            log.warn(banner(
                    "First admin account, with a generated password shown ONLY ONCE. Sign in at /login "
                            + "and change it under My password",
                    email,
                    password));
        }
        if (properties.demoContent()) {
            demoAccount(DEMO_EDITOR_EMAIL, "Demo Editor", Role.EDITOR, DEMO_EDITOR_PASSWORD);
            demoAccount(DEMO_CONTRIBUTOR_EMAIL, "Demo Contributor", Role.CONTRIBUTOR, DEMO_CONTRIBUTOR_PASSWORD);
            log.warn(
                    "Demo accounts: {} / {} (editor), {} / {} (contributor)",
                    DEMO_EDITOR_EMAIL,
                    DEMO_EDITOR_PASSWORD,
                    DEMO_CONTRIBUTOR_EMAIL,
                    DEMO_CONTRIBUTOR_PASSWORD);
        }
    }

    private void demoAccount(String email, String name, Role role, String password) {
        if (accounts.findByEmail(email).isEmpty()) {
            accounts.createWithPassword(SYSTEM, email, name, role, password);
        }
    }

    void recover() {
        Account admin = accounts.recoverAdmin(SYSTEM, properties.adminEmail(), properties.adminPassword());
        // A lost phone or passkey is the usual reason to recover: the admin signs in with the password alone (and,
        // if their role requires a second factor, sets up a new one).
        if (secondFactors.status(admin.getId(), admin.getEmail()).any()) {
            secondFactors.removeAll(SYSTEM, admin.getId(), admin.getEmail());
            log.warn("The second factors of {} were removed (start-up recovery)", admin.getEmail());
        }
        log.warn(
                "MASTHEAD_ADMIN_EMAIL and MASTHEAD_ADMIN_PASSWORD are set: {} is an enabled admin with that password. "
                        + "Remove them once you have signed in, or every start resets that password.",
                admin.getEmail());
    }

    static String generatedPassword() {
        return SecretToken.generate(18).value(); // 144 bits, 24 characters
    }

    private static String banner(String title, String email, String password) {
        String rule = "=".repeat(78);
        return "\n" + rule + "\n  " + title + "\n\n      email:    " + email + "\n      password: " + password
                + "\n\n  Sign in at /login\n" + rule;
    }
}
