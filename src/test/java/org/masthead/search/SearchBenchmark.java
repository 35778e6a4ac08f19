package org.masthead.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.masthead.IntegrationTest;
import org.masthead.testing.BenchCorpus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search latency, p50/p95 over 200 varied queries through the real {@link ArticleSearch}, first on the demo
 * journal, then on a corpus of 100,000 generated articles ({@link BenchCorpus}). Not part of {@code ./mvnw verify}; run it with
 * <pre>./mvnw -Dtest=SearchBenchmark -Dmasthead.bench=true test</pre>
 * ({@code -Dmasthead.bench.articles=N} changes the corpus size; {@code -Dmasthead.bench.author-topic-filters=true}
 * adds author and topic filters to a third of the queries). The corpus is made in SQL with generate_series
 * from the demo journal's own vocabulary, words drawn with a skewed (Zipf-like) frequency, 150 to 300 words a body,
 * with authors, topics and dates spread over ten years. Figures go to the console and target/benchmarks/search.txt.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "masthead.bench", matches = "true")
class SearchBenchmark {

    static final int QUERIES = 200;
    static final int WARM_UP = 60;

    @Autowired
    ArticleSearch search;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void searchLatency() throws Exception {
        int articles = Integer.getInteger("masthead.bench.articles", 100_000);
        List<String> report = new ArrayList<>();
        report.add("PostgreSQL "
                + jdbc.sql("show server_version").query(String.class).single() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");

        BenchCorpus corpus = new BenchCorpus(jdbc, dataSource);
        List<String> vocabulary = corpus.vocabulary();
        long existing = corpus.generated();
        if (existing == 0) {
            report.add(measure("demo journal (" + count() + " articles)", vocabulary));
        }
        if (existing == articles) {
            report.add(String.format("reused the %,d generated articles already in the database", articles));
        } else {
            long start = System.nanoTime();
            corpus.generate(articles);
            report.add(String.format("generated %,d articles in %.1f s", articles, (System.nanoTime() - start) / 1e9));
        }
        report.add(measure("generated corpus (" + count() + " articles)", vocabulary));

        report.forEach(System.out::println);
        Path out = Path.of("target", "benchmarks", "search.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    private long count() {
        return jdbc.sql("select count(*) from articles where status = 'PUBLISHED'")
                .query(Long.class)
                .single();
    }

    private String measure(String label, List<String> words) {
        List<SearchQuery> queries = queries(words, new Random(42));
        for (int i = 0; i < WARM_UP; i++) {
            search.search(queries.get(i % queries.size()), 1);
        }
        long[] nanos = new long[queries.size()];
        long totalHits = 0;
        long slowest = 0;
        String slowestQuery = "";
        SearchQuery slowestSearch = null;
        int slowestPage = 1;
        for (int i = 0; i < queries.size(); i++) {
            SearchQuery query = queries.get(i);
            int page = i % 10 == 9 ? 2 : 1;
            long t0 = System.nanoTime();
            SearchResults results = search.search(query, page);
            nanos[i] = System.nanoTime() - t0;
            totalHits += results.total();
            if (nanos[i] > slowest) {
                slowest = nanos[i];
                slowestQuery = query + " page " + page;
                slowestSearch = query;
                slowestPage = page;
            }
            if (Boolean.getBoolean("masthead.bench.verbose")) {
                System.out.printf("%8.1f ms  %6d  %s%n", nanos[i] / 1e6, results.total(), query);
            }
        }
        if (Boolean.getBoolean("masthead.bench.verbose")) {
            System.out.println("Slowest: " + slowestQuery);
            System.out.println("Plan of " + slowestQuery);
            search.explain(slowestSearch, slowestPage).forEach(System.out::println);
        }
        Arrays.sort(nanos);
        return String.format(
                "%s: %d queries, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (mean matches per query %,d)",
                label,
                nanos.length,
                pct(nanos, 50),
                pct(nanos, 95),
                pct(nanos, 99),
                nanos[nanos.length - 1] / 1e6,
                totalHits / nanos.length);
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** Varied queries: common, middling and rare words, pairs, phrases, or, exclusions, filters, second pages. */
    private List<SearchQuery> queries(List<String> words, Random random) {
        List<String> sections = jdbc.sql("select slug from sections order by position")
                .query(String.class)
                .list();
        List<String> authors = jdbc.sql("select slug from authors order by slug")
                .query(String.class)
                .list();
        List<String> topics = jdbc.sql("select slug from topics order by slug")
                .query(String.class)
                .list();
        boolean byPeople = Boolean.getBoolean("masthead.bench.author-topic-filters");
        Random people = new Random(7);
        int n = words.size();
        List<SearchQuery> queries = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            String common = words.get(random.nextInt(Math.min(30, n)));
            String middling = words.get(30 + random.nextInt(Math.max(1, Math.min(300, n - 30))));
            String rare = words.get(Math.min(n - 1, 300 + random.nextInt(Math.max(1, n - 300))));
            String text = switch (i % 10) {
                case 0 -> common;
                case 1 -> middling;
                case 2 -> rare;
                case 3 -> common + " " + middling;
                case 4 -> "\"" + common + " " + words.get(random.nextInt(Math.min(30, n))) + "\"";
                case 5 -> middling + " or " + rare;
                case 6 -> common + " -" + middling;
                case 7 -> middling + " " + rare;
                case 8 -> common + " " + words.get(random.nextInt(Math.min(30, n))) + " " + middling;
                default -> middling;
            };
            String section = i % 7 == 0 ? sections.get(random.nextInt(sections.size())) : null;
            LocalDate from = i % 11 == 0 ? LocalDate.of(2020 + random.nextInt(6), 1, 1) : null;
            // Author and topic filters only on request, drawn apart, so the default mix stays as it was.
            String author = byPeople && i % 6 == 1 ? authors.get(people.nextInt(authors.size())) : null;
            String topic = byPeople && i % 6 == 4 ? topics.get(people.nextInt(topics.size())) : null;
            queries.add(new SearchQuery(text, section, author, topic, from, null));
        }
        return queries;
    }
}
