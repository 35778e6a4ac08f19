package org.masthead.account;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.masthead.IntegrationTest;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The first admin, the demo accounts, and recovery with MASTHEAD_ADMIN_EMAIL / MASTHEAD_ADMIN_PASSWORD. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AccountBootstrapTests {

    @Autowired
    AccountService accounts;

    @Autowired
    AccountRepository repository;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    SecondFactors secondFactors;

    @Autowired
    JdbcTemplate jdbc;

    private boolean passwordIs(Account account, String raw) {
        return passwordEncoder.matches(
                raw, repository.findById(account.getId()).orElseThrow().getPasswordHash());
    }

    @Test
    void demoContentCreatedTheDemoAccounts() {
        Account admin =
                accounts.findByEmail(AccountBootstrap.DEFAULT_ADMIN_EMAIL).orElseThrow();
        Account editor =
                accounts.findByEmail(AccountBootstrap.DEMO_EDITOR_EMAIL).orElseThrow();
        Account contributor =
                accounts.findByEmail(AccountBootstrap.DEMO_CONTRIBUTOR_EMAIL).orElseThrow();
        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(editor.getRole()).isEqualTo(Role.EDITOR);
        assertThat(contributor.getRole()).isEqualTo(Role.CONTRIBUTOR);
        assertThat(passwordIs(admin, AccountBootstrap.DEMO_ADMIN_PASSWORD)).isTrue();
        assertThat(passwordIs(editor, AccountBootstrap.DEMO_EDITOR_PASSWORD)).isTrue();
        assertThat(passwordIs(contributor, AccountBootstrap.DEMO_CONTRIBUTOR_PASSWORD))
                .isTrue();
    }

    @Test
    void firstStartWithoutAPasswordGeneratesOneAndPrintsItOnce(CapturedOutput output) {
        String email = StaffFixtures.uniqueEmail("first-admin");
        AccountBootstrap bootstrap =
                new AccountBootstrap(accounts, new AccountProperties(email, null, false), transaction, secondFactors);

        transaction.executeWithoutResult(s -> bootstrap.firstStart());

        Matcher printed = Pattern.compile("email:\\s+" + Pattern.quote(email) + "\\s+password: (\\S+)")
                .matcher(output.getOut());
        assertThat(printed.find()).as("the block in the log").isTrue();
        String password = printed.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        assertThat(output.getOut()).contains("ONLY ONCE");
        Account admin = accounts.findByEmail(email).orElseThrow();
        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(admin.isEnabled()).isTrue();
        assertThat(passwordIs(admin, password)).isTrue();
    }

    @Test
    void firstStartWithEmailAndPasswordUsesThem(CapturedOutput output) {
        String email = StaffFixtures.uniqueEmail("first-env");
        AccountBootstrap bootstrap = new AccountBootstrap(
                accounts, new AccountProperties(email, "from the environment", false), transaction, secondFactors);

        transaction.executeWithoutResult(s -> bootstrap.firstStart());

        Account admin = accounts.findByEmail(email).orElseThrow();
        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(passwordIs(admin, "from the environment")).isTrue();
        assertThat(output.getOut()).doesNotContain("from the environment");
    }

    @Test
    void recoveryEnablesPromotesAndResetsTheNamedAccount() {
        Account admin = StaffFixtures.create(accounts, transaction, "recover-by", Role.ADMIN);
        Account locked = StaffFixtures.create(accounts, transaction, "recover-me", Role.CONTRIBUTOR);
        transaction.executeWithoutResult(s -> accounts.disable(Actor.importing("test"), locked.getId()));

        AccountBootstrap bootstrap = new AccountBootstrap(
                accounts,
                new AccountProperties(locked.getEmail().toUpperCase(), "recovered password", false),
                transaction,
                secondFactors);
        jdbc.update(
                "insert into totp_authenticators (account_id, secret, created_at) values (?, 'JBSWY3DPEHPK3PXP', now())",
                locked.getId());
        jdbc.update(
                "insert into recovery_codes (account_id, code_hash, created_at) values (?, 'hash', now())",
                locked.getId());
        assertThat(secondFactors.status(locked.getId(), locked.getEmail()).any())
                .isTrue();
        bootstrap.run();
        assertThat(secondFactors.status(locked.getId(), locked.getEmail()))
                .as("start-up recovery removes the admin's second factors")
                .isEqualTo(new SecondFactors.Status(false, 0, 0));
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_events where action = 'account.second-factors-removed' "
                                + "and actor = 'system' and subject like ?",
                        Integer.class,
                        "% " + locked.getEmail()))
                .isEqualTo(1);

        Account recovered = accounts.get(locked.getId());
        assertThat(recovered.isEnabled()).isTrue();
        assertThat(recovered.getRole()).isEqualTo(Role.ADMIN);
        assertThat(passwordIs(recovered, "recovered password")).isTrue();

        long version = recovered.getVersion();
        bootstrap.run();
        assertThat(accounts.get(locked.getId()).getVersion())
                .as("a second start changes nothing")
                .isEqualTo(version);
    }

    @Test
    void recoveryWithAnUnknownEmailCreatesThatAdmin() {
        String email = StaffFixtures.uniqueEmail("recover-new");
        new AccountBootstrap(
                        accounts,
                        new AccountProperties(email, "a new admin password", false),
                        transaction,
                        secondFactors)
                .run();
        assertThat(accounts.findByEmail(email).orElseThrow().getRole()).isEqualTo(Role.ADMIN);
    }

    @Test
    void withoutTheVariablesALaterStartChangesNothing() {
        Account admin =
                accounts.findByEmail(AccountBootstrap.DEFAULT_ADMIN_EMAIL).orElseThrow();
        new AccountBootstrap(accounts, new AccountProperties(null, null, true), transaction, secondFactors).run();
        assertThat(accounts.get(admin.getId()).getVersion()).isEqualTo(admin.getVersion());
    }
}
