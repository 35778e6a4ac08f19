package org.masthead.archive;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Where an imported archive's old address now is ({@code legacy_paths}, written by the import). */
@Service
public class LegacyRedirects {

    private final JdbcClient jdbc;

    LegacyRedirects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current path for a request's raw path and query, if it was an address of an imported archive. */
    public Optional<String> target(String rawPath, String rawQuery) {
        Optional<String> key = LegacyPaths.key(rawPath, rawQuery);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select target from legacy_paths where path = :path")
                .param("path", key.get())
                .query(String.class)
                .optional();
    }
}
