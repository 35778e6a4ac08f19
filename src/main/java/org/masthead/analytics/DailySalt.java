package org.masthead.analytics;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The day's random salt, the same on every node (kept in {@code analytics_day_salts} for that day only, and in
 * memory): a visitor of a page is the salted hash of the day, their address, their browser's agent and the page,
 * so the same reader is one visitor of a page within a day and cannot be recognised the next. Once the day's salt is
 * deleted, no hash of that day can be made again.
 */
@Component
class DailySalt {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private volatile Salt current;

    DailySalt(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The visitor of {@code page} on {@code day}: 16 bytes of a SHA-256 over the salt, address, agent and page. */
    String visitor(LocalDate day, String address, String userAgent, String page) {
        byte[] salt = saltOf(day);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            for (String part : new String[] {address, userAgent, page}) {
                byte[] bytes = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private byte[] saltOf(LocalDate day) {
        Salt salt = current;
        if (salt != null && salt.day.equals(day)) {
            return salt.bytes;
        }
        synchronized (this) {
            salt = current;
            if (salt == null || !salt.day.equals(day)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                jdbc.sql("insert into analytics_day_salts (day, salt) values (:day, :salt) on conflict do nothing")
                        .param("day", day)
                        .param("salt", fresh)
                        .update();
                byte[] stored = jdbc.sql("select salt from analytics_day_salts where day = :day")
                        .param("day", day)
                        .query(byte[].class)
                        .single();
                salt = new Salt(day, stored);
                current = salt;
            }
            return salt.bytes;
        }
    }

    /** Forgets the salts of the days before {@code today}, in memory and in the database. */
    void forgetBefore(LocalDate today) {
        jdbc.sql("delete from analytics_day_salts where day < :today")
                .param("today", today)
                .update();
        Salt salt = current;
        if (salt != null && salt.day.isBefore(today)) {
            synchronized (this) {
                if (current == salt) {
                    current = null;
                }
            }
        }
    }

    private record Salt(LocalDate day, byte[] bytes) {}
}
