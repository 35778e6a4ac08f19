package org.masthead.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import org.masthead.audit.AuditLog;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.masthead.security.PasskeyAdded;
import org.masthead.security.Role;
import org.masthead.security.SecretToken;
import org.masthead.security.StaffUser;
import org.masthead.settings.RoleSetSetting;
import org.masthead.settings.SettingsStore;
import org.masthead.throttle.Throttle;
import org.masthead.throttle.ThrottleRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's second factors: an authenticator app (TOTP, RFC 6238: 6 digits, 30 s, SHA-1, the one form every
 * app reads from a QR code), the recovery codes that stand in for it (shown once, kept hashed, each usable once), and
 * the count of their passkeys. Codes are throttled like passwords ({@link #PER_ACCOUNT}, {@link #PER_ADDRESS}), a
 * code is accepted at most once, and every step is audited.
 */
@Service
public class SecondFactors {

    public static final int RECOVERY_CODE_COUNT = 10;
    public static final Duration WINDOW = LoginThrottle.WINDOW;
    public static final Duration BLOCK = LoginThrottle.BLOCK;

    static final ThrottleRule PER_ACCOUNT =
            new ThrottleRule("second-factor.account", LoginThrottle.PER_ACCOUNT_LIMIT, WINDOW, BLOCK);
    static final ThrottleRule PER_ADDRESS =
            new ThrottleRule("second-factor.address", LoginThrottle.PER_ADDRESS_LIMIT, WINDOW, BLOCK);

    static final int DIGITS = 6;
    static final int PERIOD_SECONDS = 30;
    /** A code of the step before or after the current one is accepted too (clocks drift, people type slowly). */
    static final int DRIFT_STEPS = 1;

    /** Which second factor a code was. */
    public enum Kind {
        TOTP,
        RECOVERY_CODE,
        EMAILED_CODE
    }

    /**
     * What a member has set up.
     *
     * @param totp whether an authenticator app is set up
     * @param passkeys how many passkeys they have
     * @param recoveryCodesLeft how many unused recovery codes they have
     */
    public record Status(boolean totp, int passkeys, int recoveryCodesLeft) {

        /** Whether they have a second factor at all (recovery codes alone are none: they stand in for TOTP). */
        public boolean any() {
            return totp || passkeys > 0;
        }
    }

    private final JdbcTemplate jdbc;
    private final Throttle throttle;
    private final AuditLog audit;
    private final Clock clock;
    private final SettingsStore settings;
    private final RoleSetSetting requiredRoles;
    private final String issuer;
    private final NewDevices newDevices;
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

    SecondFactors(
            JdbcTemplate jdbc,
            Throttle throttle,
            AuditLog audit,
            Clock clock,
            SettingsStore settings,
            RoleSetSetting secondFactorRequiredRoles,
            NewDevices newDevices,
            @Value("${masthead.site-name:Masthead}") String issuer) {
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.requiredRoles = secondFactorRequiredRoles;
        this.issuer = issuer;
        this.newDevices = newDevices;
    }

    /** Whether members of {@code role} must sign in with a second factor (the settings page, else the property). */
    @Transactional(readOnly = true)
    public boolean required(Role role) {
        return settings.get(requiredRoles).contains(role);
    }

    @Transactional(readOnly = true)
    public Status status(long accountId, String email) {
        boolean totp = jdbc.queryForObject(
                        "select count(*) from totp_authenticators where account_id = ?", Integer.class, accountId)
                > 0;
        int left = jdbc.queryForObject(
                "select count(*) from recovery_codes where account_id = ? and used_at is null",
                Integer.class,
                accountId);
        return new Status(totp, passkeyCount(email), left);
    }

    private int passkeyCount(String email) {
        return jdbc.queryForObject("""
                select count(*) from user_credentials c join user_entities e on e.id = c.user_entity_user_id
                where lower(e.name) = lower(?)""", Integer.class, email);
    }

    /**
     * One of a member's passkeys.
     *
     * @param credentialId its credential id (base64url), to remove it by
     * @param label the name the member gave it
     * @param created when it was added
     * @param lastUsed when it last signed in, or null
     */
    public record Passkey(String credentialId, String label, Instant created, Instant lastUsed) {}

    /** {@code email}'s passkeys, the newest first. */
    @Transactional(readOnly = true)
    public List<Passkey> passkeys(String email) {
        return jdbc.query(
                """
                select c.credential_id, c.label, c.created, c.last_used
                from user_credentials c join user_entities e on e.id = c.user_entity_user_id
                where lower(e.name) = lower(?) order by c.created desc""",
                (row, n) -> new Passkey(
                        row.getString(1),
                        row.getString(2),
                        row.getTimestamp(3) == null ? null : row.getTimestamp(3).toInstant(),
                        row.getTimestamp(4) == null ? null : row.getTimestamp(4).toInstant()),
                email);
    }

    /** Removes one of {@code me}'s own passkeys; false when they have none by that id. */
    @Transactional
    public boolean removePasskey(StaffUser me, String credentialId) {
        int removed = jdbc.update("""
                delete from user_credentials where credential_id = ? and user_entity_user_id in
                    (select id from user_entities where lower(name) = lower(?))""", credentialId, me.getEmail());
        if (removed > 0) {
            audit.record(me, "account.passkey-removed", subject(me.getAccountId(), me.getEmail()), "");
        }
        return removed > 0;
    }

    /** Keeps a member's passkeys theirs when their email (the name a passkey's user entity holds) changes. */
    @EventListener
    void emailChanged(AccountService.EmailChanged changed) {
        jdbc.update(
                "update user_entities set name = ? where lower(name) = lower(?)", changed.after(), changed.before());
    }

    /** Audits a passkey a member added (Spring Security's registration filter stores it). */
    @EventListener
    void passkeyAdded(PasskeyAdded added) {
        audit.recordSeparately(
                added.member(),
                "account.passkey-added",
                subject(added.member().getAccountId(), added.member().getEmail()),
                "\"" + added.label() + "\"");
    }

    /** A new random secret for an authenticator app (160 bits, Base32), not stored until a code confirms it. */
    @Transactional(readOnly = true)
    public String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** The QR code an authenticator app scans to take {@code secret}, as a PNG {@code data:} URI for an img. */
    @Transactional(readOnly = true)
    public String qrCode(String secret, String email) {
        QrData data = new QrData.Builder()
                .label(email)
                .secret(secret)
                .issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS)
                .period(PERIOD_SECONDS)
                .build();
        ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
        generator.setImageSize(240);
        try {
            return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
        } catch (QrGenerationException ex) {
            throw new IllegalStateException("Could not draw the QR code", ex);
        }
    }

    /**
     * Sets up the authenticator app holding {@code secret} once {@code code} shows it works, replacing any earlier
     * one; answers the new recovery codes, to be shown once.
     */
    @Transactional
    public List<String> enableTotp(StaffUser me, String secret, String code) {
        long step = matchingStep(secret, code).orElseThrow(WrongCodeException::new);
        jdbc.update("""
                insert into totp_authenticators (account_id, secret, last_used_step, created_at) values (?, ?, ?, ?)
                on conflict (account_id) do update
                    set secret = excluded.secret, last_used_step = excluded.last_used_step,
                        created_at = excluded.created_at""", me.getAccountId(), secret, step, Timestamp.from(clock.instant()));
        audit.record(me, "account.totp-enabled", subject(me.getAccountId(), me.getEmail()), "");
        return replaceRecoveryCodes(me.getAccountId(), me, me.getEmail());
    }

    /** New recovery codes for {@code me} (the old ones stop working), to be shown once. */
    @Transactional
    public List<String> newRecoveryCodes(StaffUser me) {
        return replaceRecoveryCodes(me.getAccountId(), me, me.getEmail());
    }

    private List<String> replaceRecoveryCodes(long accountId, Actor by, String email) {
        String[] fresh = new RecoveryCodeGenerator().generateCodes(RECOVERY_CODE_COUNT);
        jdbc.update("delete from recovery_codes where account_id = ?", accountId);
        Timestamp now = Timestamp.from(clock.instant());
        for (String code : fresh) {
            jdbc.update(
                    "insert into recovery_codes (account_id, code_hash, created_at) values (?, ?, ?)",
                    accountId,
                    SecretToken.hashOf(normalisedRecoveryCode(code)),
                    now);
        }
        audit.record(by, "account.recovery-codes-created", subject(accountId, email), fresh.length + " codes");
        return List.of(fresh);
    }

    /**
     * Checks a code {@code me} typed while signing in: six digits are an authenticator code, anything else a
     * recovery code. Throttled per account and address; each code is accepted once. Runs without a transaction of
     * its own, so a failure is counted even though it throws.
     *
     * @throws CodeThrottledException when too many wrong codes came from this address
     * @throws WrongCodeException when the code is wrong or was used already
     */
    public Kind verify(StaffUser me, String typed, String remoteAddr) {
        return verify(me, typed, remoteAddr, false);
    }

    /** Like {@link #verify(StaffUser, String, String)}, for the code e-mailed for a new device when {@code emailed}. */
    public Kind verify(StaffUser me, String typed, String remoteAddr, boolean emailed) {
        String accountKey = remoteAddr + " #" + me.getAccountId();
        Optional<Instant> blocked = blockedUntil(accountKey, remoteAddr);
        String subject = subject(me.getAccountId(), me.getEmail());
        if (blocked.isPresent()) {
            audit.recordSeparately(me, "account.second-factor-throttled", subject, "refused until " + blocked.get());
            throw new CodeThrottledException(blocked.get());
        }
        String code = typed == null ? "" : typed.strip().replace(" ", "");
        Optional<Kind> accepted = emailed
                ? Optional.of(Kind.EMAILED_CODE).filter(k -> newDevices.takeCode(me.getAccountId(), code))
                : code.matches("\\d{" + DIGITS + "}")
                        ? acceptTotp(me.getAccountId(), code)
                        : acceptRecoveryCode(me.getAccountId(), code);
        if (accepted.isEmpty()) {
            throttle.record(PER_ACCOUNT, accountKey);
            throttle.record(PER_ADDRESS, remoteAddr);
            audit.recordSeparately(me, "account.second-factor-failed", subject, "wrong or used code");
            throw new WrongCodeException();
        }
        throttle.forget(PER_ACCOUNT, accountKey);
        audit.recordSeparately(
                me,
                "account.second-factor",
                subject,
                switch (accepted.get()) {
                    case TOTP -> "authenticator code";
                    case EMAILED_CODE -> "e-mailed code (new device)";
                    case RECOVERY_CODE -> "recovery code (" + recoveryCodesLeft(me.getAccountId()) + " left)";
                });
        return accepted.get();
    }

    private Optional<Instant> blockedUntil(String accountKey, String remoteAddr) {
        Optional<Instant> byAccount = throttle.blockedUntil(PER_ACCOUNT, accountKey);
        Optional<Instant> byAddress = throttle.blockedUntil(PER_ADDRESS, remoteAddr);
        if (byAccount.isPresent() && byAddress.isPresent()) {
            return byAccount.get().isAfter(byAddress.get()) ? byAccount : byAddress;
        }
        return byAccount.isPresent() ? byAccount : byAddress;
    }

    private Optional<Kind> acceptTotp(long accountId, String code) {
        List<String> secrets = jdbc.queryForList(
                "select secret from totp_authenticators where account_id = ?", String.class, accountId);
        if (secrets.isEmpty()) {
            return Optional.empty();
        }
        return matchingStep(secrets.get(0), code)
                .filter(step -> jdbc.update(
                                "update totp_authenticators set last_used_step = ? "
                                        + "where account_id = ? and last_used_step < ?",
                                step,
                                accountId,
                                step)
                        == 1)
                .map(step -> Kind.TOTP);
    }

    private Optional<Kind> acceptRecoveryCode(long accountId, String code) {
        String normalised = normalisedRecoveryCode(code);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        int used = jdbc.update(
                "update recovery_codes set used_at = ? where account_id = ? and code_hash = ? and used_at is null",
                Timestamp.from(clock.instant()),
                accountId,
                SecretToken.hashOf(normalised));
        return used == 1 ? Optional.of(Kind.RECOVERY_CODE) : Optional.empty();
    }

    private int recoveryCodesLeft(long accountId) {
        return jdbc.queryForObject(
                "select count(*) from recovery_codes where account_id = ? and used_at is null",
                Integer.class,
                accountId);
    }

    /** The 30-second step, around now, whose code {@code code} is for {@code secret}. */
    private Optional<Long> matchingStep(String secret, String code) {
        if (code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
            return Optional.empty();
        }
        byte[] typed = code.strip().getBytes(StandardCharsets.US_ASCII);
        long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
        Optional<Long> match = Optional.empty();
        for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
            try {
                byte[] expected = codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII);
                if (MessageDigest.isEqual(expected, typed) && match.isEmpty()) {
                    match = Optional.of(step);
                }
            } catch (CodeGenerationException ex) {
                throw new IllegalStateException("Could not compute a code", ex);
            }
        }
        return match;
    }

    /** Removes {@code me}'s authenticator app and recovery codes. */
    @Transactional
    public void disableTotp(StaffUser me) {
        jdbc.update("delete from totp_authenticators where account_id = ?", me.getAccountId());
        jdbc.update("delete from recovery_codes where account_id = ?", me.getAccountId());
        audit.record(me, "account.totp-removed", subject(me.getAccountId(), me.getEmail()), "");
    }

    /**
     * Removes every second factor of an account (authenticator app, recovery codes, passkeys): an admin's help for
     * a member who lost their phone and keys, or start-up recovery. Only admins, or the application itself.
     */
    @Transactional
    public void removeAll(Actor by, long accountId, String email) {
        NotAllowedException.require(
                by.hasAtLeast(Role.ADMIN) || by instanceof Actor.System, by, "account.second-factors-removed");
        int totp = jdbc.update("delete from totp_authenticators where account_id = ?", accountId);
        jdbc.update("delete from recovery_codes where account_id = ?", accountId);
        int passkeys = jdbc.update("""
                delete from user_credentials where user_entity_user_id in
                    (select id from user_entities where lower(name) = lower(?))""", email);
        audit.record(
                by,
                "account.second-factors-removed",
                subject(accountId, email),
                (totp > 0 ? "authenticator app, " : "") + passkeys + " passkey(s)");
    }

    /** Recovery codes are compared without case, spaces or dashes, so a code typed as printed always matches. */
    static String normalisedRecoveryCode(String code) {
        return code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String subject(long accountId, String email) {
        return "account #" + accountId + " " + email;
    }
}
