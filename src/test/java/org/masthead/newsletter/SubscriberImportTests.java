package org.masthead.newsletter;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.TestContent;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Subscriber import from Mailchimp, Substack and Ghost exports (files shaped as those platforms write them, in
 * three encodings), with a dry run first: consent dates and the source kept, duplicates and invalid addresses
 * reported, and no address that unsubscribed or was suppressed here subscribed again.
 */
@IntegrationTest
class SubscriberImportTests {

    static final StaffUser ADMIN =
            new StaffUser(9701, "import-admin@example.org", "Import Admin", Role.ADMIN, "{noop}x", true);
    static final StaffUser EDITOR =
            new StaffUser(9702, "import-editor@example.org", "Import Editor", Role.EDITOR, "{noop}x", true);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static String address(String who) {
        return who + "-" + TestContent.unique("imp") + "@example.org";
    }

    void existing(String email, String status, boolean suppressed) {
        jdbc.sql("""
                        insert into subscribers (email, status, consented_at, confirmed_at, unsubscribed_at, created_at,
                                                 updated_at, suppressed_at)
                        values (:email, :status, now(), now(), case when :status = 'UNSUBSCRIBED' then now() end,
                                now(), now(), case when :suppressed then now() end)""")
                .param("email", email)
                .param("status", status)
                .param("suppressed", suppressed)
                .update();
    }

