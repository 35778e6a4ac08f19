package org.masthead.audit.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Admins browse and filter the audit log; nobody else sees it. */
@IntegrationTest
class AuditAdminControllerTests {

    private static final StaffUser ADMIN =
            new StaffUser(-1, "audit-admin@test.example.org", "Admin", Role.ADMIN, "{noop}x", true);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    String actor;

    @BeforeEach
    void events() {
        actor = "auditor-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example.org";
        insert("2031-05-01T10:00:00Z", "article.publish", "article #1 first-piece");
        insert("2031-05-02T10:00:00Z", "article.archive", "article #1 first-piece");
        insert("2031-05-03T22:30:00Z", "article.publish", "article #2 second-piece"); // 23:30 in London
        for (int i = 0; i < 55; i++) {
            insert("2031-06-01T10:00:00Z", "topic.rename", "topic #" + i + " bulk-" + i);
        }
    }

    private void insert(String at, String action, String subject) {
        jdbc.update(
                "insert into audit_events (occurred_at, actor, action, subject, detail, remote_addr) values (?, ?, ?, ?, '', '192.0.2.1')",
                Timestamp.from(Instant.parse(at)),
                actor,
                action,
                subject);
    }

    @Test
    void onlyAdminsSeeTheLog() throws Exception {
        for (Role role : new Role[] {Role.CONTRIBUTOR, Role.EDITOR}) {
            mvc.perform(get("/admin/audit")
                            .with(user(new StaffUser(-2, "x@test.example.org", "X", role, "{noop}x", true))))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/audit").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"audit-filter\"")));
    }

    @Test
    void filtersByActorActionAndDays() throws Exception {
        mvc.perform(get("/admin/audit")
                        .with(user(ADMIN))
                        .param("actor", actor.substring(0, 16).toUpperCase())
                        .param("action", "article.publish"))
                .andExpect(content().string(containsString("first-piece")))
                .andExpect(content().string(containsString("second-piece")))
                .andExpect(content().string(containsString("2 events")))
                .andExpect(content().string(not(containsString("bulk-"))));

        // Days are the journal's (Europe/London): 3 May 22:30 UTC is still 3 May there, and "to" is included.
        mvc.perform(get("/admin/audit")
                        .with(user(ADMIN))
                        .param("actor", actor)
                        .param("from", "2031-05-02")
                        .param("to", "2031-05-03"))
                .andExpect(content().string(containsString("2 events")))
                .andExpect(content().string(containsString("second-piece")))
                .andExpect(content().string(containsString("article.archive")));
    }

    @Test
    void pagesFiftyAtATimeKeepingTheFilters() throws Exception {
        mvc.perform(get("/admin/audit").with(user(ADMIN)).param("actor", actor))
                .andExpect(content().string(containsString("58 events")))
                .andExpect(content().string(containsString("id=\"audit-older\"")))
                .andExpect(content().string(containsString("page=2")))
                .andExpect(content().string(containsString("actor=" + actor)));
        mvc.perform(get("/admin/audit").with(user(ADMIN)).param("actor", actor).param("page", "2"))
                .andExpect(content().string(containsString("first-piece")))
                .andExpect(content().string(containsString("id=\"audit-newer\"")))
                .andExpect(content().string(not(containsString("id=\"audit-older\""))));
    }

    @Test
    void badDatesAndPagesAreClearMessagesNotErrors() throws Exception {
        mvc.perform(get("/admin/audit").with(user(ADMIN)).param("from", "yesterday"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a day as YYYY-MM-DD.")));
        mvc.perform(get("/admin/audit")
                        .with(user(ADMIN))
                        .param("from", "2031-05-03")
                        .param("to", "2031-05-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The end day is before the start day.")));
        mvc.perform(get("/admin/audit").with(user(ADMIN)).param("page", "x")).andExpect(status().isBadRequest());
    }
}
