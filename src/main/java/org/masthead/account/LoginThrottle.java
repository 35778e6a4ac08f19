package org.masthead.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.masthead.throttle.Throttle;
import org.masthead.throttle.ThrottleRule;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in throttling, with the application's one {@link Throttle}. After {@value #PER_ACCOUNT_LIMIT} failures for
 * one email from one address, or {@value #PER_ADDRESS_LIMIT} from one address, within {@link #WINDOW}, further
 * attempts from that address (for that email, or for any) are refused for {@link #BLOCK} after the failure that
 * reached the limit. Refused attempts are not counted, so a block ends on time. Unknown emails are counted exactly
 * like known ones, and an attacker elsewhere cannot lock a known editor out: the counts are per client address.
 */
@Component
public class LoginThrottle {

    public static final int PER_ACCOUNT_LIMIT = 5;
    public static final int PER_ADDRESS_LIMIT = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration BLOCK = Duration.ofMinutes(15);

    static final ThrottleRule PER_ACCOUNT = new ThrottleRule("login.account", PER_ACCOUNT_LIMIT, WINDOW, BLOCK);
    static final ThrottleRule PER_ADDRESS = new ThrottleRule("login.address", PER_ADDRESS_LIMIT, WINDOW, BLOCK);

    private final Throttle throttle;

    public LoginThrottle(Throttle throttle) {
        this.throttle = throttle;
    }

    /** When sign-in for {@code email} from {@code remoteAddr} is refused, until when; empty when it is allowed. */
    @Transactional(readOnly = true)
    public Optional<Instant> blockedUntil(String email, String remoteAddr) {
        Optional<Instant> byAccount = throttle.blockedUntil(PER_ACCOUNT, accountKey(email, remoteAddr));
        Optional<Instant> byAddress = throttle.blockedUntil(PER_ADDRESS, remoteAddr);
        if (byAccount.isEmpty()) {
            return byAddress;
        }
        if (byAddress.isEmpty()) {
            return byAccount;
        }
        return byAccount.get().isAfter(byAddress.get()) ? byAccount : byAddress;
    }

    /** Counts a failed attempt, and forgets failures too old to matter. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String email, String remoteAddr) {
        throttle.record(PER_ACCOUNT, accountKey(email, remoteAddr));
        throttle.record(PER_ADDRESS, remoteAddr);
    }

    /** After a successful sign-in, that email's earlier failures from that address are forgotten. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String email, String remoteAddr) {
        throttle.forget(PER_ACCOUNT, accountKey(email, remoteAddr));
    }

    private static String accountKey(String email, String remoteAddr) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return remoteAddr + " " + normalised;
    }
}
