package org.masthead.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.masthead.web.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The views counted on this node since the last write, held in memory as counters (never as events), and written
 * every {@code masthead.analytics.flush-interval} in one transaction, added to the day's aggregates. A node that
 * stops normally writes what it holds on the way down; a node that is killed loses at most one interval's counts.
 *
 * <p>Nothing here can fill the database: articles are counted only while published, pages, devices and countries
 * are short fixed lists, referring domains stop at {@code max-referrers-per-day} (the rest are {@code (other)}),
 * and the same-day visitor hashes at {@code max-visitor-hashes-per-day}; in memory, at most
 * {@code max-pending-cells} counters wait for the next write.
 */
@Component
public class ReaderCounts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReaderCounts.class);

    static final String OTHER_REFERRERS = "(other)";
    static final String DIRECT = "(direct)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final DailySalt salts;
    private final CountryLookup countries;
    private final Clock clock;
    private final ZoneId zone;
    private final Limits limits;
    private final java.time.Duration interval;

    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private volatile Tally tally = new Tally();
    private final AtomicLong dropped = new AtomicLong();
    private volatile ScheduledExecutorService flushing;

    /** The bounds of what one day may store, and what memory holds between writes. */
    record Limits(int maxReferrersPerDay, int maxVisitorHashesPerDay, int maxPendingCells) {
        static Limits of(AnalyticsProperties properties) {
            return new Limits(
                    properties.maxReferrersPerDay(), properties.maxVisitorHashesPerDay(), properties.maxPendingCells());
        }
    }

    @Autowired
    ReaderCounts(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            DailySalt salts,
            CountryLookup countries,
            Clock clock,
            SiteProperties site,
            AnalyticsProperties properties) {
        this(
                jdbc,
                transactions,
                salts,
                countries,
                clock,
                site.timeZone(),
                Limits.of(properties),
                properties.flushInterval());
    }

    ReaderCounts(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            DailySalt salts,
            CountryLookup countries,
            Clock clock,
            ZoneId zone,
            Limits limits,
            java.time.Duration interval) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batch = jdbc;
        this.transactions = transactions;
        this.salts = salts;
        this.countries = countries;
        this.clock = clock;
        this.zone = zone;
        this.limits = limits;
        this.interval = interval;
    }

    /**
     * One reader's view of a page (an article when {@code articleId} is set). {@code referrer} is the referring
     * domain, {@code ""} for none, {@code null} when unknown (a reader without JavaScript, a link inside the site).
     */
    public record View(
            ReaderPage page, Long articleId, String referrer, String address, String userAgent, String country) {}

    /** Counts a view in memory until the next write. */
    public void count(View view) {
        LocalDate day = today();
        String pageKey = view.page() == ReaderPage.ARTICLE
                ? "article:" + view.articleId()
                : view.page().code();
        String visitor = salts.visitor(day, view.address(), view.userAgent(), pageKey);
        ReentrantReadWriteLock.ReadLock read = swap.readLock();
        read.lock();
        try {
            Tally current = tally;
            if (view.page() == ReaderPage.ARTICLE) {
                add(current, new Cell(day, Kind.ARTICLE, Long.toString(view.articleId())));
            } else {
                add(current, new Cell(day, Kind.PAGE, view.page().code()));
            }
            add(
                    current,
                    new Cell(
                            day,
                            Kind.DEVICE,
                            ReaderAgent.device(view.userAgent()).code()));
            if (view.referrer() != null) {
                add(current, new Cell(day, Kind.REFERRER, view.referrer().isEmpty() ? DIRECT : view.referrer()));
            }
            if (view.country() != null) {
                add(current, new Cell(day, Kind.COUNTRY, view.country()));
            }
            if (current.size.get() < limits.maxPendingCells()) {
                if (current.visitors.add(new Visitor(day, pageKey, visitor))) {
                    current.size.incrementAndGet();
                }
            }
        } finally {
            read.unlock();
        }
    }

    /** The country of an address, when a GeoIP database is configured. */
    public String country(java.net.InetAddress address) {
        return countries.country(address).orElse(null);
    }

    /** Whether countries are counted (a GeoIP lookup is configured). */
    public boolean knowsCountries() {
        return countries != CountryLookup.NONE;
    }

    /** Whether a {@code User-Agent} is a robot or a tool, never counted. */
    public static boolean isRobot(String userAgent) {
        return ReaderAgent.isRobot(userAgent);
    }

    private void add(Tally current, Cell cell) {
        LongAdder counter = current.cells.get(cell);
        if (counter == null) {
            if (current.size.get() >= limits.maxPendingCells()) {
                dropped.incrementAndGet();
                return;
            }
            counter = current.cells.computeIfAbsent(cell, c -> {
                current.size.incrementAndGet();
                return new LongAdder();
            });
        }
        counter.increment();
    }

    /** Writes the counts held in memory, and forgets the visitor hashes and salts of the days before today. */
    public synchronized void flush() {
        Tally full;
        ReentrantReadWriteLock.WriteLock write = swap.writeLock();
        write.lock();
        try {
            full = tally;
            tally = new Tally();
        } finally {
            write.unlock();
        }
        LocalDate today = today();
        try {
            transactions.executeWithoutResult(status -> {
                write(full);
                forgetBefore(today);
            });
        } catch (RuntimeException failed) {
            log.warn("Readership counts not written, kept for the next try: {}", failed.toString());
            putBack(full);
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            log.warn("{} readership counts had no room in memory (masthead.analytics.max-pending-cells)", lost);
        }
    }

    private void write(Tally full) {
        Map<LocalDate, Map<String, Long>> newVisitors = writeVisitors(full.visitors);
        List<Object[]> articles = new ArrayList<>();
        List<Object[]> pages = new ArrayList<>();
        for (Map.Entry<Cell, LongAdder> entry : full.cells.entrySet()) {
            Cell cell = entry.getKey();
            long views = entry.getValue().sum();
            Map<String, Long> dayVisitors = newVisitors.getOrDefault(cell.day(), Map.of());
            switch (cell.kind()) {
                case ARTICLE ->
                    articles.add(new Object[] {
                        cell.day(),
                        views,
                        dayVisitors.getOrDefault("article:" + cell.name(), 0L),
                        Long.parseLong(cell.name())
                    });
                case PAGE ->
                    pages.add(new Object[] {cell.day(), cell.name(), views, dayVisitors.getOrDefault(cell.name(), 0L)});
                case DEVICE -> upsertViews("analytics_device_days", "device", cell, views);
                case COUNTRY -> upsertViews("analytics_country_days", "country", cell, views);
                case REFERRER -> writeReferrer(cell, views);
            }
        }
        for (Object[] article : articles) {
            jdbc.sql("""
                            insert into analytics_article_days (day, article_id, views, visitors)
                            select ?, a.id, ?, ? from articles a where a.id = ? and a.status = 'PUBLISHED'
                            on conflict (day, article_id) do update
                            set views = analytics_article_days.views + excluded.views,
                                visitors = analytics_article_days.visitors + excluded.visitors
                            """).params(article).update();
        }
        for (Object[] page : pages) {
            jdbc.sql("""
                            insert into analytics_page_days (day, page, views, visitors) values (?, ?, ?, ?)
                            on conflict (day, page) do update
                            set views = analytics_page_days.views + excluded.views,
                                visitors = analytics_page_days.visitors + excluded.visitors
                            """).params(page).update();
        }
    }

    /** Stores the day's new visitor hashes, within the day's budget; answers how many were new, by day and page. */
    private Map<LocalDate, Map<String, Long>> writeVisitors(Set<Visitor> visitors) {
        Map<LocalDate, List<Visitor>> byDay = new TreeMap<>();
        for (Visitor visitor : visitors) {
            byDay.computeIfAbsent(visitor.day(), d -> new ArrayList<>()).add(visitor);
        }
        Map<LocalDate, Map<String, Long>> fresh = new HashMap<>();
        for (Map.Entry<LocalDate, List<Visitor>> day : byDay.entrySet()) {
            jdbc.sql("insert into analytics_day_budgets (day) values (?) on conflict do nothing")
                    .param(day.getKey())
                    .update();
            int used = jdbc.sql("select visitor_hashes from analytics_day_budgets where day = ? for update")
                    .param(day.getKey())
                    .query(Integer.class)
                    .single();
            int room = Math.max(0, limits.maxVisitorHashesPerDay() - used);
            List<Visitor> taken =
                    day.getValue().subList(0, Math.min(room, day.getValue().size()));
            Map<String, Long> counts = new HashMap<>();
            int[] rows = batch.batchUpdate(
                    "insert into analytics_day_visitors (day, page, visitor) values (?, ?, ?) on conflict do nothing",
                    taken.stream()
                            .map(v -> new Object[] {
                                v.day(), v.page(), HexFormat.of().parseHex(v.hash())
                            })
                            .toList());
            int inserted = 0;
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] > 0) {
                    inserted++;
                    counts.merge(taken.get(i).page(), 1L, Long::sum);
                }
            }
            jdbc.sql("update analytics_day_budgets set visitor_hashes = visitor_hashes + ? where day = ?")
                    .params(inserted, day.getKey())
                    .update();
            fresh.put(day.getKey(), counts);
        }
        return fresh;
    }

    private void upsertViews(String table, String column, Cell cell, long views) {
        jdbc.sql("insert into " + table + " (day, " + column + ", views) values (?, ?, ?) on conflict (day, " + column
                        + ") do update set views = " + table + ".views + excluded.views")
                .params(cell.day(), cell.name(), views)
                .update();
    }

    private void writeReferrer(Cell cell, long views) {
        jdbc.sql("""
                        insert into analytics_referrer_days (day, domain, views)
                        select :day, case when exists (select 1 from analytics_referrer_days
                                                       where day = :day and domain = :domain)
                                            or (select count(*) from analytics_referrer_days where day = :day) < :max
                                          then :domain else :other end, :views
                        on conflict (day, domain) do update set views = analytics_referrer_days.views + excluded.views
                        """)
                .param("day", cell.day())
                .param("domain", cell.name())
                .param("max", limits.maxReferrersPerDay())
                .param("other", OTHER_REFERRERS)
                .param("views", views)
                .update();
    }

    /** Deletes what could tell one reader from another once their day is over: visitor hashes and salts. */
    void forgetBefore(LocalDate today) {
        jdbc.sql("delete from analytics_day_visitors where day < ?")
                .param(today)
                .update();
        jdbc.sql("delete from analytics_day_budgets where day < ?").param(today).update();
        salts.forgetBefore(today);
    }

    private void putBack(Tally full) {
        ReentrantReadWriteLock.ReadLock read = swap.readLock();
        read.lock();
        try {
            Tally current = tally;
            full.cells.forEach((cell, views) -> current.cells
                    .computeIfAbsent(cell, c -> {
                        current.size.incrementAndGet();
                        return new LongAdder();
                    })
                    .add(views.sum()));
            full.visitors.forEach(visitor -> {
                if (current.visitors.add(visitor)) {
                    current.size.incrementAndGet();
                }
            });
        } finally {
            read.unlock();
        }
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    // --- the timer -----------------------------------------------------------------------------------------------

    @Override
    public void start() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "readership-flush");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(
                this::flushQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        flushing = timer;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = flushing;
        if (running != null) {
            running.shutdown();
            flushing = null;
        }
        flushQuietly();
    }

    /** Stops after the web server has stopped taking requests, so the last views are written too. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return flushing != null;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException failed) {
            log.warn("Readership counts not written: {}", failed.toString());
        }
    }

    private enum Kind {
        ARTICLE,
        PAGE,
        REFERRER,
        DEVICE,
        COUNTRY
    }

    private record Cell(LocalDate day, Kind kind, String name) {}

    private record Visitor(LocalDate day, String page, String hash) {}

    private static final class Tally {
        final ConcurrentHashMap<Cell, LongAdder> cells = new ConcurrentHashMap<>();
        final Set<Visitor> visitors = ConcurrentHashMap.newKeySet();
        final AtomicInteger size = new AtomicInteger();
    }
}
