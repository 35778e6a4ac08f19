package org.masthead.job;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one background-job mechanism: a {@code jobs} table in PostgreSQL. {@link #enqueue} adds a job (inside the
 * caller's transaction, so it exists exactly when the caller's change was committed); workers on every node claim
 * due jobs with {@code for update skip locked}, so a job runs on one node at a time, and a job whose node died is
 * taken again when its lease runs out. A failing job is retried with back-off (5 s, 10 s, 20 s… up to an hour)
 * until its attempts run out, then kept as FAILED with its error.
 *
 * <p>Today the newsletter's sends run here. Scheduled publication ({@code article/ArticleScheduler}) still polls
 * on its own; it can move here as a job type whose handler publishes what is due and answers
 * {@link JobOutcome#again} for its next run, and imports likewise.
 */
@Service
public class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LAST_RETRY = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Supplier<List<JobHandler>> handlerBeans;
    private volatile Map<String, JobHandler> handlers;
    private final JobProperties properties;
    private final Clock clock;
    private final String node;

    /** Handlers are looked up on first use: they may themselves enqueue jobs (and so depend on this bean). */
    @Autowired
    Jobs(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ObjectProvider<JobHandler> handlers,
            JobProperties properties,
            Clock clock) {
        this(jdbc, transactions, () -> handlers.orderedStream().toList(), properties, clock, nodeName());
    }

    Jobs(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            List<JobHandler> handlers,
            JobProperties properties,
            Clock clock,
            String node) {
        this(jdbc, transactions, () -> handlers, properties, clock, node);
    }

    private Jobs(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Supplier<List<JobHandler>> handlers,
            JobProperties properties,
            Clock clock,
            String node) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.handlerBeans = handlers;
        this.properties = properties;
        this.clock = clock;
        this.node = node;
    }

    private Map<String, JobHandler> handlers() {
        Map<String, JobHandler> found = handlers;
        if (found == null) {
            found = handlerBeans.get().stream().collect(Collectors.toMap(JobHandler::type, Function.identity()));
            handlers = found;
        }
        return found;
    }

    /** Adds a job, due at {@code runAt}, in the caller's transaction if there is one; answers its id. */
    public long enqueue(String type, String payload, Instant runAt) {
        return jdbc.sql("""
                        insert into jobs (type, payload, run_at, created_at)
                        values (:type, :payload, :runAt, :now) returning id""")
                .param("type", type)
                .param("payload", payload)
                .param("runAt", Timestamp.from(runAt))
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    /** Removes the waiting (not running) jobs of this type and payload; answers how many. */
    public int cancel(String type, String payload) {
        return jdbc.sql("delete from jobs where type = :type and payload = :payload and state = 'QUEUED'")
                .param("type", type)
                .param("payload", payload)
                .update();
    }

    /** How many jobs of this type and payload are waiting or running. */
    public int pending(String type, String payload) {
        return jdbc.sql("select count(*) from jobs where type = :type and payload = :payload"
                        + " and state in ('QUEUED', 'RUNNING')")
                .param("type", type)
                .param("payload", payload)
                .query(Integer.class)
                .single();
    }

    /**
     * Claims up to {@code max} due jobs of the types this node can run: waiting ones whose time has come, and
     * running ones whose node is known dead (it missed its heartbeats for {@code masthead.jobs.node-timeout}, or
     * stopped) or whose lease ran out. Committed before it returns, so other nodes skip them.
     */
    List<Job> claim(int max) {
        Map<String, JobHandler> handlers = handlers();
        if (handlers.isEmpty() || max <= 0) {
            return List.of();
        }
        Instant now = clock.instant();
        return transaction.execute(status -> jdbc.sql("""
                        update jobs set state = 'RUNNING', attempts = attempts + 1, locked_by = :node,
                               locked_until = :until
                        where id in (select id from jobs
                                     where type in (:types)
                                       and ((state = 'QUEUED' and run_at <= :now)
                                            or (state = 'RUNNING' and (locked_until < :now
                                                or locked_by in (select node from job_nodes
                                                                 where heartbeat_at < :dead
                                                                    or stopped_at is not null))))
                                     order by run_at, id
                                     limit :max
                                     for update skip locked)
                        returning id, type, payload, attempts, run_at""")
                .param("node", node)
                .param("until", Timestamp.from(now.plus(properties.lease())))
                .param("dead", Timestamp.from(now.minus(properties.nodeTimeout())))
                .param("types", List.copyOf(handlers.keySet()))
                .param("now", Timestamp.from(now))
                .param("max", max)
                .query((rs, row) -> new Job(
                        rs.getLong("id"),
                        rs.getString("type"),
                        rs.getString("payload"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("run_at").toInstant()))
                .list());
    }

    /** Runs a claimed job on the calling thread and records how it ended. */
    void run(Job job) {
        JobHandler handler = handlers().get(job.type());
        JobOutcome outcome;
        try {
            outcome = handler.run(job);
        } catch (Exception | Error ex) {
            failed(job, ex);
            return;
        }
        Instant now = clock.instant();
        if (outcome.isDone()) {
            finish(job, "state = 'DONE', finished_at = :now", now, null);
        } else {
            finish(job, "state = 'QUEUED', run_at = :at, attempts = 0", now, outcome.again());
        }
    }

    /** Claims and runs due jobs one by one on the calling thread until none is due; answers how many ran. */
    public int runDueNow() {
        int ran = 0;
        List<Job> claimed;
        while (!(claimed = claim(1)).isEmpty()) {
            run(claimed.get(0));
            ran++;
        }
        return ran;
    }

    /** Forgets finished jobs, and nodes stopped or silent, older than {@code age}. */
    int prune(Duration age) {
        Timestamp before = Timestamp.from(clock.instant().minus(age));
        jdbc.sql("delete from job_nodes where heartbeat_at < :before")
                .param("before", before)
                .update();
        return jdbc.sql("delete from jobs where state = 'DONE' and finished_at < :before")
                .param("before", before)
                .update();
    }

    /** This node's name, as it claims jobs (and as work it holds elsewhere may name it). */
    public String node() {
        return node;
    }

    /** Writes this node's heartbeat: it is alive and runs jobs. */
    void beat() {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into job_nodes (node, started_at, heartbeat_at) values (:node, :now, :now)
                        on conflict (node) do update set heartbeat_at = excluded.heartbeat_at, stopped_at = null""").param("node", node).param("now", now).update();
    }

    /** Records that this node stopped: whatever it still holds is taken over at once. */
    void stopped() {
        jdbc.sql("update job_nodes set stopped_at = :now where node = :node")
                .param("node", node)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Of these node names, those known dead: they wrote heartbeats, then missed them for
     * {@code masthead.jobs.node-timeout}, or stopped. A node that never wrote one (it runs no job worker) is not
     * among them: work it holds waits for its lease.
     */
    public Set<String> deadNodes(Collection<String> nodes) {
        if (nodes.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        select node from job_nodes where node in (:nodes)
                           and (heartbeat_at < :dead or stopped_at is not null)""")
                .param("nodes", List.copyOf(nodes))
                .param("dead", Timestamp.from(clock.instant().minus(properties.nodeTimeout())))
                .query(String.class)
                .list());
    }

    /**
     * What the jobs of this type and payload are doing: how many run on a live node, how many wait, when the
     * next one is due, and how many nodes are alive to run them.
     */
    public Activity activity(String type, String payload) {
        Timestamp dead = Timestamp.from(clock.instant().minus(properties.nodeTimeout()));
        return jdbc.sql("""
                        select count(*) filter (where j.state = 'RUNNING' and (n.node is null
                                   or (n.heartbeat_at >= :dead and n.stopped_at is null))) as running,
                               count(*) filter (where j.state = 'RUNNING' and n.node is not null
                                   and (n.heartbeat_at < :dead or n.stopped_at is not null)) as orphaned,
                               count(*) filter (where j.state = 'QUEUED') as queued,
                               min(j.run_at) filter (where j.state = 'QUEUED') as next_run,
                               (select count(*) from job_nodes where heartbeat_at >= :dead and stopped_at is null)
                                   as live_nodes
                        from jobs j left join job_nodes n on n.node = j.locked_by
                        where j.type = :type and j.payload = :payload and j.state in ('QUEUED', 'RUNNING')""")
                .param("type", type)
                .param("payload", payload)
                .param("dead", dead)
                .query((rs, row) -> new Activity(
                        rs.getLong("running"),
                        rs.getLong("orphaned"),
                        rs.getLong("queued"),
                        rs.getTimestamp("next_run") == null
                                ? null
                                : rs.getTimestamp("next_run").toInstant(),
                        rs.getLong("live_nodes")))
                .single();
    }

    /**
     * See {@link #activity}.
     *
     * @param running jobs running on a live node (or one that runs no worker, whose lease holds them)
     * @param orphaned jobs held by a node known dead, to be taken over at the next poll
     * @param queued jobs waiting
     * @param nextRun when the next waiting one is due, or null
     * @param liveNodes nodes whose heartbeat is current
     */
    public record Activity(long running, long orphaned, long queued, Instant nextRun, long liveNodes) {}

    private void failed(Job job, Throwable ex) {
        String error = String.valueOf(ex);
        error = error.length() > 2000 ? error.substring(0, 2000) : error;
        Instant now = clock.instant();
        int maxAttempts = jdbc.sql("select max_attempts from jobs where id = :id")
                .param("id", job.id())
                .query(Integer.class)
                .optional()
                .orElse(0);
        if (job.attempts() >= maxAttempts) {
            log.error("Job {} #{} failed for good after {} attempts: {}", job.type(), job.id(), job.attempts(), error);
            finish(job, "state = 'FAILED', finished_at = :now, last_error = :error", now, null, error);
        } else {
            Instant retry = now.plus(backoff(job.attempts()));
            log.warn(
                    "Job {} #{} failed (attempt {}), retrying at {}: {}",
                    job.type(),
                    job.id(),
                    job.attempts(),
                    retry,
                    error);
            finish(job, "state = 'QUEUED', run_at = :at, last_error = :error", now, retry, error);
        }
    }

    static Duration backoff(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
    }

    private void finish(Job job, String set, Instant now, Instant at) {
        finish(job, set, now, at, null);
    }

    /** Fenced by node and attempt: a node whose lease ran out (and whose job another node took) changes nothing. */
    private void finish(Job job, String set, Instant now, Instant at, String error) {
        var statement = jdbc.sql("update jobs set " + set + ", locked_by = null, locked_until = null"
                        + " where id = :id and locked_by = :node and attempts = :attempts and state = 'RUNNING'")
                .param("id", job.id())
                .param("node", node)
                .param("attempts", job.attempts())
                .param("now", Timestamp.from(now));
        if (set.contains(":at")) {
            statement = statement.param("at", Timestamp.from(at));
        }
        if (error != null) {
            statement = statement.param("error", error);
        }
        if (statement.update() == 0) {
            log.warn("Job {} #{} was taken by another node after this node's lease ran out", job.type(), job.id());
        }
    }

    private static String nodeName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
