package org.masthead.edition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadApplication;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.newsletter.Audience;
import org.masthead.section.Section;
import org.masthead.security.Actor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two app nodes on one PostgreSQL (two application contexts in this JVM, each with its own job worker) send one
 * edition: every email goes exactly once, and both nodes take part.
 */
class EditionTwoNodesTests {

    static ConfigurableApplicationContext node(int smtpPort) {
        return new SpringApplicationBuilder(MastheadApplication.class)
                .run(
                        "--server.port=0",
                        "--masthead.jobs.enabled=true",
                        "--masthead.jobs.poll-delay=200ms",
                        "--masthead.jobs.threads=2",
                        "--masthead.scheduler.enabled=false",
                        "--masthead.demo-content=false",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtpPort,
                        "--masthead.newsletter.postal-address=1 Quay Street, Harbour Town",
                        "--masthead.newsletter.rate=100",
                        "--masthead.newsletter.senders=4",
                        "--masthead.newsletter.batch-size=5",
                        "--spring.jmx.enabled=false");
    }

    @Test
    void twoNodesSendingOneEditionDeliverEachEmailOnce() throws Exception {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        ConfigurableApplicationContext a = null;
        ConfigurableApplicationContext b = null;
        try {
            a = node(mail.getSmtp().getPort());
            b = node(mail.getSmtp().getPort());
            JdbcClient jdbc = a.getBean(JdbcClient.class);
            TestContent content = a.getBean(TestContent.class);
            Section section = content.section();
            Author author = content.author();
            Article article = content.published(
                    section, List.of(author), List.of(), Instant.now().minusSeconds(3600));
            List<String> readers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String email = "node-reader-" + i + "-" + TestContent.unique("n") + "@example.org";
                long id = jdbc.sql("""
                                insert into subscribers (email, status, consented_at, confirmed_at, created_at,
                                                         updated_at, all_editions)
                                values (:email, 'CONFIRMED', now(), now(), now(), now(), false) returning id""").param("email", email).query(Long.class).single();
                jdbc.sql("insert into subscriber_sections (subscriber_id, section_id) values (:s, :section)")
                        .param("s", id)
                        .param("section", section.getId())
                        .update();
                readers.add(email);
            }
            String subject = "Two nodes " + TestContent.unique("edition");
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            "two-nodes-editor", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
            long editionId;
            try {
                EditionService editions = a.getBean(EditionService.class);
                Edition edition = editions.create(
                        Actor.importing("test"),
                        new EditionService.EditionChanges(subject, "", "", Audience.SECTION, section.getId()),
                        1L,
                        article.getId());
                editionId = edition.getId();
                editions.sendNow(Actor.importing("test"), editionId);
            } finally {
                SecurityContextHolder.clearContext();
            }

            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> "SENT"
                            .equals(jdbc.sql("select state from editions where id = :id")
                                    .param("id", editionId)
                                    .query(String.class)
                                    .single()));
            Map<String, Long> received = EditionMail.withSubject(mail, subject).stream()
                    .collect(Collectors.groupingBy(EditionMail::to, Collectors.counting()));
            assertThat(received.keySet()).containsAll(readers);
            assertThat(received.values()).as("every email once").containsOnly(1L);
            assertThat(jdbc.sql("select count(distinct claimed_by) from edition_deliveries"
                                    + " where edition_id = :id and state = 'SENT'")
                            .param("id", editionId)
                            .query(Long.class)
                            .single())
                    .as("both nodes sent part of it")
                    .isEqualTo(2);
            assertThat(readers.stream().collect(Collectors.toMap(Function.identity(), received::get)))
                    .allSatisfy((reader, count) -> assertThat(count).isEqualTo(1L));
        } finally {
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
            mail.stop();
        }
    }
}
