package org.masthead.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.masthead.audit.AuditLog;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.masthead.security.Role;
import org.masthead.security.SecretToken;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: creating them, roles, enabling and disabling, passwords and one-time set-password links.
 * Every change is audited, and a change that alters what an account may do ends its open sessions.
 */
@Service
@Transactional
public class AccountService {

    /** How long a set-password link works. */
    public static final Duration LINK_LIFETIME = Duration.ofHours(24);

    private final AccountRepository accounts;
    private final PasswordTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final AccountSessions sessions;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** Published, inside the transaction, when an account's email changed (what else is keyed by it follows). */
    public record EmailChanged(long accountId, String before, String after) {}

    AccountService(
            AccountRepository accounts,
            PasswordTokenRepository tokens,
            PasswordEncoder passwordEncoder,
            AccountSessions sessions,
            AuditLog audit,
            Clock clock,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<Account> all(Actor by) {
        requireManager(by, "list accounts");
        return accounts.findAllByOrderByEmailAsc();
    }

    @Transactional(readOnly = true)
    public Account get(long id) {
        return accounts.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public boolean exists(long id) {
        return accounts.existsById(id);
    }

    @Transactional(readOnly = true)
    public Optional<Account> findByEmail(String email) {
        return accounts.findByEmail(email.strip());
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return accounts.count() == 0;
    }

    /** Creates an account without a password and issues the link its owner uses to choose one. */
    public SetPasswordLink create(Actor by, String email, String displayName, Role role) {
        requireManager(by, "create accounts");
        Account account = insert(email, displayName, role);
        audit.record(by, "account.create", subject(account), "role " + role);
        return issueLink(account);
    }

    /** Creates an account with a password (first start, demo accounts). */
    Account createWithPassword(Actor by, String email, String displayName, Role role, String rawPassword) {
        requireManager(by, "create accounts");
        PasswordPolicy.check(rawPassword);
        Account account = insert(email, displayName, role);
        account.changePasswordHash(passwordEncoder.encode(rawPassword), clock.instant());
        audit.record(by, "account.create", subject(account), "role " + role);
        return account;
    }

    private Account insert(String email, String displayName, Role role) {
        String cleanEmail = email.strip();
        requireFreeEmail(cleanEmail, null);
        return accounts.saveAndFlush(new Account(cleanEmail, displayName.strip(), role, clock.instant()));
    }

    /**
     * Corrects an account's email or display name. A new email is the name the account signs in with, so its open
     * sessions end (the admin's own too, when they change their own email).
     */
    public Account changeDetails(Actor by, long id, String email, String displayName) {
        requireManager(by, "correct accounts");
        Account account = get(id);
        String cleanEmail = email.strip();
        String cleanName = displayName.strip();
        boolean emailChanged = !account.getEmail().equals(cleanEmail);
        requireFreeEmail(cleanEmail, id);
        if (!emailChanged && account.getDisplayName().equals(cleanName)) {
            return account;
        }
        String before = account.getEmail();
        StringBuilder detail = new StringBuilder();
        if (emailChanged) {
            detail.append("email ").append(before).append(" -> ").append(cleanEmail);
        }
        if (!account.getDisplayName().equals(cleanName)) {
            detail.append(detail.isEmpty() ? "" : "; ")
                    .append("name ")
                    .append(account.getDisplayName())
                    .append(" -> ")
                    .append(cleanName);
        }
        account.changeDetails(cleanEmail, cleanName, clock.instant());
        accounts.flush();
        audit.record(by, "account.edit", subject(account), detail.toString());
        if (emailChanged) {
            events.publishEvent(new EmailChanged(account.getId(), before, cleanEmail));
            sessions.endAll(before);
        }
        return account;
    }

    /** Refuses an email (in any case) that another account than {@code ownId} already signs in with. */
    private void requireFreeEmail(String email, Long ownId) {
        Optional<Account> holder = accounts.findByEmail(email);
        if (holder.isPresent() && !holder.get().getId().equals(ownId)) {
            throw new EmailTakenException(email);
        }
    }

    public Account changeRole(Actor by, long id, Role role) {
        requireManager(by, "change roles");
        Account account = get(id);
        if (account.getRole() == role) {
            return account;
        }
        refuseOwn(id, by);
        Role before = account.getRole();
        account.changeRole(role, clock.instant());
        audit.record(by, "account.role-change", subject(account), before + " -> " + role);
        sessions.endAll(account.getEmail());
        return account;
    }

    public Account disable(Actor by, long id) {
        requireManager(by, "disable accounts");
        Account account = get(id);
        refuseOwn(id, by);
        if (account.isEnabled()) {
            account.disable(clock.instant());
            audit.record(by, "account.disable", subject(account), "");
        }
        sessions.endAll(account.getEmail());
        return account;
    }

    public Account enable(Actor by, long id) {
        requireManager(by, "enable accounts");
        Account account = get(id);
        if (!account.isEnabled()) {
            account.enable(clock.instant());
            audit.record(by, "account.enable", subject(account), "");
        }
        return account;
    }

    /** "Reset password": a new one-time link (replacing earlier unused ones); the old password keeps working until it is used. */
    public SetPasswordLink issueSetPasswordLink(Actor by, long id) {
        requireManager(by, "issue set-password links");
        Account account = get(id);
        audit.record(by, "account.password-reset", subject(account), "set-password link issued, valid 24 hours");
        return issueLink(account);
    }

    private SetPasswordLink issueLink(Account account) {
        tokens.deleteUnused(account.getId());
        SecretToken token = SecretToken.generate();
        Instant now = clock.instant();
        PasswordToken saved = tokens.save(new PasswordToken(account, token.hash(), now, now.plus(LINK_LIFETIME)));
        return new SetPasswordLink(account, token.value(), saved.getExpiresAt());
    }

    /** The account a set-password link is for, while the link is unused and unexpired. */
    @Transactional(readOnly = true)
    public Optional<Account> accountForLink(String token) {
        return usableToken(token).map(PasswordToken::getAccount);
    }

    /** Uses a set-password link: sets the password, spends the link, ends the account's sessions. */
    public Account setPasswordWithLink(String token, String rawPassword) {
        PasswordToken link = usableToken(token).orElseThrow(InvalidPasswordLinkException::new);
        PasswordPolicy.check(rawPassword);
        Instant now = clock.instant();
        link.use(now);
        Account account = link.getAccount();
        account.changePasswordHash(passwordEncoder.encode(rawPassword), now);
        audit.record(
                Actor.signIn(account.getEmail()),
                "account.password-set",
                subject(account),
                "through a set-password link");
        sessions.endAll(account.getEmail());
        return account;
    }

    private Optional<PasswordToken> usableToken(String token) {
        return SecretToken.parse(token)
                .flatMap(parsed -> tokens.findByTokenHash(parsed.hash()))
                .filter(t -> t.isUsable(clock.instant()));
    }

    /**
     * A signed-in member changes their own password; their other sessions end, the one they are using
     * ({@code currentSessionId}, may be null) stays.
     */
    public void changeOwnPassword(
            Actor by, long accountId, String currentPassword, String newPassword, String currentSessionId) {
        NotAllowedException.require(
                AccountPermissions.canChangePasswordOf(by, accountId), by, "change the password of #" + accountId);
        Account account = get(accountId);
        if (currentPassword == null
                || !account.hasPassword()
                || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new WrongPasswordException();
        }
        PasswordPolicy.check(newPassword);
        account.changePasswordHash(passwordEncoder.encode(newPassword), clock.instant());
        audit.record(by, "account.password-change", subject(account), "");
        sessions.endAllExcept(account.getEmail(), currentSessionId);
    }

    /**
     * Recovery at start-up: the account with this email becomes an enabled admin with this password
     * (created if missing). Returns the account.
     */
    Account recoverAdmin(Actor by, String email, String rawPassword) {
        requireManager(by, "recover the admin account");
        PasswordPolicy.check(rawPassword);
        Optional<Account> existing = accounts.findByEmail(email.strip());
        if (existing.isEmpty()) {
            return createWithPassword(by, email, "Administrator", Role.ADMIN, rawPassword);
        }
        Account account = existing.get();
        boolean samePassword = account.hasPassword() && passwordEncoder.matches(rawPassword, account.getPasswordHash());
        if (account.isEnabled() && account.getRole() == Role.ADMIN && samePassword) {
            return account;
        }
        Instant now = clock.instant();
        account.enable(now);
        account.changeRole(Role.ADMIN, now);
        if (!samePassword) {
            account.changePasswordHash(passwordEncoder.encode(rawPassword), now);
        }
        audit.record(
                by,
                "account.recover",
                subject(account),
                "enabled, made admin and given the configured password at start-up");
        sessions.endAll(account.getEmail());
        return account;
    }

    /** Notes a successful sign-in (called from the authentication success event). */
    public void markSignedIn(long accountId) {
        accounts.markSignedIn(accountId, clock.instant());
    }

    private static void refuseOwn(long id, Actor by) {
        if (by.staff().map(user -> user.getAccountId() == id).orElse(false)) {
            throw new OwnAccountException();
        }
    }

    private static void requireManager(Actor by, String action) {
        NotAllowedException.require(AccountPermissions.canManage(by), by, action);
    }

    private static String subject(Account account) {
        return "account #" + account.getId() + " " + account.getEmail();
    }
}
