package org.masthead.article.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.TestSmtp;
import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleScheduler;
import org.masthead.article.ArticleService;
import org.masthead.author.Author;
import org.masthead.author.AuthorChanges;
import org.masthead.author.AuthorService;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.article.ArticleFixtures.EDITOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A contributor is told on the dashboard and by e-mail (received by an in-process SMTP server) when an editor
 * returns their piece with a note, and when it is published, now or at its scheduled time; nobody is told of their
 * own moves, and a contributor with no part in the piece hears nothing. Notices stay until their owner dismisses
 * them.
 */
@IntegrationTest
class ContributorNoticesHttpTests {

    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    AuthorService authors;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleScheduler scheduler;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestSmtp smtp;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void receiveMail() {
        smtp.useServerOn(MAIL.getSmtp().getPort());
    }

    @AfterEach
    void noMail() {
        smtp.none();
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    record Contributor(StaffUser user, Author own) {}

    Contributor contributor() {
        long account = content.account(Role.CONTRIBUTOR);
        String email = jdbc.queryForObject("select email from accounts where id = ?", String.class, account);
        StaffUser user = new StaffUser(account, email, "Contributor " + account, Role.CONTRIBUTOR, "{noop}x", true);
        Author own = authors.create(
                Actor.importing("test"),
                new AuthorChanges("Writer " + account, "writer-" + account, "", "", null, account, List.of()));
        return new Contributor(user, own);
    }

    Article draftBy(Contributor writer, String title) {
        signIn(writer.user());
        return articles.create(
                new ArticleChanges(
                        null,
                        new ArticleContent(title, "", "Words of my own.", "", ""),
                        content.section().getId(),
                        List.of(writer.own().getId()),
                        List.of()),
                writer.user());
    }

    @Test
    void aReturnedPieceAndItsPublicationAreToldToItsContributorOnly() throws Exception {
        Contributor writer = contributor();
        Contributor bystander = contributor();
        String title = TestContent.unique("Told piece");
        Article article = draftBy(writer, title);
        articles.submit(article.getId(), writer.user());
        assertThat(mailTo(writer.user().getEmail()))
                .as("nothing for one's own move")
                .isEmpty();

        signIn(EDITOR);
        articles.returnToDraft(article.getId(), "Please cite the 2019 report.", EDITOR);

        List<MimeMessage> returned = mailTo(writer.user().getEmail());
        assertThat(returned).hasSize(1);
        assertThat(returned.get(0).getSubject()).isEqualTo("Returned to you: " + title);
        String body = GreenMailUtil.getBody(returned.get(0));
        assertThat(body).contains("Please cite the 2019 report.").contains("/admin/articles/" + article.getId());
        assertThat(mailTo(bystander.user().getEmail())).isEmpty();
        assertThat(mailTo(EDITOR.getEmail())).isEmpty();

        Document dashboard = dashboard(writer.user());
        assertThat(dashboard.select("#for-you li")).hasSize(1);
        assertThat(dashboard.select("#for-you").text())
                .contains("Returned to you with a note by " + EDITOR.getDisplayName())
                .contains(title)
                .contains("Please cite the 2019 report.");
        assertThat(dashboard.select("#for-you a").attr("href")).isEqualTo("/admin/articles/" + article.getId());
        assertThat(dashboard(bystander.user()).select("#for-you")).isEmpty();
        assertThat(dashboard(EDITOR).select("#for-you")).isEmpty();

        // Only its owner dismisses a notice.
        long id = Long.parseLong(dashboard.select("#for-you li").attr("id").substring("notice-".length()));
        mvc.perform(post("/admin/notices/" + id + "/dismiss").with(csrf()).with(user(bystander.user())))
                .andExpect(status().is3xxRedirection());
        assertThat(dashboard(writer.user()).select("#notice-" + id)).hasSize(1);
        mvc.perform(post("/admin/notices/" + id + "/dismiss").with(csrf()).with(user(writer.user())))
                .andExpect(status().is3xxRedirection());
        assertThat(dashboard(writer.user()).select("#for-you")).isEmpty();

        signIn(EDITOR);
        articles.publish(article.getId(), EDITOR);
        List<MimeMessage> mails = mailTo(writer.user().getEmail());
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).getSubject()).isEqualTo("Published: " + title);
        assertThat(GreenMailUtil.getBody(mails.get(1))).contains("/articles/" + article.getSlug());
        assertThat(dashboard(writer.user()).select("#for-you").text())
                .contains("Published:")
                .contains(title);
        assertThat(mailTo(bystander.user().getEmail())).isEmpty();
    }

    @Test
    void aPiecePublishedAtItsScheduledTimeIsTold() throws Exception {
        Contributor writer = contributor();
        String title = TestContent.unique("Scheduled piece");
        Article article = draftBy(writer, title);
        signIn(EDITOR);
        articles.schedule(article.getId(), clock.instant().plus(Duration.ofHours(1)), EDITOR);
        assertThat(mailTo(writer.user().getEmail())).isEmpty();

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        while (!scheduler.publishDueArticles().isEmpty()) {
            // what other tests left due is published too
        }
        List<MimeMessage> mails = mailTo(writer.user().getEmail());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Published: " + title);
        assertThat(dashboard(writer.user()).select("#for-you li")).hasSize(1);

        // Two notices: one button dismisses them all.
        signIn(EDITOR);
        articles.unpublish(article.getId(), EDITOR);
        signIn(writer.user());
        articles.submit(article.getId(), writer.user());
        signIn(EDITOR);
        articles.returnToDraft(article.getId(), "", EDITOR);
        assertThat(dashboard(writer.user()).select("#for-you li")).hasSize(2);
        mvc.perform(post("/admin/notices/dismiss").with(csrf()).with(user(writer.user())))
                .andExpect(status().is3xxRedirection());
        assertThat(dashboard(writer.user()).select("#for-you")).isEmpty();
    }

    Document dashboard(StaffUser as) throws Exception {
        String html = mvc.perform(get("/admin").with(user(as)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(html);
    }

    static void signIn(StaffUser user) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    static List<MimeMessage> mailTo(String email) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(email);
                    } catch (MessagingException ex) {
                        return false;
                    }
                })
                .toList();
    }
}
