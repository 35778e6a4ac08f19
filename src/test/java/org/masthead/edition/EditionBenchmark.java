package org.masthead.edition;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.masthead.IntegrationTest;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.newsletter.Audience;
import org.masthead.section.Section;
import org.masthead.security.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sending one edition to 10,000 subscribers through the real background jobs to a local SMTP server (GreenMail,
 * in this JVM), with the rate limit off. Not part of {@code ./mvnw verify}; run it with
 * <pre>./mvnw -Dtest=EditionBenchmark -Dmasthead.bench=true test</pre>
 * ({@code -Dmasthead.bench.subscribers=N}, {@code -Dmasthead.bench.senders=N}). Reports the time to start the send
 * (render once, fill the outbox with one insert ... select), emails handed to SMTP per second, and the heap after a
 * full GC at each quarter of the send (GreenMail's own store is emptied at each sample, so the figure is the
 * application's). Figures go to the console and target/benchmarks/newsletter.txt.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "masthead.bench", matches = "true")
class EditionBenchmark {

    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("masthead.jobs.enabled", () -> true);
        registry.add("masthead.jobs.poll-delay", () -> "200ms");
        registry.add("masthead.newsletter.rate", () -> 0);
        registry.add("masthead.newsletter.senders", () -> Integer.getInteger("masthead.bench.senders", 2));
        registry.add("masthead.newsletter.batch-size", () -> 50);
        registry.add("masthead.jobs.threads", () -> Math.max(4, Integer.getInteger("masthead.bench.senders", 2)));
    }

    @AfterAll
    static void stop() {
        MAIL.stop();
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestContent content;

    @Autowired
    EditionService editions;

    @Autowired
    org.masthead.TestSmtp testSmtp;

    @Test
    void sendToTenThousand() throws Exception {
        int subscribers = Integer.getInteger("masthead.bench.subscribers", 10_000);
        // The test infrastructure chooses the SMTP server at run time: the benchmark's own GreenMail.
        testSmtp.useServerOn(MAIL.getSmtp().getPort());
        List<String> report = new ArrayList<>();
        report.add("PostgreSQL "
                + jdbc.sql("show server_version").query(String.class).single() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, senders "
                + Integer.getInteger("masthead.bench.senders", 2) + ", batch 50, rate limit off");
        report.add(baseline(500));
        Section section = content.section();
        Author author = content.author();
        List<Long> articles = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Article article = content.published(
                    section, List.of(author), List.of(), Instant.now().minusSeconds(3600 + i));
            articles.add(article.getId());
        }
        jdbc.sql("""
                        with made as (
                            insert into subscribers (email, status, consented_at, confirmed_at, created_at, updated_at,
                                                     all_editions)
                            select 'bench-' || :run || '-' || g || '@example.org', 'CONFIRMED', now(), now(), now(), now(),
                                   false
                            from generate_series(1, :n) g
                            returning id)
                        insert into subscriber_sections (subscriber_id, section_id) select id, :section from made""")
                .param("run", TestContent.unique("b"))
                .param("n", subscribers)
                .param("section", section.getId())
                .update();
        jdbc.sql("analyze subscribers").update();

        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "bench-editor", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
        long id;
        try {
            Edition edition = editions.create(
                    Actor.importing("test"),
                    new EditionService.EditionChanges(
                            "Benchmark " + TestContent.unique("e"),
                            "A week of articles",
                            "The week's *reading*, in [five articles](/).",
                            Audience.SECTION,
                            section.getId()),
                    1L,
                    articles.get(0));
            id = edition.getId();
            for (Long article : articles.subList(1, articles.size())) {
                editions.addArticle(Actor.importing("test"), id, article);
            }
            long heapBefore = heapAfterGc();
            long started = System.nanoTime();
            int recipients = editions.sendNow(Actor.importing("test"), id);
            long enqueued = System.nanoTime();
            report.add(String.format(
                    "send start (render once + insert ... select of %,d outbox rows + enqueue senders): %d ms",
                    recipients, (enqueued - started) / 1_000_000));
            report.add(String.format(
                    "load average at start: %.1f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            report.add(String.format("heap after full GC, before the send: %d MB", heapBefore / (1024 * 1024)));

            long received = 0;
            int nextQuarter = 1;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            long sent;
            while (true) {
                sent = jdbc.sql("select count(*) from edition_deliveries where edition_id = :id and state = 'SENT'")
                        .param("id", id)
                        .query(Long.class)
                        .single();
                if (nextQuarter <= 4 && sent >= (long) recipients * nextQuarter / 4) {
                    received += MAIL.getReceivedMessages().length;
                    MAIL.purgeEmailFromAllMailboxes();
                    report.add(String.format(
                            "heap after full GC at %d%% sent (%,d): %d MB",
                            nextQuarter * 25, sent, heapAfterGc() / (1024 * 1024)));
                    nextQuarter++;
                }
                String state = editions.progress(id).state();
                if ("SENT".equals(state) || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(100);
            }
            long finished = System.nanoTime();
            received += MAIL.getReceivedMessages().length;
            double seconds = (finished - enqueued) / 1e9;
            report.add(String.format(
                    "sent %,d of %,d in %.1f s: %.0f emails/s handed to SMTP (GreenMail counted %,d)",
                    sent, recipients, seconds, sent / seconds, received));
            assertThat(sent).isEqualTo(recipients);
        } finally {
            SecurityContextHolder.clearContext();
        }
        report.forEach(System.out::println);
        Path out = Path.of("target/benchmarks/newsletter.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    /**
     * The ceiling, measured side by side: the same kind of email, built and handed over one SMTP connection to the
     * same GreenMail, with no database at all.
     */
    private String baseline(int count) throws Exception {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(MAIL.getSmtp().getPort());
        Session session = smtp.getSession();
        String html = "<table><tr><td>" + "x".repeat(8000) + "</td></tr></table>";
        long started;
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(smtp.getHost(), smtp.getPort(), null, null);
            started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("newsletter@localhost"));
                message.setRecipient(
                        jakarta.mail.Message.RecipientType.TO, new InternetAddress("baseline-" + i + "@example.org"));
                message.setSubject("Baseline");
                MimeMultipart alternative = new MimeMultipart("alternative");
                MimeBodyPart text = new MimeBodyPart();
                text.setText("x".repeat(3000), "UTF-8");
                MimeBodyPart part = new MimeBodyPart();
                part.setText(html, "UTF-8", "html");
                alternative.addBodyPart(text);
                alternative.addBodyPart(part);
                message.setContent(alternative);
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        MAIL.purgeEmailFromAllMailboxes();
        return String.format(
                "baseline, no database: %,d emails over one connection to the same GreenMail in %.1f s: %.0f emails/s",
                count, seconds, count / seconds);
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
