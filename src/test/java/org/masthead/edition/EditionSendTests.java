package org.masthead.edition;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.TestSmtp;
import org.masthead.article.Article;
import org.masthead.article.ArticleImages;
import org.masthead.author.Author;
import org.masthead.job.Jobs;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.newsletter.NewsletterService;
import org.masthead.section.Section;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Editions sent end to end: composed through the admin's forms, sent by the background jobs (run here on the test's
 * thread), received by an in-process SMTP server (GreenMail), read and their links followed.
 */
@IntegrationTest
class EditionSendTests {

    static final StaffUser EDITOR =
            new StaffUser(9601, "edition-editor@example.org", "Edition Editor", Role.EDITOR, "{noop}x", true);
    static final int PORT = freePort();
    static GreenMail mail = started();

    // The test profile sends without a rate limit, in batches of 3, with the postal address these tests look for.

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static GreenMail started() {
        GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @AfterAll
    static void stopMail() {
        mail.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Jobs jobs;

    @Autowired
    MutableClock clock;

    @Autowired
    TestContent content;

    @Autowired
    ImageService images;

    @Autowired
    ArticleImages articleImages;

    @Autowired
    MessageSource messages;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    NewsletterService newsletter;

    @Autowired
    org.masthead.newsletter.MailIdentity mailIdentity;

    @Autowired
    EditionNotices notices;

    @Autowired
    Environment environment;

    Section section;
    Article first;
    Article second;

    @Autowired
    TestSmtp smtp;

    @BeforeEach
    void articles() {
        smtp.useServerOn(PORT);
        section = content.section();
        Author author = content.author();
        first = content.published(
                section, List.of(author), List.of(), clock.instant().minus(Duration.ofHours(2)));
        second = content.published(
                section, List.of(author), List.of(), clock.instant().minus(Duration.ofHours(1)));
        long image = images.upload(
                        Actor.importing("test"), TestImages.jpeg(1200, 800), "harbour.jpg", "A harbour at dawn", "", "")
                .getId();
        articleImages.setFeaturedImage(first.getId(), image, Actor.importing("test"));
    }

    @AfterEach
    void resetClock() {
        smtp.none();
        clock.reset();
    }

    /** A subscriber who chose only this test's section (so other tests' editions do not reach them). */
    long subscriber(String email, String status) {
        long id = jdbc.sql("""
                        insert into subscribers (email, status, consented_at, confirmed_at, unsubscribed_at, created_at,
                                                 updated_at, all_editions)
                        values (:email, :status, now(), case when :status = 'CONFIRMED' then now() end,
                                case when :status = 'UNSUBSCRIBED' then now() end, now(), now(), false)
                        returning id""")
                .param("email", email)
                .param("status", status)
                .query(Long.class)
                .single();
        jdbc.sql("insert into subscriber_sections (subscriber_id, section_id) values (:s, :section)")
                .param("s", id)
                .param("section", section.getId())
                .update();
        return id;
    }

    static String address(String who) {
        return who + "-" + TestContent.unique("r") + "@example.org";
    }

    /** Composes an edition for this test's section through the admin's forms; answers its id. */
    long compose(String subject) throws Exception {
        MvcResult created = mvc.perform(post("/admin/editions")
                        .param("subject", subject)
                        .param("preheader", "This week at sea")
                        .param(
                                "intro",
                                "Welcome to *this week's* briefing. See [our sections](/sections/" + section.getSlug()
                                        + ").")
                        .param("audience", "SECTION")
                        .param("sectionId", section.getId().toString())
                        .param("startArticle", first.getId().toString())
                        .with(user(EDITOR))
                        .with(csrf()))
                .andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/admin/editions/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/admin/editions/{id}/articles", id)
                .param("articleId", second.getId().toString())
                .with(user(EDITOR))
                .with(csrf()));
        return id;
    }

    MvcResult send(long id) throws Exception {
        return mvc.perform(
                        post("/admin/editions/{id}/send", id).with(user(EDITOR)).with(csrf()))
                .andReturn();
    }

    String state(long id) {
        return jdbc.sql("select state from editions where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    Map<String, String> deliveries(long id) {
        return jdbc
                .sql("select email, state from edition_deliveries where edition_id = :id")
                .param("id", id)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void anEditionReachesEveryConfirmedSubscriberOnceAndNeverAnUnconfirmedOrUnsubscribedOne() throws Exception {
        List<String> confirmed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String email = address("confirmed");
            subscriber(email, "CONFIRMED");
            confirmed.add(email);
        }
        String pending = address("pending");
        subscriber(pending, "PENDING");
        String unsubscribed = address("gone");
        subscriber(unsubscribed, "UNSUBSCRIBED");
        String suppressed = address("suppressed");
        long suppressedId = subscriber(suppressed, "CONFIRMED");
        jdbc.sql("update subscribers set suppressed_at = now() where id = :id")
                .param("id", suppressedId)
                .update();
        String invalid = "not an address " + TestContent.unique("x") + "@example.org";
        subscriber(invalid, "CONFIRMED");

        String subject = "Edition " + TestContent.unique("once");
        long id = compose(subject);
        MvcResult sent = send(id);
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/admin/editions/" + id + "/progress");
        assertThat(state(id)).isEqualTo("SENDING");
        jobs.runDueNow();

        assertThat(state(id)).isEqualTo("SENT");
        List<MimeMessage> received = EditionMail.withSubject(mail, subject);
        List<String> recipients = received.stream().map(EditionMail::to).toList();
        assertThat(recipients).as("each address once").doesNotHaveDuplicates();
        assertThat(recipients).containsAll(confirmed);
        assertThat(recipients).doesNotContain(pending, unsubscribed, suppressed, invalid);
        Map<String, String> rows = deliveries(id);
        assertThat(rows).doesNotContainKeys(pending, unsubscribed, suppressed);
        assertThat(rows.get(invalid)).isEqualTo("SKIPPED");
        assertThat(rows.values().stream().filter("SENT"::equals).count()).isEqualTo(received.size());

        String report = mvc.perform(get("/admin/editions/{id}/progress", id).with(user(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document page = Jsoup.parse(report);
        assertThat(page.select("#report-problems td").text()).contains(invalid, "not a valid email address");
        assertThat(page.select("#progress-state").attr("data-state")).isEqualTo("SENT");
        assertThat(page.select("script[src]").attr("src")).contains("/js/edition-progress");
        assertThat(page.select("script:not([src])")).isEmpty();
    }

    @Test
    void theHtmlAndTextPartsCarryTheArticlesAndTheReadersOwnUnsubscribeLink() throws Exception {
        String alice = address("alice");
        String bob = address("bob");
        long aliceId = subscriber(alice, "CONFIRMED");
        subscriber(bob, "CONFIRMED");
        String subject = "Edition " + TestContent.unique("parts");
        long id = compose(subject);
        send(id);
        jobs.runDueNow();

        List<MimeMessage> received = EditionMail.withSubject(mail, subject);
        MimeMessage toAlice = received.stream()
                .filter(m -> EditionMail.to(m).equals(alice))
                .findFirst()
                .orElseThrow();
        MimeMessage toBob = received.stream()
                .filter(m -> EditionMail.to(m).equals(bob))
                .findFirst()
                .orElseThrow();
        EditionMail.Parts a = EditionMail.parts(toAlice);
        EditionMail.Parts b = EditionMail.parts(toBob);
        assertThat(a.contentType()).startsWith("multipart/alternative");
        for (String part : List.of(a.text(), a.html())) {
            assertThat(part)
                    .contains(first.getTitle(), second.getTitle())
                    // each article's link through the counted redirect (/r/…), which names no recipient
                    .contains("u=" + URLEncoder.encode("http://localhost:8080/articles/" + first.getSlug(), UTF_8))
                    .contains("u=" + URLEncoder.encode("http://localhost:8080/articles/" + second.getSlug(), UTF_8))
                    .doesNotContain(alice, bob)
                    .contains("1 Quay Street, Harbour Town")
                    .contains("The Meridian Review");
        }
        List<String> aliceTokens = new ArrayList<>(new LinkedHashSet<>(EditionMail.tokens(a.html())));
        assertThat(aliceTokens).hasSize(1);
        assertThat(EditionMail.tokens(a.text())).containsOnly(aliceTokens.get(0));
        assertThat(EditionMail.tokens(b.html())).doesNotContain(aliceTokens.get(0));
        String token = aliceTokens.get(0);
        assertThat(toAlice.getHeader("List-Unsubscribe")[0])
                .isEqualTo("<http://localhost:8080/newsletter/unsubscribe?token=" + token + ">");
        assertThat(toAlice.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        // Named on the site's domain (masthead.site-url's host), as the journal's own list.
        assertThat(toAlice.getMessageID()).matches("<[0-9a-f-]{36}@localhost>");
        assertThat(toBob.getMessageID()).isNotEqualTo(toAlice.getMessageID());
        assertThat(toAlice.getHeader("List-Id")).containsExactly("\"The Meridian Review\" <newsletter.localhost>");
        assertThat(toAlice.getHeader("Feedback-ID")).containsExactly("edition-" + id + ":edition:localhost");

        // The preferences page opens from the email's link, and the one-click unsubscribe works for Alice alone.
        String preferences = mvc.perform(get("/newsletter/preferences").param("token", token))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(preferences).contains(alice);
        mvc.perform(post("/newsletter/unsubscribe").param("token", token).param("List-Unsubscribe", "One-Click"));
        assertThat(jdbc.sql("select status from subscribers where id = :id")
                        .param("id", aliceId)
                        .query(String.class)
                        .single())
                .isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void theTestEmailsLinksLeadToAPageThatSaysItWasATest() throws Exception {
        String subject = "Edition " + TestContent.unique("test-mail");
        long id = compose(subject);
        String editor = EDITOR.getEmail();
        mvc.perform(post("/admin/editions/{id}/test", id).with(user(EDITOR)).with(csrf()));

        MimeMessage test = EditionMail.withSubject(mail, subject).stream()
                .filter(m -> EditionMail.to(m).equals(editor))
                .findFirst()
                .orElseThrow();
        assertThat(test.getMessageID()).matches("<[0-9a-f-]{36}@localhost>");
        assertThat(test.getHeader("List-Id")).containsExactly("\"The Meridian Review\" <newsletter.localhost>");
        assertThat(test.getHeader("Feedback-ID")).containsExactly("edition-" + id + ":edition-test:localhost");
        String html = EditionMail.parts(test).html();
        java.util.regex.Matcher links = java.util.regex.Pattern.compile(
                        "http://localhost:8080(/newsletter/[a-z]+\\?token=[^\"&]+)")
                .matcher(html);
        List<String> paths = new ArrayList<>();
        while (links.find()) {
            paths.add(links.group(1));
        }
        assertThat(paths).contains("/newsletter/unsubscribe?token=test", "/newsletter/preferences?token=test");
        for (String path : paths) {
            var page = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(page.getStatus()).as(path).isEqualTo(200);
            assertThat(page.getContentAsString())
                    .as(path)
                    .contains("test email")
                    .contains("nothing was changed");
        }
        var oneClick = mvc.perform(
                        post("/newsletter/unsubscribe").param("token", "test").param("List-Unsubscribe", "One-Click"))
                .andReturn()
                .getResponse();
        assertThat(oneClick.getStatus()).isEqualTo(200);
        assertThat(oneClick.getContentAsString()).contains("test email");
    }

    @Test
    void theEmailRendersEverywhereByStructure() throws Exception {
        String reader = address("structure");
        subscriber(reader, "CONFIRMED");
        String subject = "Edition " + TestContent.unique("structure");
        long id = compose(subject);
        send(id);
        jobs.runDueNow();
        MimeMessage message = EditionMail.withSubject(mail, subject).get(0);
        EditionMail.Parts parts = EditionMail.parts(message);

        Document html = Jsoup.parse(parts.html());
        assertThat(html.select("table[role=presentation]")).as("a table layout").hasSizeGreaterThan(2);
        assertThat(html.select("style, link[rel=stylesheet], script"))
                .as("no style sheets")
                .isEmpty();
        assertThat(html.select("[class]")).as("no classes: styles are inline").isEmpty();
        assertThat(html.select("td[style]")).isNotEmpty();
        assertThat(html.select("img")).isNotEmpty().allSatisfy(img -> {
            assertThat(img.attr("width")).matches("\\d+");
            assertThat(img.hasAttr("alt")).isTrue();
            assertThat(img.attr("src")).startsWith("http://localhost:8080/media/");
        });
        assertThat(html.select("img").first().attr("alt")).isEqualTo("A harbour at dawn");
        Set<String> htmlLinks = new HashSet<>();
        for (Element link : html.select("a[href]")) {
            assertThat(link.attr("href")).startsWith("http://localhost:8080/");
            htmlLinks.add(link.attr("href"));
        }
        Set<String> textLinks = new HashSet<>();
        Matcher urls = Pattern.compile("https?://[^\\s)]+").matcher(parts.text());
        while (urls.find()) {
            textLinks.add(urls.group());
        }
        assertThat(textLinks).as("both parts carry the same links").isEqualTo(htmlLinks);
        assertThat(htmlLinks)
                .anyMatch(link -> link.startsWith("http://localhost:8080/r/" + id + "/")
                        && link.endsWith("?u="
                                + URLEncoder.encode("http://localhost:8080/sections/" + section.getSlug(), UTF_8)));
    }

    static final StaffUser ADMIN =
            new StaffUser(9602, "edition-admin@example.org", "Edition Admin", Role.ADMIN, "{noop}x", true);

    MvcResult setting(String name, String value) throws Exception {
        return mvc.perform(post("/admin/settings")
                        .param("name", name)
                        .param("value", value)
                        .with(user(ADMIN))
                        .with(csrf()))
                .andReturn();
    }

    void resetSetting(String name) throws Exception {
        mvc.perform(post("/admin/settings")
                .param("name", name)
                .param("reset", "true")
                .with(user(ADMIN))
                .with(csrf()));
    }

    @Test
    void theSenderReplyToAndPostalAddressAreSettingsAndAnEmptyPostalAddressRefusesTheSend() throws Exception {
        String reader = address("settings");
        subscriber(reader, "CONFIRMED");
        String page = mvc.perform(get("/admin/settings").with(user(ADMIN)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "masthead.newsletter.from",
                        "masthead.newsletter.reply-to",
                        "masthead.newsletter.postal-address");
        assertThat(mvc.perform(get("/admin/settings").with(user(EDITOR)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        try {
            MvcResult invalid = setting("masthead.newsletter.from", "not an address");
            assertThat(invalid.getFlashMap().get("error")).isEqualTo("settings.invalid.address");
            assertThat(messages.getMessage("settings.invalid.address", new Object[] {"x"}, Locale.ENGLISH))
                    .contains("is not an e-mail address");
            setting("masthead.newsletter.from", "The Harbour Review <news@harbour.example>");
            setting("masthead.newsletter.reply-to", "letters@harbour.example");
            setting("masthead.newsletter.postal-address", "  ");

            String subject = "Edition " + TestContent.unique("no-address");
            long id = compose(subject);
            String edit = mvc.perform(get("/admin/editions/{id}", id).with(user(EDITOR)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(edit).contains("id=\"edition-postal-address\"", "postal address");
            MvcResult refused = send(id);
            assertThat(state(id))
                    .as("refused while the postal address is empty")
                    .isEqualTo("DRAFT");
            assertThat(refused.getFlashMap().get("error")).isEqualTo("newsletter.edition.refused.no-postal-address");
            assertThat(messages.getMessage("newsletter.edition.refused.no-postal-address", null, Locale.ENGLISH))
                    .contains("postal address is empty");
            MvcResult scheduled = mvc.perform(post("/admin/editions/{id}/schedule", id)
                            .param("date", "2099-01-01")
                            .param("time", "08:00")
                            .with(user(EDITOR))
                            .with(csrf()))
                    .andReturn();
            assertThat(scheduled.getFlashMap().get("error")).isEqualTo("newsletter.edition.refused.no-postal-address");
            assertThat(state(id)).isEqualTo("DRAFT");

            setting("masthead.newsletter.postal-address", "7 Pier Road, Harbour Town");
            assertThat(mvc.perform(get("/admin/editions/{id}", id).with(user(EDITOR)))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .doesNotContain("edition-postal-address");
            send(id);
            jobs.runDueNow();
            assertThat(state(id)).isEqualTo("SENT");
            MimeMessage message = EditionMail.withSubject(mail, subject).get(0);
            assertThat(message.getHeader("From")[0]).contains("The Harbour Review", "<news@harbour.example>");
            assertThat(message.getHeader("Reply-To")).containsExactly("letters@harbour.example");
            assertThat(message.getHeader("List-Unsubscribe")[0]).contains("/newsletter/unsubscribe?token=");
            assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            EditionMail.Parts parts = EditionMail.parts(message);
            assertThat(parts.html()).contains("7 Pier Road, Harbour Town");
            assertThat(parts.text()).contains("7 Pier Road, Harbour Town");
        } finally {
            resetSetting("masthead.newsletter.from");
            resetSetting("masthead.newsletter.reply-to");
            resetSetting("masthead.newsletter.postal-address");
        }
    }

    @Test
    void anUnsubscribeDuringTheSendStopsThatAddresssPendingEmail() throws Exception {
        String stays = address("stays");
        String leaves = address("leaves");
        subscriber(stays, "CONFIRMED");
        long leaverId = subscriber(leaves, "CONFIRMED");
        String subject = "Edition " + TestContent.unique("leaving");
        long id = compose(subject);
        send(id);
        // The outbox is filled; before the senders reach the reader, they unsubscribe.
        jdbc.sql("update subscribers set status = 'UNSUBSCRIBED', unsubscribed_at = now() where id = :id")
                .param("id", leaverId)
                .update();
        jobs.runDueNow();
        List<String> recipients = EditionMail.withSubject(mail, subject).stream()
                .map(EditionMail::to)
                .toList();
        assertThat(recipients).contains(stays).doesNotContain(leaves);
        assertThat(deliveries(id).get(leaves)).isEqualTo("SKIPPED");
    }

    @Test
    void pauseHoldsTheRestResumeSendsItAndCancelStopsIt() throws Exception {
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            readers.add(address("paused"));
            subscriber(readers.get(i), "CONFIRMED");
        }
        String subject = "Edition " + TestContent.unique("pause");
        long id = compose(subject);
        send(id);
        mvc.perform(post("/admin/editions/{id}/pause", id).with(user(EDITOR)).with(csrf()));
        assertThat(state(id)).isEqualTo("PAUSED");
        jobs.runDueNow();
        assertThat(EditionMail.withSubject(mail, subject)).isEmpty();
        String json = mvc.perform(get("/admin/editions/{id}/progress.json", id).with(user(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json).contains("\"state\":\"PAUSED\"").contains("\"sent\":0");

        mvc.perform(post("/admin/editions/{id}/resume", id).with(user(EDITOR)).with(csrf()));
        jobs.runDueNow();
        assertThat(EditionMail.withSubject(mail, subject).stream().map(EditionMail::to))
                .containsAll(readers);
        assertThat(state(id)).isEqualTo("SENT");

        String other = "Edition " + TestContent.unique("cancel");
        long cancelled = compose(other);
        send(cancelled);
        mvc.perform(post("/admin/editions/{id}/cancel", cancelled)
                .with(user(EDITOR))
                .with(csrf()));
        jobs.runDueNow();
        assertThat(state(cancelled)).isEqualTo("CANCELLED");
        assertThat(EditionMail.withSubject(mail, other)).isEmpty();
        assertThat(deliveries(cancelled).values()).containsOnly("CANCELLED");
        assertThat(jdbc.sql("select count(*) from audit_events where action in ('edition.send', 'edition.pause',"
                                + " 'edition.resume', 'edition.cancel', 'edition.sent') and subject like :s")
                        .param("s", "edition #" + id + " %")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void whenTheSmtpServerIsDownTheEditionWaitsWithANoticeAndGoesOnWhenItIsBack() throws Exception {
        String reader = address("patient");
        subscriber(reader, "CONFIRMED");
        String subject = "Edition " + TestContent.unique("down");
        long id = compose(subject);
        send(id);
        mail.stop();
        try {
            jobs.runDueNow();
            assertThat(jdbc.sql("select notice from editions where id = :id")
                            .param("id", id)
                            .query(String.class)
                            .single())
                    .isEqualTo("newsletter.edition.notice.smtp-down");
            assertThat(deliveries(id).values())
                    .as("nothing lost, nothing unknown")
                    .containsOnly("QUEUED");
        } finally {
            mail = started();
        }
        clock.advance(Duration.ofSeconds(31));
        jobs.runDueNow();
        assertThat(state(id)).isEqualTo("SENT");
        assertThat(EditionMail.withSubject(mail, subject).stream().map(EditionMail::to))
                .contains(reader);
        assertThat(jdbc.sql("select notice from editions where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEmpty();
    }

    @Test
    void anEditionWithNoSubjectOrNoArticlesOrAScheduleInThePastIsRefusedWithAMessage() throws Exception {
        long id = compose("Edition " + TestContent.unique("refused"));
        mvc.perform(post("/admin/editions/{id}", id)
                .param("subject", "")
                .param("audience", "SECTION")
                .param("sectionId", section.getId().toString())
                .param("version", "1")
                .with(user(EDITOR))
                .with(csrf()));
        MvcResult noSubject = send(id);
        assertThat(noSubject.getFlashMap().get("error")).isEqualTo("newsletter.edition.refused.no-subject");
        // The flash message is shown by the page's alerts (fragments/alerts); its text says what to do.
        assertThat(messages.getMessage("newsletter.edition.refused.no-subject", null, Locale.ENGLISH))
                .contains("has no subject");

        MvcResult empty = mvc.perform(post("/admin/editions")
                        .param("subject", "Nothing in it")
                        .param("audience", "ALL")
                        .with(user(EDITOR))
                        .with(csrf()))
                .andReturn();
        String emptyId = empty.getResponse().getRedirectedUrl().replaceAll("\\D", "");
        assertThat(send(Long.parseLong(emptyId)).getFlashMap().get("error"))
                .isEqualTo("newsletter.edition.refused.no-articles");

        long later = compose("Edition " + TestContent.unique("past"));
        MvcResult past = mvc.perform(post("/admin/editions/{id}/schedule", later)
                        .param("date", "2001-01-01")
                        .param("time", "09:00")
                        .with(user(EDITOR))
                        .with(csrf()))
                .andReturn();
        assertThat(past.getFlashMap().get("error")).isEqualTo("newsletter.edition.refused.past");
        assertThat(state(later)).isEqualTo("DRAFT");

        MvcResult farFuture = mvc.perform(post("/admin/editions/{id}/schedule", later)
                        .param("date", "+999999999-12-31")
                        .param("time", "09:00")
                        .with(user(EDITOR))
                        .with(csrf()))
                .andReturn();
        assertThat(farFuture.getResponse().getStatus()).isEqualTo(302);
        assertThat(farFuture.getFlashMap().get("error")).isEqualTo("newsletter.edition.refused.no-time");
        assertThat(state(later)).isEqualTo("DRAFT");
    }

    @Test
    void aScheduledEditionGoesAtItsTimeInTheJournalsTimeZone() throws Exception {
        String reader = address("scheduled");
        subscriber(reader, "CONFIRMED");
        String subject = "Edition " + TestContent.unique("scheduled");
        long id = compose(subject);
        Instant at = clock.instant().plus(Duration.ofDays(2));
        java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(at, java.time.ZoneId.of("Europe/London"));
        mvc.perform(post("/admin/editions/{id}/schedule", id)
                .param("date", local.toLocalDate().toString())
                .param("time", local.toLocalTime().withSecond(0).withNano(0).toString())
                .with(user(EDITOR))
                .with(csrf()));
        assertThat(state(id)).isEqualTo("SCHEDULED");
        jobs.runDueNow();
        assertThat(state(id)).isEqualTo("SCHEDULED");
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        jobs.runDueNow();
        assertThat(state(id)).isEqualTo("SENT");
        assertThat(EditionMail.withSubject(mail, subject).stream().map(EditionMail::to))
                .contains(reader);
    }

    @Test
    void aRowLeftSendingByADeadSenderIsReportedUnknownAndNeverSentAgain() throws Exception {
        String lost = address("lost");
        String rest = address("rest");
        subscriber(lost, "CONFIRMED");
        subscriber(rest, "CONFIRMED");
        String subject = "Edition " + TestContent.unique("crash");
        long id = compose(subject);
        send(id);
        // A node claimed this row, committed SENDING, and died during the hand-off to SMTP.
        jdbc.sql("""
                        update edition_deliveries set state = 'SENDING', claimed_by = 'dead-node',
                               claimed_until = :until
                        where edition_id = :id and email = :email""")
                .param("until", java.sql.Timestamp.from(clock.instant().minusSeconds(1)))
                .param("id", id)
                .param("email", lost)
                .update();
        jobs.runDueNow();
        assertThat(state(id)).isEqualTo("SENT");
        List<String> recipients = EditionMail.withSubject(mail, subject).stream()
                .map(EditionMail::to)
                .toList();
        assertThat(recipients).contains(rest).doesNotContain(lost);
        assertThat(deliveries(id).get(lost)).isEqualTo("UNKNOWN");
        String json = mvc.perform(get("/admin/editions/{id}/progress.json", id).with(user(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json).contains("\"unknown\":1");

        // The report lists the unknown recipient, with a resend to them alone.
        String report = mvc.perform(get("/admin/editions/{id}/progress", id).with(user(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(report).contains(lost).contains("id=\"resend-unknown\"");
        mvc.perform(post("/admin/editions/{id}/resend-unknown", id)
                .with(user(EDITOR))
                .with(csrf()));
        assertThat(state(id)).isEqualTo("SENDING");
        jobs.runDueNow();
        assertThat(state(id)).isEqualTo("SENT");
        Map<String, Long> received = EditionMail.withSubject(mail, subject).stream()
                .collect(Collectors.groupingBy(EditionMail::to, Collectors.counting()));
        assertThat(received).containsEntry(lost, 1L).containsEntry(rest, 1L);
        assertThat(deliveries(id)).containsEntry(lost, "SENT").containsEntry(rest, "SENT");
        MvcResult none = mvc.perform(post("/admin/editions/{id}/resend-unknown", id)
                        .with(user(EDITOR))
                        .with(csrf()))
                .andReturn();
        assertThat(none.getFlashMap().get("error")).isEqualTo("newsletter.edition.refused.no-unknown");
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'edition.resend-unknown'"
                                + " and subject like :target")
                        .param("target", "edition #" + id + " %")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Autowired
    EditionPruner pruner;

    @Test
    void oldOutboxRowsAndTokensArePrunedKeepingTheCountsTheFailuresAndTheSuppressionList() throws Exception {
        String fine = address("prune-fine");
        String failed = address("prune-failed");
        subscriber(fine, "CONFIRMED");
        long failedId = subscriber(failed, "CONFIRMED");
        String subject = "Edition " + TestContent.unique("prune");
        long id = compose(subject);
        send(id);
        jobs.runDueNow();
        assertThat(state(id)).isEqualTo("SENT");
        // As if its e-mail had bounced for good: a failed row and a suppressed address.
        jdbc.sql("update edition_deliveries set state = 'FAILED', reason = '550 no such user'"
                        + " where edition_id = :id and email = :email")
                .param("id", id)
                .param("email", failed)
                .update();
        jdbc.sql("update subscribers set suppressed_at = now() where id = :id")
                .param("id", failedId)
                .update();
        String before = progressJson(id);
        // Other tests' readers of every edition may be among the recipients: this test's own two are one sent, one
        // failed, and every other recipient was sent to.
        int recipients = Integer.parseInt(before.replaceAll(".*\"recipients\":(\\d+),.*", "$1"));
        String sent = "\"sent\":" + (recipients - 1) + ",";
        assertThat(before).contains(sent, "\"failed\":1,");
        long tokens = jdbc.sql("select count(*) from subscriber_tokens t join subscribers s on s.id = t.subscriber_id"
                        + " where s.email = :email")
                .param("email", fine)
                .query(Long.class)
                .single();
        assertThat(tokens).isPositive();

        pruner.prune();
        assertThat(deliveries(id)).as("too recent to prune").hasSize(recipients);

        clock.advance(Duration.ofDays(460)); // past the tokens' year of validity and the 90 days kept
        pruner.prune();
        assertThat(deliveries(id)).as("the failure stays").containsOnlyKeys(failed);
        assertThat(progressJson(id)).as("the counts stay").contains(sent, "\"failed\":1,");
        assertThat(report(id)).contains(failed, "550 no such user");
        assertThat(jdbc.sql("select count(*) from subscriber_tokens t join subscribers s on s.id = t.subscriber_id"
                                + " where s.email = :email")
                        .param("email", fine)
                        .query(Long.class)
                        .single())
                .as("expired tokens pruned")
                .isZero();
        assertThat(jdbc.sql("select suppressed_at is not null from subscribers where id = :id")
                        .param("id", failedId)
                        .query(Boolean.class)
                        .single())
                .as("the suppression list stays")
                .isTrue();
        pruner.prune();
        assertThat(progressJson(id)).as("counted once").contains(sent);
    }

    @Test
    void aSendNoNodeRunsSaysItIsWaitingForANode() throws Exception {
        String reader = address("waiting");
        subscriber(reader, "CONFIRMED");
        long id = compose("Edition " + TestContent.unique("waiting"));
        send(id);
        // This test's application runs no job worker; the senders wait, and the page says so once they are late.
        clock.advance(Duration.ofSeconds(10));
        assertThat(progressJson(id))
                .contains("\"status\":\"edition.progress.status.waiting-for-node\"")
                .contains("Waiting for a node");
        jobs.runDueNow();
        assertThat(state(id)).isEqualTo("SENT");
        assertThat(progressJson(id)).contains("\"status\":\"\"");
    }

    String progressJson(long id) throws Exception {
        return mvc.perform(get("/admin/editions/{id}/progress.json", id).with(user(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    String report(long id) throws Exception {
        return mvc.perform(get("/admin/editions/{id}/progress", id).with(user(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void temporaryFailuresAreRetriedWithBackoffAndPermanentOnesRecordedAndSuppressedAfterRepeats() throws Exception {
        String fine = address("fine");
        String busy = address("busy");
        String nouser = address("nouser");
        subscriber(fine, "CONFIRMED");
        subscriber(busy, "CONFIRMED");
        long nouserId = subscriber(nouser, "CONFIRMED");
        jdbc.sql("update subscribers set permanent_failures = 2 where id = :id")
                .param("id", nouserId)
                .update();
        String subject = "Edition " + TestContent.unique("failures");
        long id = compose(subject);
        send(id);
        jobs.cancel(EditionSender.TYPE, String.valueOf(id)); // this test runs its own sender, against the fake server
        try (FakeSmtpServer smtp = new FakeSmtpServer()) {
            JavaMailSenderImpl impl = new JavaMailSenderImpl();
            impl.setHost("127.0.0.1");
            impl.setPort(smtp.port());
            EditionSender sender = new EditionSender(
                    jdbc,
                    transactions,
                    new StaticListableBeanFactory(Map.of("mail", impl)).getBeanProvider(JavaMailSender.class),
                    newsletter,
                    new EditionProperties(
                            "", 0, 1, 10, 3, Duration.ofMinutes(1), 3, Duration.ofSeconds(30), Duration.ofDays(90)),
                    notices,
                    mailIdentity,
                    jobs,
                    clock);
            org.masthead.job.Job job =
                    new org.masthead.job.Job(0, EditionSender.TYPE, String.valueOf(id), 1, clock.instant());
            sender.run(job);
            assertThat(smtp.delivered).contains(fine).doesNotContain(busy, nouser);
            assertThat(deliveries(id).get(busy)).as("a 4xx waits for a retry").isEqualTo("QUEUED");
            String refusing = mvc.perform(
                            get("/admin/editions/{id}/progress.json", id).with(user(EDITOR)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(refusing)
                    .contains("\"status\":\"edition.progress.status.smtp-refusing\"")
                    .contains("SMTP refusing (450")
                    .contains("retrying in 60 s");
            assertThat(mvc.perform(get("/admin/editions/{id}/progress", id).with(user(EDITOR)))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .contains("SMTP refusing (450");
            assertThat(deliveries(id).get(nouser)).as("a 5xx is recorded").isEqualTo("FAILED");
            assertThat(jdbc.sql("select reason from edition_deliveries where edition_id = :id and email = :email")
                            .param("id", id)
                            .param("email", nouser)
                            .query(String.class)
                            .single())
                    .contains("550");
            assertThat(jdbc.sql("select suppressed_at is not null from subscribers where id = :id")
                            .param("id", nouserId)
                            .query(Boolean.class)
                            .single())
                    .as("the third permanent failure suppresses the address")
                    .isTrue();

            sender.run(job);
            assertThat(deliveries(id).get(busy)).as("not before its back-off").isEqualTo("QUEUED");
            clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            sender.run(job);
            clock.advance(Duration.ofMinutes(2).plusSeconds(1));
            sender.run(job);
            assertThat(deliveries(id).get(busy)).as("given up after 3 tries").isEqualTo("FAILED");
            assertThat(jdbc.sql("select reason from edition_deliveries where edition_id = :id and email = :email")
                            .param("id", id)
                            .param("email", busy)
                            .query(String.class)
                            .single())
                    .contains("450");
            sender.run(job);
            assertThat(state(id)).isEqualTo("SENT");
            assertThat(smtp.delivered).containsOnlyOnce(fine);
        }
    }

    @Test
    void theReadersChoicesDecideWhichEditionsReachThem() throws Exception {
        Section other = content.section();
        String sectionReader = address("section-reader");
        long readerId = subscriber(sectionReader, "CONFIRMED");
        String subject = "Edition " + TestContent.unique("choices");
        long id = compose(subject);
        send(id);
        jobs.runDueNow();
        MimeMessage first = EditionMail.withSubject(mail, subject).stream()
                .filter(m -> EditionMail.to(m).equals(sectionReader))
                .findFirst()
                .orElseThrow();
        String token = EditionMail.tokens(EditionMail.parts(first).html()).get(0);
        // On the preferences page from the email, the reader swaps this section for another one.
        String page = mvc.perform(post("/newsletter/preferences")
                        .param("token", token)
                        .param("choice", "some")
                        .param("section", other.getId().toString()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page).select("#preferences-saved")).isNotEmpty();
        assertThat(jdbc.sql("select section_id from subscriber_sections where subscriber_id = :id")
                        .param("id", readerId)
                        .query(Long.class)
                        .list())
                .containsExactly(other.getId());
        String again = "Edition " + TestContent.unique("choices-again");
        long next = compose(again);
        send(next);
        jobs.runDueNow();
        assertThat(EditionMail.withSubject(mail, again).stream().map(EditionMail::to))
                .doesNotContain(sectionReader);
    }

    @Test
    void aSendKilledHalfWayInAChildJvmAndRestartedDeliversTheRestWithNoDuplicateAndReportsUnknownRows()
            throws Exception {
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            readers.add(address("killed"));
            subscriber(readers.get(i), "CONFIRMED");
        }
        String subject = "Edition " + TestContent.unique("killed");
        long id = compose(subject);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        javaBin,
                        "-XX:TieredStopAtLevel=1", // a child lives for seconds: the quick compiler is enough
                        "-cp",
                        System.getProperty("java.class.path"),
                        EditionCrashChild.class.getName(),
                        environment.getProperty("spring.datasource.url"),
                        environment.getProperty("spring.datasource.username"),
                        String.valueOf(PORT))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                // the child's start-up output
            }
            assertThat(line).as("the child node started").isEqualTo("READY");
            send(id); // the child's job worker takes the send
            await("the child was sending").atMost(Duration.ofSeconds(120)).until(() -> sentCount(id) >= 30);
        } finally {
            child.destroyForcibly(); // SIGKILL, mid-batch
            child.waitFor();
        }
        long sentByChild = sentCount(id);
        assertThat(sentByChild).as("killed half-way").isLessThan(100);

        // A node that is still alive takes the send again once the dead node's lease has run out.
        clock.advance(Duration.ofMinutes(6));
        jobs.runDueNow();
        assertThat(state(id)).isEqualTo("SENT");
        Map<String, Long> received = EditionMail.withSubject(mail, subject).stream()
                .collect(Collectors.groupingBy(EditionMail::to, Collectors.counting()));
        assertThat(received.values()).as("no duplicate").containsOnly(1L);
        Map<String, String> rows = deliveries(id);
        // A row is UNKNOWN only if the kill came while its email was being handed over (or its SENT not yet
        // committed); killed between two emails, there is none.
        assertThat(rows.values()).allSatisfy(state -> assertThat(state).isIn("SENT", "UNKNOWN"));
        for (String reader : readers) {
            if (rows.get(reader).equals("SENT")) {
                assertThat(received).containsKey(reader);
            }
        }
        long unknown = rows.values().stream().filter("UNKNOWN"::equals).count();
        assertThat(received.keySet().stream().filter(readers::contains).count() + unknown)
                .as("every reader got it once, or is reported unknown (handed over when the node died)")
                .isGreaterThanOrEqualTo(100);
        String json = mvc.perform(get("/admin/editions/{id}/progress.json", id).with(user(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json).contains("\"unknown\":" + unknown);
    }

    long sentCount(long id) {
        return jdbc.sql("select count(*) from edition_deliveries where edition_id = :id and state = 'SENT'")
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
