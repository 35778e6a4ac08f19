package org.masthead.newsletter;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.TestSmtp;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Double opt-in end to end: the real email is received by an in-process SMTP server (GreenMail), read, and its
 * links followed. Public POSTs are sent without a CSRF token, as readers' browsers send them.
 */
@IntegrationTest
class NewsletterTests {

    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final Pattern CONFIRM = Pattern.compile("http://localhost:8080/newsletter/confirm\\?token=([A-Za-z0-9_-]+)");
    static final Pattern UNSUBSCRIBE =
            Pattern.compile("http://localhost:8080/newsletter/unsubscribe\\?token=([A-Za-z0-9_-]+)");
    static final AtomicInteger IPS = new AtomicInteger();

    static {
        MAIL.start();
    }

    @Autowired
    TestSmtp smtp;

    @BeforeEach
    void useMailServer() {
        smtp.useServerOn(MAIL.getSmtp().getPort());
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        smtp.none();
        clock.reset();
    }

    static String address() {
        return "reader-" + System.nanoTime() + "@example.org";
    }

    /** Each test signs up from its own IP address, so the per-IP limit of one test does not spill into another. */
    static String ip() {
        return "10.5." + (IPS.get() / 250) + "." + (IPS.incrementAndGet() % 250 + 1);
    }

    static RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    MockHttpServletResponse signUp(String email, String ip) throws Exception {
        return mvc.perform(post("/newsletter")
                        .param("email", email)
                        .param("source", "/articles/the-price-cap-at-sea")
                        .param("section", "economic-statecraft")
                        .param("website", "")
                        .with(from(ip)))
                .andReturn()
                .getResponse();
    }

