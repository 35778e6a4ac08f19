package org.masthead.archive.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.masthead.security.SecretToken;
import org.springframework.stereotype.Component;

/**
 * Uploaded exports that passed the dry run, kept on disk for an hour under an unguessable token (a {@code SecretToken}) until the admin
 * imports them; at most {@link #MAX} at once (the oldest file is deleted first).
 */
@Component
class PendingImports {

    static final int MAX = 5;
    static final Duration KEPT = Duration.ofHours(1);

    private record Pending(Path file, Instant until) {}

    private final Map<String, Pending> files = new LinkedHashMap<>();
    private final Clock clock;

    PendingImports(Clock clock) {
        this.clock = clock;
    }

    synchronized String keep(Path file) {
        expire();
        while (files.size() >= MAX) {
            String oldest = files.keySet().iterator().next();
            delete(files.remove(oldest).file());
        }
        String token = SecretToken.generate().value();
        files.put(token, new Pending(file, clock.instant().plus(KEPT)));
        return token;
    }

    /** The file kept under this token, which is then forgotten (the caller deletes the file). */
    synchronized Optional<Path> take(String token) {
        expire();
        return Optional.ofNullable(files.remove(token)).map(Pending::file);
    }

    private void expire() {
        Instant now = clock.instant();
        files.values().removeIf(pending -> {
            if (pending.until().isBefore(now)) {
                delete(pending.file());
                return true;
            }
            return false;
        });
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ex) {
            // a temporary file; the system's clean-up removes it
        }
    }
}