    String upload(String name, byte[] bytes, boolean dryRun) throws Exception {
        var request = multipart("/admin/subscribers/import")
                .file(new MockMultipartFile("file", name, "text/csv", bytes))
                .with(user(ADMIN))
                .with(csrf());
        if (dryRun) {
            request.param("dryRun", "true");
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    long count(String email) {
        return jdbc.sql("select count(*) from subscribers where email = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    String status(String email) {
        return jdbc.sql("select status from subscribers where email = :email")
                .param("email", email)
                .query(String.class)
                .single();
    }

    @Test
    void aMailchimpExportInWindows1252IsImportedAfterADryRunKeepingConsentAndNeverResubscribing() throws Exception {
        String fresh = address("fresh");
        String noDate = address("nodate");
        String unsubscribedHere = address("unsub-here");
        String suppressedHere = address("suppressed-here");
        String subscribed = address("already");
        existing(unsubscribedHere, "UNSUBSCRIBED", false);
        existing(suppressedHere, "CONFIRMED", true);
        existing(subscribed, "CONFIRMED", false);
        String csv = "Email Address,First Name,Last Name,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,"
                + "LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,LAST_CHANGED,LEID,EUID,NOTES,TAGS\r\n"
                + fresh + ",José,Müller,2,2021-03-04 10:11:12,203.0.113.9,2021-03-04 10:15:00,203.0.113.9,,,,,,,,"
                + "2021-03-04 10:15:00,12345,abc,,\r\n"
                + fresh.toUpperCase() + ",José,Müller,2,,,,,,,,,,,,,1,a,,\r\n"
                + "not-an-address,Nobody,,1,,,,,,,,,,,,,2,b,,\r\n"
                + unsubscribedHere + ",Ann,,2,2020-01-01 00:00:00,,2020-01-01 00:00:00,,,,,,,,,,3,c,,\r\n"
                + suppressedHere + ",Bea,,2,2020-01-01 00:00:00,,2020-01-01 00:00:00,,,,,,,,,,4,d,,\r\n"
                + subscribed + ",Cy,,2,2020-01-01 00:00:00,,2020-01-01 00:00:00,,,,,,,,,,5,e,,\r\n"
                + noDate + ",\"Dee, Jr.\",,2,,,,,,,,,,,,,6,f,,\r\n";
        byte[] bytes = csv.getBytes(Charset.forName("windows-1252"));

        String dry = upload("members_export.csv", bytes, true);
        assertThat(dry)
                .contains("Dry run: nothing was changed")
                .contains("7 rows read (mailchimp export, windows-1252); 2 new subscribers.")
                .contains("Twice in the file", "Not a valid e-mail address", "not-an-address")
                .contains("Unsubscribed here: not subscribed again")
                .contains("Suppressed here (bounces or a complaint): not subscribed again")
                .contains("Already a subscriber here");
        assertThat(count(fresh)).as("a dry run writes nothing").isZero();
        assertThat(count(noDate)).isZero();

        String done = upload("members_export.csv", bytes, false);
        assertThat(done).contains("7 rows read (mailchimp export, windows-1252); 2 new subscribers.");
        assertThat(done).contains("1 of them had no consent date");
        record Row(String status, String source, Instant consented, Instant confirmed, String ip) {}
        Row row = jdbc.sql("select status, source, consented_at, confirmed_at, consent_ip from subscribers"
                        + " where email = :email")
                .param("email", fresh)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)))
                .single();
        assertThat(row.status()).isEqualTo("CONFIRMED");
        assertThat(row.source()).isEqualTo("import:mailchimp");
        assertThat(row.consented()).isEqualTo(Instant.parse("2021-03-04T10:11:12Z"));
        assertThat(row.confirmed()).isEqualTo(Instant.parse("2021-03-04T10:15:00Z"));
        assertThat(row.ip()).isEqualTo("203.0.113.9");
        assertThat(count(noDate)).isEqualTo(1);
        assertThat(status(unsubscribedHere)).isEqualTo("UNSUBSCRIBED");
        assertThat(jdbc.sql("select suppressed_at is not null from subscribers where email = :email")
                        .param("email", suppressedHere)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("select count(*) from audit_events where action in ('subscribers.import',"
                                + " 'subscribers.import-dry-run') and detail like :file")
                        .param("file", "members_export.csv (mailchimp, windows-1252): 7 rows%")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        assertThat(upload("members_export.csv", bytes, false))
                .as("imported again: nothing new")
                .contains("7 rows read (mailchimp export, windows-1252); 0 new subscribers.");
    }

    @Test
    void aSubstackExportInUtf8WithABomAndAGhostExportInUtf16AreImported() throws Exception {
        String paid = address("substack-paid");
        String free = address("substack-free");
        String disabled = address("substack-disabled");
        String substack = "email,active_subscription,expiry,plan,email_disabled,created_at\n"
                + paid + ",true,2026-01-01T00:00:00.000Z,yearly,false,2022-01-05T08:00:00.000Z\n"
                + free + ",false,,,false,2022-02-06T09:30:00.000Z\n"
                + disabled + ",false,,,true,2022-03-07T10:00:00.000Z\n";
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        byte[] body = substack.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);
        assertThat(upload("substack.csv", bytes, false))
                .contains("3 rows read (substack export, UTF-8); 2 new subscribers.")
                .contains("Unsubscribed or bounced on the other platform");
        assertThat(jdbc.sql("select consented_at from subscribers where email = :email")
                        .param("email", free)
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(Instant.parse("2022-02-06T09:30:00Z"));
        assertThat(count(disabled)).isZero();

        String member = address("ghost-member");
        String optedOut = address("ghost-opted-out");
        String ghost = "id,email,name,note,subscribed_to_emails,complimentary_plan,stripe_customer_id,created_at,"
                + "deleted_at,labels,tiers\n"
                + "5f1a,\"" + member + "\",Zoë,,true,false,,2023-02-03T04:05:06.000Z,,\"VIP, 2023\",\n"
                + "5f1b," + optedOut + ",Al,,false,false,,2023-02-03T04:05:06.000Z,,,\n";
        String page = upload("ghost-members.csv", ghostBytes(ghost), false);
        assertThat(page).contains("2 rows read (ghost export, UTF-16LE); 1 new subscribers.");
        assertThat(jdbc.sql("select source from subscribers where email = :email")
                        .param("email", member)
                        .query(String.class)
                        .single())
                .isEqualTo("import:ghost");
        assertThat(count(optedOut)).isZero();
    }

    static byte[] ghostBytes(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xff;
        bytes[1] = (byte) 0xfe;
        System.arraycopy(body, 0, bytes, 2, body.length);
        return bytes;
    }

    @Test
    void onlyAdminsImportAndAFileWithoutAnEmailColumnIsRefusedWithAMessage() throws Exception {
        assertThat(mvc.perform(get("/admin/subscribers/import").with(user(EDITOR)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(multipart("/admin/subscribers/import")
                                .file(new MockMultipartFile(
                                        "file", "x.csv", "text/csv", "email\na@example.org\n".getBytes()))
                                .with(user(EDITOR))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/admin/subscribers/import").with(user(ADMIN)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("id=\"import-form\"", "name=\"dryRun\"");
        assertThat(upload("names.csv", "name,city\nAnn,Paris\n".getBytes(StandardCharsets.UTF_8), true))
                .contains("No e-mail column found");
        var empty = mvc.perform(multipart("/admin/subscribers/import")
                        .file(new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]))
                        .with(user(ADMIN))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(empty.getStatus()).isEqualTo(200);
        assertThat(empty.getContentAsString()).contains("Choose a CSV file to import.");
    }
}
