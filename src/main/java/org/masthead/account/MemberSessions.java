package org.masthead.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.masthead.audit.AuditLog;
import org.masthead.security.SecretToken;
import org.masthead.security.SignInSteps;
import org.masthead.security.StaffUser;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's own open sessions (Spring Session JDBC, found by their email), to see and to end. A session is named
 * on the page by the SHA-256 of its id, never by the id itself (which is what its cookie carries). The place of a
 * session is not shown: that needs a GeoIP database, and none ships.
 */
@Service
public class MemberSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AuditLog audit;

    MemberSessions(FindByIndexNameSessionRepository<? extends Session> sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /**
     * One open session.
     *
     * @param key the SHA-256 of its id, to end it by
     * @param device the browser and system it was signed in from, from its User-Agent
     * @param signedInAt when it started
     * @param lastSeen when it was last used
     * @param current whether it is the session asking
     */
    public record OpenSession(String key, String device, Instant signedInAt, Instant lastSeen, boolean current) {}

    /** {@code me}'s open sessions, the most recently used first. */
    @Transactional(readOnly = true)
    public List<OpenSession> of(StaffUser me, String currentSessionId) {
        return own(me).entrySet().stream()
                .map(e -> new OpenSession(
                        SecretToken.hashOf(e.getKey()),
                        Devices.describe(e.getValue().getAttribute(SignInSteps.USER_AGENT)),
                        e.getValue().getCreationTime(),
                        e.getValue().getLastAccessedTime(),
                        e.getKey().equals(currentSessionId)))
                .sorted(Comparator.comparing(OpenSession::lastSeen).reversed())
                .toList();
    }

    /** Ends {@code me}'s session named by {@code key}; false when they have no such session. */
    public boolean end(StaffUser me, String key) {
        Optional<String> id = own(me).keySet().stream()
                .filter(sessionId -> SecretToken.hashOf(sessionId).equals(key))
                .findFirst();
        id.ifPresent(sessionId -> {
            sessions.deleteById(sessionId);
            audit.recordSeparately(
                    me,
                    "account.session-ended",
                    "account #" + me.getAccountId() + " " + me.getEmail(),
                    "session " + key.substring(0, 12));
        });
        return id.isPresent();
    }

    private Map<String, ? extends Session> own(StaffUser me) {
        return sessions.findByPrincipalName(me.getEmail());
    }

    /** A short name for a browser from its User-Agent: "Firefox on Windows", or the first words of it. */
    static final class Devices {

        private Devices() {}

        static String describe(Object userAgent) {
            if (!(userAgent instanceof String ua) || ua.isBlank()) {
                return "Unknown device";
            }
            String browser = ua.contains("Edg/")
                    ? "Edge"
                    : ua.contains("Firefox/")
                            ? "Firefox"
                            : ua.contains("Chrome/") || ua.contains("Chromium/")
                                    ? "Chrome"
                                    : ua.contains("Safari/") ? "Safari" : null;
            String system = ua.contains("Windows")
                    ? "Windows"
                    : ua.contains("iPhone") || ua.contains("iPad")
                            ? "iOS"
                            : ua.contains("Android")
                                    ? "Android"
                                    : ua.contains("Mac OS X")
                                            ? "macOS"
                                            : ua.contains("CrOS") ? "ChromeOS" : ua.contains("Linux") ? "Linux" : null;
            if (browser == null) {
                return ua.length() > 60 ? ua.substring(0, 60) + "…" : ua;
            }
            return system == null ? browser : browser + " on " + system;
        }
    }
}
