package org.masthead.article;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.author.AuthorService;
import org.masthead.event.ArticleUnpublished;
import org.masthead.section.SectionService;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.masthead.article.ArticleFixtures.CONTRIBUTOR;
import static org.masthead.article.ArticleFixtures.EDITOR;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An expiry on a published article: the scheduler that publishes unpublishes it when the time comes (back to draft,
 * audited as {@code article.expire}, announced as {@link ArticleUnpublished}), exactly once however many nodes run
 * it, and readers get a 404 after.
 */
@IntegrationTest
@RecordApplicationEvents
class ArticleExpiryTests {

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleScheduler scheduler;

    @Autowired
    ScheduledPublications next;

    @Autowired
    SectionService sections;

    @Autowired
    AuthorService authors;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEvents events;

    @AfterEach
    void reset() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    Article published() {
        Article article =
                ArticleFixtures.draftBy(articles, sections, authors, EDITOR, "expiry", "A first paragraph.\n");
        signIn(EDITOR);
        articles.publish(article.getId(), EDITOR);
        return article;
    }

    static void signIn(StaffUser user) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    int audits(String action, long id) {
        return jdbc.queryForObject(
                "select count(*) from audit_events where action = ? and subject like ?",
                Integer.class,
                action,
                "article #" + id + " %");
    }

    /** What other tests left to expire comes down first, so the runs below see only this test's articles. */
    void expireWhatOthersLeft() {
        clock.advance(Duration.ofDays(400));
        while (!scheduler.expireDueArticles().isEmpty()) {
            // again
        }
        clock.reset();
    }

    @Test
    void anExpiredArticleComesDownOnceAndReadersGetA404() throws Exception {
        Article article = published();
        Instant at = clock.instant().plus(Duration.ofHours(2));
        articles.expireAt(article.getId(), at, EDITOR);
        mvc.perform(get("/articles/" + article.getSlug())).andExpect(status().isOk());
        assertThat(next.next()).hasValueSatisfying(moment -> assertThat(moment).isBeforeOrEqualTo(at));

        assertThat(scheduler.expireDueArticles()).doesNotContain(article.getId());
        assertThat(articles.get(article.getId()).getStatus()).isEqualTo(ArticleStatus.PUBLISHED);

        clock.advance(Duration.ofHours(2).plusSeconds(1));
        events.clear();
        assertThat(scheduler.expireDueArticles()).contains(article.getId());
        assertThat(scheduler.expireDueArticles()).doesNotContain(article.getId());
        Article after = articles.get(article.getId());
        assertThat(after.getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(after.getExpiresAt()).isNull();
        assertThat(audits("article.expire", article.getId())).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select actor from audit_events where action = 'article.expire' and subject like ?",
                        String.class,
                        "article #" + article.getId() + " %"))
                .isEqualTo("scheduler");
        assertThat(events.stream(ArticleUnpublished.class).filter(e -> e.articleId() == article.getId()))
                .hasSize(1);
        mvc.perform(get("/articles/" + article.getSlug())).andExpect(status().isNotFound());
    }

    @Test
    void twoConcurrentRunsUnpublishAnExpiredArticleOnce() throws Exception {
        expireWhatOthersLeft();
        Article one = published();
        Article two = published();
        articles.expireAt(one.getId(), clock.instant().plusSeconds(60), EDITOR);
        articles.expireAt(two.getId(), clock.instant().plusSeconds(60), EDITOR);
        clock.advance(Duration.ofMinutes(2));
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch firstHoldsTheRows = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The first run stays inside its transaction (its rows locked) until the second run has finished.
            Future<List<Long>> first = pool.submit(() -> transaction.execute(status -> {
                List<Long> expired = scheduler.expireDueArticles();
                firstHoldsTheRows.countDown();
                try {
                    assertThat(secondDone.await(60, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ex);
                }
                return expired;
            }));
            assertThat(firstHoldsTheRows.await(60, TimeUnit.SECONDS)).isTrue();
            AtomicBoolean overlapped = new AtomicBoolean();
            Future<List<Long>> second = pool.submit(() -> {
                try {
                    List<Long> expired = scheduler.expireDueArticles();
                    overlapped.set(!first.isDone());
                    return expired;
                } finally {
                    secondDone.countDown();
                }
            });
            List<Long> secondRun = second.get(60, TimeUnit.SECONDS);
            assertThat(overlapped)
                    .as("the second run ran while the first still held its rows")
                    .isTrue();
            List<Long> firstRun = first.get(60, TimeUnit.SECONDS);
            assertThat(firstRun).contains(one.getId(), two.getId());
            assertThat(secondRun).doesNotContainAnyElementsOf(firstRun);
        } finally {
            pool.shutdownNow();
        }
        for (Article article : List.of(one, two)) {
            assertThat(articles.get(article.getId()).getStatus()).isEqualTo(ArticleStatus.DRAFT);
            assertThat(audits("article.expire", article.getId())).isEqualTo(1);
        }
    }

    @Test
    void anExpiryIsTheEditorsIsStillToComeAndFollowsAScheduledPublication() {
        Article article = published();
        assertThatThrownBy(
                        () -> articles.expireAt(article.getId(), clock.instant().plusSeconds(60), CONTRIBUTOR))
                .isInstanceOf(ArticleAccessDeniedException.class);
        assertThatThrownBy(
                        () -> articles.expireAt(article.getId(), clock.instant().minusSeconds(1), EDITOR))
                .isInstanceOf(ScheduleInPastException.class);

        Article scheduled = ArticleFixtures.draftBy(articles, sections, authors, EDITOR, "expiry", "Words.\n");
        signIn(EDITOR);
        Instant at = clock.instant().plus(Duration.ofDays(1));
        articles.schedule(scheduled.getId(), at, EDITOR);
        assertThatThrownBy(() -> articles.expireAt(scheduled.getId(), at, EDITOR))
                .isInstanceOf(ExpiryNotAfterPublicationException.class);
        articles.expireAt(scheduled.getId(), at.plus(Duration.ofDays(1)), EDITOR);
        // Moving the publication past its expiry is refused; publishing keeps the expiry, and it then comes down.
        assertThatThrownBy(() -> articles.reschedule(scheduled.getId(), at.plus(Duration.ofDays(2)), EDITOR))
                .isInstanceOf(ExpiryNotAfterPublicationException.class);
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        scheduler.publishDueArticles();
        assertThat(articles.get(scheduled.getId()).getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(articles.get(scheduled.getId()).getExpiresAt()).isEqualTo(at.plus(Duration.ofDays(1)));
        clock.advance(Duration.ofDays(1));
        scheduler.expireDueArticles();
        assertThat(articles.get(scheduled.getId()).getStatus()).isEqualTo(ArticleStatus.DRAFT);

        // Unpublishing by hand drops the expiry: a later publication stays up until told otherwise.
        articles.expireAt(article.getId(), clock.instant().plus(Duration.ofDays(5)), EDITOR);
        articles.unpublish(article.getId(), EDITOR);
        assertThat(articles.get(article.getId()).getExpiresAt()).isNull();
    }
}
