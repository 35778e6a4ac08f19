package org.masthead.article;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.author.AuthorService;
import org.masthead.section.SectionService;
import org.masthead.security.StaffUser;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.masthead.article.ArticleFixtures.ADMIN;
import static org.masthead.article.ArticleFixtures.CONTRIBUTOR;
import static org.masthead.article.ArticleFixtures.EDITOR;
import static org.masthead.article.ArticleFixtures.OTHER_CONTRIBUTOR;

/** The article service on the real database: permissions by role and ownership, revisions, conflicts, scheduling. */
@IntegrationTest
class ArticleServiceTests {

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleRevisions history;

    @Autowired
    ArticleScheduler scheduler;

    @Autowired
    PreviewLinks previewLinks;

    @Autowired
    DraftRescues rescues;

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

    @AfterEach
    void resetClock() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    Article draftBy(StaffUser owner) {
        signIn(owner);
        String slug = ArticleFixtures.uniqueSlug("svc");
        return articles.create(
                ArticleFixtures.changes(sections, authors, slug, "Title " + slug, "First body.\n"), owner);
    }

    void signIn(StaffUser user) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    ArticleChanges edit(Article article, String body) {
        return new ArticleChanges(
                article.getSlug(),
                new ArticleContent(article.getTitle(), "A dek", body, null, null),
                sections.all().get(0).getId(),
                List.of(),
                List.of());
    }

    int audits(String action, Article article) {
        return jdbc.queryForObject(
                "select count(*) from audit_events where action = ? and subject like ?",
                Integer.class,
                action,
                "article #" + article.getId() + " %");
    }

    // --- permissions ------------------------------------------------------------------------------------------

    @Test
    void aContributorWorksOnTheirOwnDraftsOnly() {
        Article own = draftBy(CONTRIBUTOR);
        assertThat(own.getCreatedBy()).isEqualTo(CONTRIBUTOR.getAccountId());
        articles.update(own.getId(), own.getRevision(), edit(own, "Second body."), CONTRIBUTOR);

        Article others = draftBy(OTHER_CONTRIBUTOR);
        signIn(CONTRIBUTOR);
        assertThatThrownBy(() -> articles.forEditing(others.getId(), CONTRIBUTOR))
                .isInstanceOf(ArticleAccessDeniedException.class);
        assertThatThrownBy(() -> articles.update(others.getId(), others.getRevision(), edit(others, "x"), CONTRIBUTOR))
                .isInstanceOf(ArticleAccessDeniedException.class);
        assertThatThrownBy(() -> articles.submit(others.getId(), CONTRIBUTOR))
                .isInstanceOf(ArticleAccessDeniedException.class);
        assertThatThrownBy(() -> articles.delete(others.getId(), CONTRIBUTOR))
                .isInstanceOf(ArticleAccessDeniedException.class);
        assertThatThrownBy(() -> previewLinks.create(others.getId(), CONTRIBUTOR))
                .isInstanceOf(ArticleAccessDeniedException.class);

        // Editorial moves are refused even on their own draft.
        assertThatThrownBy(() -> articles.publish(own.getId(), CONTRIBUTOR))
                .isInstanceOf(ArticleAccessDeniedException.class);
        assertThatThrownBy(() -> articles.schedule(own.getId(), clock.instant().plusSeconds(600), CONTRIBUTOR))
                .isInstanceOf(ArticleAccessDeniedException.class);
        // Their own article's revisions are theirs to read, another's are not.
        assertThat(history.revisions(own.getId(), CONTRIBUTOR)).isNotEmpty();
        assertThatThrownBy(() -> history.revisions(others.getId(), CONTRIBUTOR))
                .isInstanceOf(ArticleAccessDeniedException.class);

        assertThat(previewLinks.create(own.getId(), CONTRIBUTOR)).hasSizeGreaterThanOrEqualTo(22);
        articles.submit(own.getId(), CONTRIBUTOR);
        assertThat(articles.get(own.getId()).getStatus()).isEqualTo(ArticleStatus.IN_REVIEW);
        // Once submitted, it is in the editors' hands.
        assertThatThrownBy(() -> articles.update(
                        own.getId(), articles.get(own.getId()).getRevision(), edit(own, "y"), CONTRIBUTOR))
                .isInstanceOf(ArticleAccessDeniedException.class);
        assertThatThrownBy(() -> articles.restoreRevision(own.getId(), 1, CONTRIBUTOR))
                .isInstanceOf(ArticleAccessDeniedException.class);
        assertThat(history.revisions(own.getId(), CONTRIBUTOR)).isNotEmpty();
        assertThat(audits("article.submit", own)).isEqualTo(1);
    }

