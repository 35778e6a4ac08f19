package org.masthead.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/** The jobs table against the real PostgreSQL, with two workers ("nodes") racing for the same jobs. */
@IntegrationTest
class JobsTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Counts its runs per job id; slow enough that the two workers overlap. */
    static final class Counting implements JobHandler {
        final String type = "test.count-" + UUID.randomUUID();
        final Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
        final Map<Long, String> payloads = new ConcurrentHashMap<>();

        @Override
        public String type() {
            return type;
        }

        @Override
        public JobOutcome run(Job job) throws Exception {
            runs.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
            payloads.put(job.id(), job.payload());
            Thread.sleep(2);
            return JobOutcome.done();
        }
    }

    Jobs node(String name, JobHandler handler, Duration lease) {
        return new Jobs(
                jdbc,
                transactions,
                List.of(handler),
                new JobProperties(true, Duration.ofSeconds(1), 2, lease, Duration.ofSeconds(2), Duration.ofSeconds(6)),
                clock,
                name);
    }

    String state(long id) {
        return jdbc.sql("select state from jobs where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    @Test
    void twoWorkersNeverRunOneJobTwice() throws Exception {
        Counting handler = new Counting();
        Jobs a = node("node-a", handler, Duration.ofMinutes(5));
        Jobs b = node("node-b", handler, Duration.ofMinutes(5));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(a.enqueue(handler.type(), "payload-" + i, clock.instant()));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> ran = new ArrayList<>();
            for (Jobs node : List.of(a, b, a, b)) {
                ran.add(threads.submit(node::runDueNow));
            }
            List<Integer> counts = new ArrayList<>();
            for (Future<Integer> f : ran) {
                counts.add(f.get());
            }
            assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
            assertThat(counts.stream().filter(count -> count > 0).count())
                    .as("both nodes took a share")
                    .isGreaterThan(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(handler.runs.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(handler.runs.values())
                .allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(ids).allSatisfy(id -> assertThat(state(id)).isEqualTo("DONE"));
    }

    @Test
    void aJobIsNotRunBeforeItsTime() {
        Counting handler = new Counting();
        Jobs a = node("node-a", handler, Duration.ofMinutes(5));
        long id = a.enqueue(handler.type(), "later", clock.instant().plus(Duration.ofHours(1)));
        assertThat(a.runDueNow()).isZero();
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(a.runDueNow()).isEqualTo(1);
        assertThat(handler.runs.get(id).get()).isEqualTo(1);
    }

    @Test
    void aJobWhoseNodeDiedIsTakenAgainAfterItsLeaseAndTheDeadNodeChangesNothing() {
        Counting handler = new Counting();
        Jobs dying = node("node-dying", handler, Duration.ofMinutes(5));
        Jobs other = node("node-other", handler, Duration.ofMinutes(5));
        long id = dying.enqueue(handler.type(), "crash", clock.instant());
        List<Job> claimed = dying.claim(10);
        assertThat(claimed).extracting(Job::id).containsExactly(id);
        assertThat(other.runDueNow()).as("the lease holds").isZero();

        clock.advance(Duration.ofMinutes(6));
        assertThat(other.runDueNow()).isEqualTo(1);
        assertThat(state(id)).isEqualTo("DONE");
        dying.run(claimed.get(0)); // the first node wakes up late: its result is fenced off
        assertThat(handler.runs.get(id).get()).isEqualTo(2);
        assertThat(jdbc.sql("select attempts from jobs where id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aJobWhoseNodeMissedItsHeartbeatsIsTakenOverAtOnceNotAfterItsLease() {
        Counting handler = new Counting();
        Jobs dying = node("node-silent-" + UUID.randomUUID(), handler, Duration.ofMinutes(5));
        Jobs other = node("node-alive-" + UUID.randomUUID(), handler, Duration.ofMinutes(5));
        dying.beat();
        other.beat();
        long id = dying.enqueue(handler.type(), "silent", clock.instant());
        List<Job> claimed = dying.claim(10);
        assertThat(claimed).extracting(Job::id).containsExactly(id);

        clock.advance(Duration.ofSeconds(4));
        dying.beat();
        other.beat();
        assertThat(other.runDueNow())
                .as("a node that keeps beating keeps its job")
                .isZero();
        assertThat(other.activity(handler.type(), "silent").running()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(7)); // the dying node missed three heartbeats
        other.beat();
        assertThat(other.deadNodes(List.of(dying.node(), other.node()))).containsExactly(dying.node());
        Jobs.Activity orphaned = other.activity(handler.type(), "silent");
        assertThat(orphaned.orphaned()).isEqualTo(1);
        assertThat(orphaned.running()).isZero();
        assertThat(other.runDueNow())
                .as("taken over 11 s after the claim, not 5 minutes")
                .isEqualTo(1);
        assertThat(state(id)).isEqualTo("DONE");
        dying.run(claimed.get(0)); // the silent node wakes up: its result is fenced off
        assertThat(state(id)).isEqualTo("DONE");
    }

    @Test
    void aStoppedNodesJobIsTakenOverAtOnce() {
        Counting handler = new Counting();
        Jobs stopping = node("node-stopping-" + UUID.randomUUID(), handler, Duration.ofMinutes(5));
        Jobs other = node("node-other-" + UUID.randomUUID(), handler, Duration.ofMinutes(5));
        stopping.beat();
        long id = stopping.enqueue(handler.type(), "stopped", clock.instant());
        assertThat(stopping.claim(10)).hasSize(1);
        assertThat(other.runDueNow()).isZero();
        stopping.stopped();
        assertThat(other.runDueNow()).isEqualTo(1);
        assertThat(state(id)).isEqualTo("DONE");
    }

    @Test
    void aFailingJobIsRetriedWithBackoffThenKeptAsFailed() {
        AtomicInteger calls = new AtomicInteger();
        JobHandler failing = new JobHandler() {
            final String type = "test.fail-" + UUID.randomUUID();

            @Override
            public String type() {
                return type;
            }

            @Override
            public JobOutcome run(Job job) {
                calls.incrementAndGet();
                throw new IllegalStateException("boom");
            }
        };
        Jobs a = node("node-a", failing, Duration.ofMinutes(5));
        long id = a.enqueue(failing.type(), "", clock.instant());
        jdbc.sql("update jobs set max_attempts = 3 where id = :id")
                .param("id", id)
                .update();
        assertThat(a.runDueNow()).isEqualTo(1);
        assertThat(state(id)).isEqualTo("QUEUED");
        assertThat(a.runDueNow()).as("not before its back-off").isZero();
        clock.advance(Duration.ofSeconds(6));
        a.runDueNow();
        clock.advance(Duration.ofSeconds(11));
        a.runDueNow();
        assertThat(calls.get()).isEqualTo(3);
        assertThat(state(id)).isEqualTo("FAILED");
        assertThat(jdbc.sql("select last_error from jobs where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .contains("boom");
    }

    @Test
    void backoffDoublesUpToAnHour() {
        assertThat(Jobs.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Jobs.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Jobs.backoff(30)).isEqualTo(Duration.ofHours(1));
    }
}
