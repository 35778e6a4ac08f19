package org.masthead.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.masthead.audit.AuditLog;
import org.masthead.security.SecretToken;
import org.masthead.security.SignInCompletion;
import org.masthead.security.StaffUser;
import org.masthead.settings.BooleanSetting;
import org.masthead.settings.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * New devices. A completed sign-in leaves a long-lived cookie ({@value #COOKIE}, {@link #LIFETIME}) whose token is
 * kept hashed in {@code known_devices}; a sign-in without a valid one is from a new device. With the new-device check
 * on (the setting {@code masthead.security.new-device-check}), a sign-in from a new device is e-mailed to the member,
 * and an account with neither an authenticator app nor a passkey must first type a code e-mailed to it
 * ({@link #CODE_LIFETIME}, single use, throttled like the other codes). Part of signing in (the sign-in steps and
 * success handlers call it, as Spring Security's own handlers do their work), not a use case of its own.
 */
@Component
public class NewDevices implements SignInCompletion {

    public static final String COOKIE = "masthead-device";
    public static final Duration LIFETIME = Duration.ofDays(180);
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(NewDevices.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SettingsStore settings;
    private final BooleanSetting check;
    private final ObjectProvider<JavaMailSender> mail;
    private final AuditLog audit;
    private final String from;
    private final String siteName;

    NewDevices(
            JdbcTemplate jdbc,
            Clock clock,
            SettingsStore settings,
            BooleanSetting newDeviceCheck,
            ObjectProvider<JavaMailSender> mail,
            AuditLog audit,
            SignInSecurityProperties security,
            @Value("${masthead.newsletter.from:masthead@localhost}") String newsletterFrom,
            @Value("${masthead.site-name:Masthead}") String siteName) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.check = newDeviceCheck;
        this.mail = mail;
        this.audit = audit;
        this.from = security.mailFrom() != null ? security.mailFrom() : newsletterFrom;
        this.siteName = siteName;
    }

    /** Whether new devices are checked (the setting, else its property, else on without demo content). */
    public boolean enabled() {
        return settings.get(check);
    }

    /** Whether the request carries the cookie of a device {@code accountId} signed in from before. */
    public boolean known(long accountId, HttpServletRequest request) {
        String token = cookie(request);
        return token != null
                && !jdbc.queryForList(
                                "select 1 from known_devices where token_hash = ? and account_id = ? and last_used_at > ?",
                                Integer.class,
                                SecretToken.hashOf(token),
                                accountId,
                                Timestamp.from(clock.instant().minus(LIFETIME)))
                        .isEmpty();
    }

    /** E-mails {@code member} a new six-digit code for this sign-in (the one before stops working). */
    public void sendCode(StaffUser member) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        jdbc.update(
                """
                insert into sign_in_codes (account_id, code_hash, expires_at) values (?, ?, ?)
                on conflict (account_id) do update set code_hash = excluded.code_hash, expires_at = excluded.expires_at""",
                member.getAccountId(),
                codeHash(member.getAccountId(), code),
                Timestamp.from(clock.instant().plus(CODE_LIFETIME)));
        send(
                member.getEmail(),
                "Your sign-in code for " + siteName + ": " + code,
                "Someone (we hope you) is signing in to " + siteName + " as " + member.getEmail()
                        + " from a new device.\n\nYour code: " + code + "\n\nIt works once, for "
                        + CODE_LIFETIME.toMinutes() + " minutes. If it was not you, do not share it: change your "
                        + "password, and tell an admin.\n");
        audit.recordSeparately(member, "account.sign-in-code-sent", subject(member), "new device");
    }

    /** Takes the e-mailed code if it is {@code member}'s current one; each code is taken once. */
    boolean takeCode(long accountId, String code) {
        return !jdbc.queryForList(
                        "delete from sign_in_codes where account_id = ? and code_hash = ? and expires_at > ? returning 1",
                        Integer.class,
                        accountId,
                        codeHash(accountId, code),
                        Timestamp.from(clock.instant()))
                .isEmpty();
    }

    /**
     * A sign-in is complete: a known device's cookie is renewed; a new device gets one, and the member an e-mail
     * saying so (when the check is on).
     */
    @Override
    public void completed(StaffUser member, HttpServletRequest request, HttpServletResponse response) {
        Instant now = clock.instant();
        String token = cookie(request);
        if (token != null && known(member.getAccountId(), request)) {
            jdbc.update(
                    "update known_devices set last_used_at = ? where token_hash = ?",
                    Timestamp.from(now),
                    SecretToken.hashOf(token));
            return;
        }
        String fresh = SecretToken.generate().value();
        String userAgent = request.getHeader("User-Agent") == null ? "" : request.getHeader("User-Agent");
        jdbc.update(
                "insert into known_devices (token_hash, account_id, user_agent, created_at, last_used_at) "
                        + "values (?, ?, ?, ?, ?)",
                SecretToken.hashOf(fresh),
                member.getAccountId(),
                userAgent.length() > 300 ? userAgent.substring(0, 300) : userAgent,
                Timestamp.from(now),
                Timestamp.from(now));
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(COOKIE, fresh)
                        .httpOnly(true)
                        .secure(request.isSecure())
                        .sameSite("Lax")
                        .path("/")
                        .maxAge(LIFETIME)
                        .build()
                        .toString());
        if (enabled()) {
            String device = MemberSessions.Devices.describe(userAgent);
            send(
                    member.getEmail(),
                    "New sign-in to " + siteName,
                    "You signed in to " + siteName + " as " + member.getEmail() + " from a new device: " + device
                            + ", address " + request.getRemoteAddr() + ", at " + now + " (UTC).\n\nIf it was not you, "
                            + "end that session under Sign-in security, change your password and tell an admin.\n");
            audit.recordSeparately(member, "account.new-device", subject(member), device);
        }
    }

    private void send(String to, String subject, String text) {
        JavaMailSender smtp = mail.getIfAvailable();
        if (smtp == null) {
            log.info(
                    "No SMTP server configured (spring.mail.host): not sent.\nTo: {}\nSubject: {}\n\n{}",
                    to,
                    subject,
                    text);
            return;
        }
        try {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, false);
            smtp.send(message);
        } catch (MessagingException | MailException ex) {
            log.error("Could not send the e-mail \"{}\" to a staff member: {}", subject, ex.getMessage());
        }
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (c.getName().equals(COOKIE)
                    && c.getValue() != null
                    && c.getValue().length() <= SecretToken.MAX_LENGTH) {
                return c.getValue();
            }
        }
        return null;
    }

    private static String codeHash(long accountId, String code) {
        return SecretToken.hashOf(accountId + ":" + (code == null ? "" : code.strip()));
    }

    private static String subject(StaffUser member) {
        return "account #" + member.getAccountId() + " " + member.getEmail();
    }
}
