package org.masthead.account;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Disabling an account, changing its role or its password ends its sessions in the JDBC session store at once. */
@IntegrationTest
class AccountSessionsTests {

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Autowired
    AccountService accounts;

    @Autowired
    TransactionTemplate transaction;

    /** A signed-in session as Spring Security stores it, saved in the JDBC tables. */
    private String signedInSession(Account account) {
        return save(sessions, account);
    }

    private static <S extends Session> String save(FindByIndexNameSessionRepository<S> repository, Account account) {
        S session = repository.createSession();
        var principal = StaffFixtures.principal(account);
        session.setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                        principal, null, principal.getAuthorities())));
        repository.save(session);
        return session.getId();
    }

    private List<String> openSessions(Account account) {
        return List.copyOf(sessions.findByPrincipalName(account.getEmail()).keySet());
    }

    @Test
    void disablingEndsEverySession() {
        Account admin = StaffFixtures.create(accounts, transaction, "sess-admin", Role.ADMIN);
        Account editor = StaffFixtures.create(accounts, transaction, "sess-disable", Role.EDITOR);
        Account bystander = StaffFixtures.create(accounts, transaction, "sess-bystander", Role.EDITOR);
        String first = signedInSession(editor);
        String second = signedInSession(editor);
        String other = signedInSession(bystander);
        assertThat(openSessions(editor)).containsExactlyInAnyOrder(first, second);

        transaction.executeWithoutResult(s -> accounts.disable(Actor.importing("test"), editor.getId()));

        assertThat(sessions.findById(first)).isNull();
        assertThat(sessions.findById(second)).isNull();
        assertThat(openSessions(editor)).isEmpty();
        assertThat(sessions.findById(other))
                .as("other accounts keep their sessions")
                .isNotNull();
    }

    @Test
    void changingTheRoleEndsEverySession() {
        Account admin = StaffFixtures.create(accounts, transaction, "sess-admin", Role.ADMIN);
        Account contributor = StaffFixtures.create(accounts, transaction, "sess-role", Role.CONTRIBUTOR);
        String id = signedInSession(contributor);

        transaction.executeWithoutResult(
                s -> accounts.changeRole(Actor.importing("test"), contributor.getId(), Role.EDITOR));

        assertThat(sessions.findById(id)).isNull();
        assertThat(accounts.get(contributor.getId()).getRole()).isEqualTo(Role.EDITOR);
    }

    @Test
    void aNewEmailEndsEverySessionANewNameNone() {
        Account editor = StaffFixtures.create(accounts, transaction, "sess-email", Role.EDITOR);
        String id = signedInSession(editor);

        transaction.executeWithoutResult(s ->
                accounts.changeDetails(Actor.importing("test"), editor.getId(), editor.getEmail(), "Renamed Person"));
        assertThat(sessions.findById(id)).as("a new name only").isNotNull();

        String newEmail = StaffFixtures.uniqueEmail("sess-email-new");
        transaction.executeWithoutResult(
                s -> accounts.changeDetails(Actor.importing("test"), editor.getId(), newEmail, "Renamed Person"));
        assertThat(sessions.findById(id)).isNull();
        assertThat(accounts.get(editor.getId()).getEmail()).isEqualTo(newEmail);
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsButNotTheCurrentOne() {
        Account editor = StaffFixtures.create(accounts, transaction, "sess-pw", Role.EDITOR);
        String current = signedInSession(editor);
        String elsewhere = signedInSession(editor);

        accounts.changeOwnPassword(
                StaffFixtures.principal(editor),
                editor.getId(),
                StaffFixtures.PASSWORD,
                "a brand new passphrase",
                current);

        assertThat(sessions.findById(current)).isNotNull();
        assertThat(sessions.findById(elsewhere)).isNull();
    }

    @Test
    void settingThePasswordThroughALinkEndsEverySession() {
        Account editor = StaffFixtures.create(accounts, transaction, "sess-link", Role.EDITOR);
        String id = signedInSession(editor);
        SetPasswordLink link = accounts.issueSetPasswordLink(Actor.importing("test"), editor.getId());

        accounts.setPasswordWithLink(link.token(), "chosen through the link");

        assertThat(sessions.findById(id)).isNull();
    }

    @Test
    void aRollbackEndsNoSession() {
        Account admin = StaffFixtures.create(accounts, transaction, "sess-admin", Role.ADMIN);
        Account editor = StaffFixtures.create(accounts, transaction, "sess-rollback", Role.EDITOR);
        String id = signedInSession(editor);

        transaction.executeWithoutResult(s -> {
            accounts.disable(Actor.importing("test"), editor.getId());
            s.setRollbackOnly();
        });

        assertThat(sessions.findById(id)).isNotNull();
        assertThat(accounts.get(editor.getId()).isEnabled()).isTrue();
    }
}