    @Test
    void aContributorDeletesTheirOwnNeverPublishedDraftToTheTrash() {
        Article own = draftBy(CONTRIBUTOR);
        articles.delete(own.getId(), CONTRIBUTOR);
        Article trashed = articles.get(own.getId());
        assertThat(trashed.getStatus()).isEqualTo(ArticleStatus.TRASHED);
        assertThat(trashed.getTrashedBy()).isEqualTo(CONTRIBUTOR.getAccountId());
        assertThat(articles.trash(CONTRIBUTOR)).extracting(TrashedArticle::id).contains(own.getId());
        assertThat(articles.trash(OTHER_CONTRIBUTOR))
                .extracting(TrashedArticle::id)
                .doesNotContain(own.getId());
        assertThatThrownBy(() -> articles.update(own.getId(), 1, edit(own, "In the trash.\n"), CONTRIBUTOR))
                .isInstanceOf(ArticleAccessDeniedException.class);
        articles.untrash(own.getId(), CONTRIBUTOR);
        assertThat(articles.get(own.getId()).getStatus()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void aReturnNoteIsAnsweredOncePublished() {
        Article article = draftBy(CONTRIBUTOR);
        long id = article.getId();
        articles.submit(id, CONTRIBUTOR);
        articles.returnToDraft(id, "One more source.", EDITOR);
        assertThat(articles.get(id).getReturnNote()).isEqualTo("One more source.");
        articles.publish(id, EDITOR);
        assertThat(articles.get(id).getReturnNote()).isNull();
        assertThat(articles.get(id).getReturnNoteBy()).isNull();
    }

    @Test
    void editorsAndAdminsWalkTheWholeLifecycle() {
        for (StaffUser editor : List.of(EDITOR, ADMIN)) {
            Article article = draftBy(CONTRIBUTOR);
            long id = article.getId();
            signIn(editor);
            articles.submit(id, CONTRIBUTOR);
            articles.returnToDraft(id, "Needs a source for the second claim.", editor);
            assertThat(articles.get(id).getReturnNote()).isEqualTo("Needs a source for the second claim.");
            articles.submit(id, CONTRIBUTOR);
            articles.schedule(id, clock.instant().plus(Duration.ofHours(2)), editor);
            articles.unschedule(id, editor);
            assertThat(articles.get(id).getStatus()).isEqualTo(ArticleStatus.DRAFT);
            articles.publish(id, editor);
            articles.addNote(id, NoteKind.CORRECTION, "Fixed a date.", editor);
            assertThat(articles.get(id).getContentUpdatedAt()).isNotNull();
            articles.unpublish(id, editor);
            articles.publish(id, editor);
            articles.archive(id, editor);
            articles.restore(id, editor);
            assertThat(articles.get(id).getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
            // A published article is never deleted.
            assertThatThrownBy(() -> articles.delete(id, editor)).isInstanceOf(IllegalTransitionException.class);
            articles.update(
                    id, articles.get(id).getRevision(), edit(articles.get(id), "Edited while published."), editor);
            assertThat(articles.get(id).getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
            for (String action : List.of(
                    "submit",
                    "return",
                    "schedule",
                    "unschedule",
                    "publish",
                    "note",
                    "unpublish",
                    "archive",
                    "restore",
                    "update",
                    "create")) {
                assertThat(audits("article." + action, article)).as(action).isPositive();
            }
        }
    }

    @Test
    void refusedTransitionsChangeNothing() {
        Article article = draftBy(EDITOR);
        long id = article.getId();
        assertThatThrownBy(() -> articles.unpublish(id, EDITOR)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> articles.archive(id, EDITOR)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> articles.restore(id, EDITOR)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> articles.unschedule(id, EDITOR)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> articles.returnToDraft(id, "", EDITOR)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> articles.addNote(id, NoteKind.UPDATE, "x", EDITOR))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> articles.schedule(id, clock.instant().minusSeconds(1), EDITOR))
                .isInstanceOf(ScheduleInPastException.class);
        assertThat(articles.get(id).getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(audits("article.unpublish", article)).isZero();
    }

    // --- revisions and conflicts ------------------------------------------------------------------------------

    @Test
    void everySaveIsARevisionAndRestoringOneMakesANewOne() {
        Article article = draftBy(EDITOR);
        long id = article.getId();
        articles.update(id, 1, edit(article, "Second body.\n"), EDITOR);
        articles.update(id, 2, edit(article, "Third body.\n"), EDITOR);
        List<ArticleRevision> revisions = history.revisions(id, EDITOR);
        assertThat(revisions).extracting(ArticleRevision::getNumber).containsExactly(3, 2, 1);
        assertThat(revisions.get(0).getCreatedByName()).isEqualTo(EDITOR.getDisplayName());
        assertThat(revisions.get(0).getCreatedBy()).isEqualTo(EDITOR.getAccountId());

        List<TextDiff.Line> diff = history.diff(id, 1, 3, EDITOR);
        assertThat(diff)
                .extracting(TextDiff.Line::kind, TextDiff.Line::text)
                .contains(tuple(TextDiff.Kind.DELETED, "First body."), tuple(TextDiff.Kind.INSERTED, "Third body."));
        assertThat(diff)
                .filteredOn(line -> line.kind() == TextDiff.Kind.INSERTED)
                .flatExtracting(TextDiff.Line::segments)
                .containsExactly(new TextDiff.Segment("Third", true), new TextDiff.Segment(" body.", false));

        articles.restoreRevision(id, 1, EDITOR);
        Article restored = articles.get(id);
        assertThat(restored.getBodyMarkdown()).isEqualTo("First body.\n");
        assertThat(restored.getBodyHtml()).contains("First body.");
        assertThat(restored.getRevision()).isEqualTo(4);
        assertThat(history.revisions(id, EDITOR)).hasSize(4);
        assertThat(audits("article.revision-restore", article)).isEqualTo(1);
    }

    @Test
    void titlesAndStandfirstsAreStoredWithTypographicPunctuation() {
        Article article = draftBy(EDITOR);
        articles.update(
                article.getId(),
                article.getRevision(),
                new ArticleChanges(
                        article.getSlug(),
                        new ArticleContent(
                                "Why \"deterrence\" isn't enough", "Ports -- and the '90s...", "Body.\n", null, null),
                        sections.all().get(0).getId(),
                        List.of(),
                        List.of()),
                EDITOR);
        Article saved = articles.get(article.getId());
        assertThat(saved.getTitle()).isEqualTo("Why “deterrence” isn’t enough");
        assertThat(saved.getDek()).isEqualTo("Ports – and the ’90s…");
        assertThat(saved.getSlug()).isEqualTo(article.getSlug());
    }

    @Test
    void aSaveBasedOnAnOldRevisionIsAConflictAndWritesNothing() {
        Article article = draftBy(EDITOR);
        long id = article.getId();
        articles.update(id, 1, edit(article, "Editor A's words.\n"), ADMIN);
        assertThatThrownBy(() -> articles.update(id, 1, edit(article, "Editor B's words.\n"), EDITOR))
                .isInstanceOf(ArticleConflictException.class);
        assertThat(articles.get(id).getBodyMarkdown()).isEqualTo("Editor A's words.\n");

        EditConflict conflict = history.conflict(id, 1);
        assertThat(conflict.lastEditorName()).isEqualTo(ADMIN.getDisplayName());
        assertThat(conflict.currentRevision()).isEqualTo(2);
        assertThat(conflict.diff())
                .extracting(TextDiff.Line::kind, TextDiff.Line::text)
                .contains(tuple(TextDiff.Kind.INSERTED, "Editor A's words."));
    }

    @Test
    void twoSavesRacingOnTheSameRevisionStoreOneAndRefuseTheOther() throws Exception {
        Article article = draftBy(EDITOR);
        long id = article.getId();
        List<Callable<String>> saves = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (StaffUser who : List.of(EDITOR, ADMIN)) {
            saves.add(() -> {
                start.await();
                try {
                    articles.update(id, 1, edit(article, who.getDisplayName() + " was here.\n"), who);
                    return "saved";
                } catch (ArticleConflictException | ObjectOptimisticLockingFailureException ex) {
                    return "conflict";
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Callable<String> save : saves) {
                results.add(pool.submit(save));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("saved", "conflict");
        } finally {
            pool.shutdown();
        }
        assertThat(articles.get(id).getRevision()).isEqualTo(2);
        assertThat(history.revisions(id, EDITOR)).hasSize(2);
    }

    // --- scheduling -------------------------------------------------------------------------------------------

    @Test
    void theSchedulerPublishesADueArticleOnceAndNotBefore() {
        Article article = draftBy(EDITOR);
        long id = article.getId();
        Instant at = clock.instant().plus(Duration.ofHours(3));
        articles.schedule(id, at, EDITOR);

        scheduler.publishDueArticles();
        assertThat(articles.get(id).getStatus()).isEqualTo(ArticleStatus.SCHEDULED);

        clock.advance(Duration.ofHours(3).plusSeconds(1));
        scheduler.publishDueArticles();
        scheduler.publishDueArticles();
        Article published = articles.get(id);
        assertThat(published.getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(published.getPublishedAt()).isEqualTo(at);
        assertThat(audits("article.publish", article)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select actor from audit_events where action = 'article.publish' and subject like ?",
                        String.class,
                        "article #" + id + " %"))
                .isEqualTo("scheduler");
    }

    @Test
    void theSchedulerRunsByItselfEveryTenSecondsUnlessTurnedOff() {
        // The tests' own context runs it by hand (the test profile turns it off), so its timing is checked here.
        ApplicationContextRunner application = new ApplicationContextRunner()
                .withBean(ArticleRepository.class, () -> Mockito.mock(ArticleRepository.class))
                .withBean(org.masthead.audit.AuditLog.class, () -> Mockito.mock(org.masthead.audit.AuditLog.class))
                .withBean(
                        org.springframework.transaction.support.TransactionTemplate.class,
                        () -> Mockito.mock(org.springframework.transaction.support.TransactionTemplate.class))
                .withBean(java.time.Clock.class, java.time.Clock::systemUTC)
                .withBean(ContributorNotices.class, () -> Mockito.mock(ContributorNotices.class))
                .withUserConfiguration(SchedulingConfiguration.class, ArticleScheduler.class);
        application.run(context -> {
            List<org.springframework.scheduling.config.Task> tasks =
                    context.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                            .flatMap(holder -> holder.getScheduledTasks().stream())
                            .map(ScheduledTask::getTask)
                            .toList();
            assertThat(tasks).singleElement().satisfies(task -> {
                assertThat(task.toString()).contains("ArticleScheduler.run");
                assertThat(task)
                        .isInstanceOfSatisfying(
                                FixedDelayTask.class,
                                delay -> assertThat(delay.getIntervalDuration()).isEqualTo(Duration.ofSeconds(10)));
            });
        });
        application
                .withPropertyValues("masthead.scheduler.enabled=false")
                .run(context -> assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                                .flatMap(holder -> holder.getScheduledTasks().stream()))
                        .isEmpty());
    }

    @Test
    void twoConcurrentSchedulerRunsPublishOnce() throws Exception {
        clock.advance(Duration.ofMinutes(2));
        while (!scheduler.publishDueArticles().isEmpty()) {
            // what other tests left due is published first, so the runs below see only this test's articles
        }
        clock.reset();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Article article = draftBy(EDITOR);
            articles.schedule(article.getId(), clock.instant().plusSeconds(60), EDITOR);
            ids.add(article.getId());
        }
        clock.advance(Duration.ofMinutes(2));
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch firstHoldsTheRows = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The first run stays inside its transaction (its rows locked) until the second run has finished.
            Future<List<Long>> first = pool.submit(() -> transaction.execute(status -> {
                List<Long> published = scheduler.publishDueArticles();
                firstHoldsTheRows.countDown();
                try {
                    assertThat(secondDone.await(60, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ex);
                }
                return published;
            }));
            assertThat(firstHoldsTheRows.await(60, TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.atomic.AtomicBoolean overlapped = new java.util.concurrent.atomic.AtomicBoolean();
            Future<List<Long>> second = pool.submit(() -> {
                try {
                    List<Long> published = scheduler.publishDueArticles();
                    // read before the first run is let go: it is still inside its transaction, holding its rows
                    overlapped.set(!first.isDone());
                    return published;
                } finally {
                    secondDone.countDown();
                }
            });
            List<Long> secondRun = second.get(60, TimeUnit.SECONDS);
            assertThat(overlapped)
                    .as("the second run ran while the first still held its rows")
                    .isTrue();
            List<Long> firstRun = first.get(60, TimeUnit.SECONDS);

            assertThat(firstRun).containsAll(ids);
            assertThat(secondRun).doesNotContainAnyElementsOf(firstRun);
        } finally {
            pool.shutdownNow();
        }
        for (Long id : ids) {
            assertThat(articles.get(id).getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
            assertThat(jdbc.queryForObject(
                            "select count(*) from audit_events where action = 'article.publish' and subject like ?",
                            Integer.class,
                            "article #" + id + " %"))
                    .isEqualTo(1);
        }
    }

    // --- preview links and rescues ----------------------------------------------------------------------------

    @Test
    void previewLinksExpireAndCanBeRevoked() {
        Article article = draftBy(EDITOR);
        String token = previewLinks.create(article.getId(), EDITOR);
        assertThat(jdbc.queryForObject("select count(*) from preview_links where token_hash = ?", Integer.class, token))
                .isZero();
        assertThat(previewLinks.open(token)).map(Article::getId).contains(article.getId());
        assertThat(previewLinks.open(token + "x")).isEmpty();

        clock.advance(PreviewLinks.LIFETIME.plusSeconds(1));
        assertThat(previewLinks.open(token)).isEmpty();
        clock.reset();

        String second = previewLinks.create(article.getId(), EDITOR);
        PreviewLink link = previewLinks.of(article.getId()).get(0);
        previewLinks.revoke(article.getId(), link.getId(), EDITOR);
        assertThat(previewLinks.open(second)).isEmpty();
    }

    @Test
    void aRescuedFormIsOnlyForTheMemberItWasKeptForAndExpires() {
        String key = rescues.keep(EDITOR.getAccountId(), null, java.util.Map.of("title", List.of("Lost words")))
                .orElseThrow();
        assertThat(rescues.claim(key, ADMIN)).isEmpty();
        assertThat(rescues.claim(key, EDITOR)).map(r -> r.fields().get("title")).contains(List.of("Lost words"));
        assertThat(rescues.claim(key, EDITOR)).isPresent();
        clock.advance(DraftRescues.LIFETIME.plusSeconds(1));
        assertThat(rescues.claim(key, EDITOR)).isEmpty();
        clock.reset();
    }

    @Test
    void rescuesAreBoundedInSizeAndInNumberPerMember() {
        assertThat(rescues.keep(
                        ADMIN.getAccountId(),
                        null,
                        java.util.Map.of("bodyMarkdown", List.of("x".repeat(DraftRescues.MAX_BYTES)))))
                .isEmpty();
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i <= DraftRescues.MAX_PER_MEMBER; i++) {
            keys.add(rescues.keep(ADMIN.getAccountId(), null, java.util.Map.of("title", List.of("Try " + i)))
                    .orElseThrow());
        }
        assertThat(rescues.claim(keys.get(0), ADMIN))
                .as("the oldest is dropped")
                .isEmpty();
        for (String key : keys.subList(1, keys.size())) {
            assertThat(rescues.claim(key, ADMIN)).isPresent();
        }
    }
}
