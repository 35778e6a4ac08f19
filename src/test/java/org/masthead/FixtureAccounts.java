package org.masthead;

import java.time.Instant;
import java.util.List;

import org.masthead.security.StaffUser;
import org.masthead.testing.TestData;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The staff members that tests act as ({@link TestData}) (with fixed ids, for MockMvc's {@code with(user(...))}) exist as real
 * accounts, so what they create satisfies the foreign keys to {@code accounts}.
 */
@Component
class FixtureAccounts implements ApplicationRunner {

    private final JdbcTemplate jdbc;

    FixtureAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<StaffUser> staff = List.of(
                TestData.CONTRIBUTOR,
                TestData.OTHER_CONTRIBUTOR,
                TestData.EDITOR,
                TestData.ADMIN,
                TestData.FIXTURE_EDITOR);
        for (StaffUser member : staff) {
            jdbc.update(
                    """
                    insert into accounts (id, email, display_name, role, password_hash, enabled, created_at, updated_at)
                    overriding system value values (?, ?, ?, ?, null, true, ?, ?)
                    on conflict do nothing""",
                    member.getAccountId(),
                    member.getEmail(),
                    member.getDisplayName(),
                    member.getRole().name(),
                    java.sql.Timestamp.from(Instant.now()),
                    java.sql.Timestamp.from(Instant.now()));
        }
    }
}
