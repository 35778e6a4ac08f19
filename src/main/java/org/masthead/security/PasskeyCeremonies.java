package org.masthead.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * A passkey ceremony's options (with its challenge) between its two requests, kept without an HTTP session: in
 * {@code webauthn_ceremonies} under the SHA-256 of a random id that only a short-lived, HttpOnly, SameSite=Strict
 * cookie holds. Each is read once (the row is deleted as it is read) and lives {@link #LIFETIME} at most, so a
 * challenge is never answered twice; rows of abandoned ceremonies are deleted as new ones start.
 */
final class PasskeyCeremonies {

    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PasskeyCeremonies(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Sign-in ceremonies (anyone, on the sign-in page). */
    PublicKeyCredentialRequestOptionsRepository requests() {
        return new PublicKeyCredentialRequestOptionsRepository() {
            @Override
            public void save(
                    HttpServletRequest request,
                    HttpServletResponse response,
                    PublicKeyCredentialRequestOptions options) {
                store("request", "masthead-passkey-sign-in", options, request, response);
            }

            @Override
            public PublicKeyCredentialRequestOptions load(HttpServletRequest request) {
                return take("request", "masthead-passkey-sign-in", PublicKeyCredentialRequestOptions.class, request);
            }
        };
    }

    /** Registration ceremonies (a signed-in member adding a passkey). */
    PublicKeyCredentialCreationOptionsRepository creations() {
        return new PublicKeyCredentialCreationOptionsRepository() {
            @Override
            public void save(
                    HttpServletRequest request,
                    HttpServletResponse response,
                    PublicKeyCredentialCreationOptions options) {
                store("create", "masthead-passkey-new", options, request, response);
            }

            @Override
            public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
                return take("create", "masthead-passkey-new", PublicKeyCredentialCreationOptions.class, request);
            }
        };
    }

    private void store(
            String kind,
            String cookie,
            Serializable options,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (options == null) {
            String id = cookieValue(request, cookie);
            if (id != null) {
                jdbc.update("delete from webauthn_ceremonies where id_hash = ?", SecretToken.hashOf(id));
            }
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("delete from webauthn_ceremonies where expires_at < ?", now);
        String id = SecretToken.generate().value();
        jdbc.update(
                "insert into webauthn_ceremonies (id_hash, kind, options, expires_at) values (?, ?, ?, ?)",
                SecretToken.hashOf(id),
                kind,
                serialise(options),
                Timestamp.from(clock.instant().plus(LIFETIME)));
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(cookie, id)
                        .httpOnly(true)
                        .secure(request.isSecure())
                        .sameSite("Strict")
                        .path("/")
                        .maxAge(LIFETIME)
                        .build()
                        .toString());
    }

    private <T> T take(String kind, String cookie, Class<T> type, HttpServletRequest request) {
        String id = cookieValue(request, cookie);
        if (id == null) {
            return null;
        }
        List<byte[]> found = jdbc.queryForList(
                "delete from webauthn_ceremonies where id_hash = ? and kind = ? and expires_at > ? returning options",
                byte[].class,
                SecretToken.hashOf(id),
                kind,
                Timestamp.from(clock.instant()));
        return found.isEmpty() ? null : deserialise(found.get(0), type);
    }

    private static String cookieValue(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (c.getName().equals(name) && c.getValue() != null && c.getValue().length() <= SecretToken.MAX_LENGTH) {
                return c.getValue();
            }
        }
        return null;
    }

    private static byte[] serialise(Serializable options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(options);
        } catch (IOException ex) {
            throw new IllegalStateException("Could not keep the passkey ceremony", ex);
        }
        return bytes.toByteArray();
    }

    /** Only the options' own classes are read back (the bytes are ours, but a database row is no place to trust). */
    private static <T> T deserialise(byte[] bytes, Class<T> type) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter(
                    "maxdepth=20;maxbytes=65536;org.springframework.security.web.webauthn.api.*;java.base/*;!*"));
            return type.cast(in.readObject());
        } catch (IOException | ClassNotFoundException ex) {
            return null;
        }
    }
}