    List<MimeMessage> mailTo(String email) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getRecipients(Message.RecipientType.TO)[0]
                                .toString()
                                .equals(email);
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                })
                .toList();
    }

    static String token(Pattern pattern, MimeMessage message) {
        Matcher matcher = pattern.matcher(
                GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        assertThat(matcher.find())
                .as("link in %s", GreenMailUtil.getBody(message))
                .isTrue();
        return matcher.group(1);
    }

    String stateOf(String email) {
        return jdbc.sql("select status from subscribers where email = :email")
                .param("email", email)
                .query(String.class)
                .single();
    }

    static String result(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString())
                .select("#newsletter-result")
                .text();
    }

    @Test
    void signUpReceiveConfirmAndUnsubscribeInOneClick() throws Exception {
        String email = address();
        String ip = ip();
        MockHttpServletResponse response = signUp(email, ip);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(result(response)).contains("Check your inbox");
        assertThat(response.getCookies()).isEmpty();

        List<MimeMessage> received = mailTo(email);
        assertThat(received).hasSize(1);
        MimeMessage message = received.get(0);
        assertThat(message.getSubject()).startsWith("Confirm your subscription");
        String confirmToken = token(CONFIRM, message);
        String unsubscribeToken = token(UNSUBSCRIBE, message);
        assertThat(confirmToken.length()).isGreaterThanOrEqualTo(43); // 256 random bits
        assertThat(message.getHeader("List-Unsubscribe")[0])
                .isEqualTo("<http://localhost:8080/newsletter/unsubscribe?token=" + unsubscribeToken + ">");
        assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

        // Consent recorded; tokens stored only as hashes.
        assertThat(stateOf(email)).isEqualTo("PENDING");
        assertThat(jdbc.sql(
                                "select source || '|' || section_slug || '|' || consent_ip from subscribers where email = :e")
                        .param("e", email)
                        .query(String.class)
                        .single())
                .isEqualTo("/articles/the-price-cap-at-sea|economic-statecraft|" + ip);
        assertThat(jdbc.sql("select count(*) from subscriber_tokens where token_hash in (:a, :b)")
                        .param("a", confirmToken)
                        .param("b", unsubscribeToken)
                        .query(Long.class)
                        .single())
                .isZero();

        // The link only shows a button: a mail scanner fetching it confirms nothing.
        String page = mvc.perform(get("/newsletter/confirm").param("token", confirmToken))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page).select("form[action=/newsletter/confirm] #confirm-button"))
                .hasSize(1);
        assertThat(Jsoup.parse(page).select("input[name=_csrf]")).isEmpty();
        assertThat(stateOf(email)).isEqualTo("PENDING");

        mvc.perform(post("/newsletter/confirm").param("token", confirmToken)).andExpect(status().isOk());
        assertThat(stateOf(email)).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("select confirmed_at is not null from subscribers where email = :e")
                        .param("e", email)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        // Reused: refused.
        String reused = mvc.perform(post("/newsletter/confirm").param("token", confirmToken))
                .andExpect(status().isGone())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(reused).contains("already been used");

        // RFC 8058 one-click: the mail client POSTs List-Unsubscribe=One-Click to the header's URL.
        mvc.perform(post("/newsletter/unsubscribe?token=" + unsubscribeToken)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());
        assertThat(stateOf(email)).isEqualTo("UNSUBSCRIBED");
        mvc.perform(post("/newsletter/unsubscribe").param("token", unsubscribeToken))
                .andExpect(status().isGone());
    }

    @Test
    void theUnsubscribePageAsksBeforeActing() throws Exception {
        String email = address();
        signUp(email, ip());
        String unsubscribeToken = token(UNSUBSCRIBE, mailTo(email).get(0));
        String page = mvc.perform(get("/newsletter/unsubscribe").param("token", unsubscribeToken))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page).select("form[action=/newsletter/unsubscribe] #unsubscribe-button"))
                .hasSize(1);
        assertThat(stateOf(email)).isEqualTo("PENDING");
        mvc.perform(post("/newsletter/unsubscribe").param("token", unsubscribeToken))
                .andExpect(status().isOk());
        assertThat(stateOf(email)).isEqualTo("UNSUBSCRIBED");
        // Unsubscribed: the old confirmation link no longer subscribes.
        String confirmToken = token(CONFIRM, mailTo(email).get(0));
        mvc.perform(post("/newsletter/confirm").param("token", confirmToken)).andExpect(status().isGone());
        assertThat(stateOf(email)).isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        String email = address();
        signUp(email, ip());
        String confirmToken = token(CONFIRM, mailTo(email).get(0));
        clock.advance(Duration.ofHours(49));
        String page = mvc.perform(post("/newsletter/confirm").param("token", confirmToken))
                .andExpect(status().isGone())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("expired");
        assertThat(stateOf(email)).isEqualTo("PENDING");
        mvc.perform(get("/newsletter/confirm").param("token", "made-up-token")).andExpect(status().isNotFound());
        mvc.perform(post("/newsletter/confirm").param("token", "")).andExpect(status().isNotFound());
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheAddressWasSubscribed() throws Exception {
        String known = address();
        signUp(known, ip());
        mvc.perform(post("/newsletter/confirm")
                .param("token", token(CONFIRM, mailTo(known).get(0))));
        assertThat(stateOf(known)).isEqualTo("CONFIRMED");

        MockHttpServletResponse again = signUp(known, ip());
        MockHttpServletResponse fresh = signUp(address(), ip());
        assertThat(again.getStatus()).isEqualTo(fresh.getStatus()).isEqualTo(200);
        assertThat(result(again)).isEqualTo(result(fresh));
        assertThat(stateOf(known)).isEqualTo("CONFIRMED");
        // The owner of the address learns it is already subscribed, by email only.
        List<MimeMessage> mails = mailTo(known);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).getSubject()).startsWith("You are already subscribed");
        assertThat(mails.get(1).getHeader("List-Unsubscribe")).isNotEmpty();
    }

    @Test
    void aFilledHoneypotIsThankedButNothingIsStoredOrSent() throws Exception {
        String email = address();
        String page = mvc.perform(post("/newsletter")
                        .param("email", email)
                        .param("website", "http://spam.example")
                        .with(from(ip())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page).select("#newsletter-result").text()).contains("Check your inbox");
        assertThat(jdbc.sql("select count(*) from subscribers where email = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(mailTo(email)).isEmpty();
    }

    @Test
    void anInvalidAddressGetsAClearMessageAndTheFormAgain() throws Exception {
        for (String bad : List.of(
                "not-an-email", "a@b", "two@@example.org", "spaces in@example.org", "x".repeat(300) + "@example.org")) {
            String page = mvc.perform(post("/newsletter")
                            .param("email", bad)
                            .param("source", "footer")
                            .with(from(ip())))
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("does not look like an email address");
            assertThat(Jsoup.parse(page).select("#newsletter-email").attr("value"))
                    .isEqualTo(bad);
        }
        String empty = mvc.perform(post("/newsletter").param("email", "").with(from(ip())))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(empty).contains("Type your email address");
    }

    @Test
    void signupsAreRateLimitedPerAddressAndPerIp() throws Exception {
        String email = address();
        for (int i = 0; i < 3; i++) {
            assertThat(signUp(email, ip()).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse limited = signUp(email, ip());
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeader("Retry-After")).isEqualTo("3600");
        assertThat(limited.getContentAsString()).contains("too many sign-up attempts");
        assertThat(mailTo(email)).hasSize(3);

        String ip = ip();
        for (int i = 0; i < 20; i++) {
            assertThat(signUp(address(), ip).getStatus()).isEqualTo(200);
        }
        assertThat(signUp(address(), ip).getStatus()).isEqualTo(429);

        clock.advance(Duration.ofMinutes(61));
        assertThat(signUp(email, ip).getStatus()).isEqualTo(200);
    }

    @Test
    void adminsListAndExportSubscribersAsSafeCsv() throws Exception {
        String email = address();
        mvc.perform(post("/newsletter")
                        .param("email", email)
                        .param("source", "=HYPERLINK(\"http://evil.example\",\"x\")")
                        .param("section", "+cmd")
                        .with(from(ip())))
                .andExpect(status().isOk());

        StaffUser admin = new StaffUser(1L, "admin@example.org", "Admin", Role.ADMIN, "{noop}x", true);
        StaffUser editor = new StaffUser(2L, "editor@example.org", "Editor", Role.EDITOR, "{noop}x", true);
        String list = mvc.perform(get("/admin/subscribers").with(user(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list)
                .contains("Newsletter subscribers")
                .contains("Awaiting confirmation")
                .contains("subscribers-export");
        mvc.perform(get("/admin/subscribers").with(user(editor))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/subscribers.csv").with(user(editor))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/subscribers").param("page", "abc").with(user(admin)))
                .andExpect(status().isBadRequest());

        MockHttpServletResponse csv = mvc.perform(get("/admin/subscribers.csv").with(user(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment; filename=\"subscribers-");
        String body = csv.getContentAsString();
        assertThat(body)
                .startsWith(
                        "email,status,source,section,consent_ip,consented_at,confirmed_at,unsubscribed_at,created_at\r\n");
        String line = body.lines().filter(l -> l.startsWith(email)).findFirst().orElseThrow();
        assertThat(line).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'+cmd,");
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'subscribers.export'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }
}
