package org.masthead.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.masthead.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search latency, p50/p95 over 200 varied queries through the real {@link ArticleSearch}, first on the demo
 * journal, then on a corpus of 100,000 generated articles. Not part of {@code ./mvnw verify}; run it with
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

        List<String> vocabulary = vocabulary();
        long existing = jdbc.sql("select count(*) from articles where slug like 'bench-%'")
                .query(Long.class)
                .single();
        if (existing == 0) {
            report.add(measure("demo journal (" + count() + " articles)", vocabulary));
        }
        if (existing == articles) {
            report.add(String.format("reused the %,d generated articles already in the database", articles));
        } else {
            long start = System.nanoTime();
            generate(articles);
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

    /** The demo journal's words, most frequent first. */
    private List<String> vocabulary() {
        return jdbc.sql("""
                select w from articles, regexp_split_to_table(lower(body_text), '[^a-z]+') w
                where length(w) > 3 and slug not like 'bench-%' group by w order by count(*) desc, w""").query(String.class).list();
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
            search.search(slowestSearch, slowestPage);
            System.out.println("Plan of " + slowestQuery);
            search.explainLast().forEach(System.out::println);
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

    /** The corpus, in SQL on one connection: rows first with triggers off, then every document built once. */
    private void generate(int count) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            sql.execute("select setseed(0.42)");
            sql.execute("""
                    create temporary table bench_words as
                    select array_agg(w order by n desc, w) as words from (
                        select w, count(*) n from articles, regexp_split_to_table(lower(body_text), '[^a-z]+') w
                        where length(w) > 2 group by w) x""");
            // Words drawn with a skewed frequency (Zipf-like: power(random(), 3) favours the most frequent words).
            // PL/pgSQL keeps the array argument expanded, so each pick is cheap.
            sql.execute("""
                    create function pg_temp.bench_text(words text[], n integer) returns text language plpgsql as $$
                    declare
                        parts text[] := '{}';
                        size integer := array_length(words, 1);
                    begin
                        for i in 1..n loop
                            parts := parts || words[1 + floor(power(random(), 3) * size)::integer];
                        end loop;
                        return array_to_string(parts, ' ');
                    end
                    $$""");
            sql.execute("set session_replication_role = replica"); // no triggers while loading
            sql.execute("""
                    insert into articles (slug, title, dek, body_md, body_html, body_text, excerpt, reading_minutes,
                                          section_id, status, created_at, updated_at, first_published_at, published_at)
                    select 'bench-' || g, initcap(t), d, b, '<p>' || b || '</p>', b, left(b, 200), 1,
                           sections[1 + g %% array_length(sections, 1)], 'PUBLISHED', at, at, at, at
                    from generate_series(1, %d) g
                    cross join (select words from bench_words) bw
                    cross join (select array_agg(id order by id) as sections from sections) s
                    cross join lateral (select now() - (g %% 3650) * interval '1 day' - random() * interval '1 day' as at,
                                               pg_temp.bench_text(bw.words, 4 + g %% 5) as t,
                                               pg_temp.bench_text(bw.words, 12 + g %% 9) as d,
                                               pg_temp.bench_text(bw.words, 150 + g %% 151) as b) x
                    """.formatted(count));
            sql.execute("""
                    insert into article_authors (article_id, author_id, position)
                    select a.id, (select id from authors order by id offset (a.id %% (select count(*) from authors)) limit 1), 0
                    from articles a where a.slug like 'bench-%%'""".formatted());
            sql.execute("""
                    insert into article_topics (article_id, topic_id)
                    select a.id, (select id from topics order by id offset (a.id %% (select count(*) from topics)) limit 1)
                    from articles a where a.slug like 'bench-%%'""".formatted());
            sql.execute("set session_replication_role = origin");
            sql.execute("select refresh_article_search(array(select id from articles where slug like 'bench-%'))");
            sql.execute("vacuum analyze articles");
            sql.execute("vacuum analyze article_authors");
            sql.execute("vacuum analyze article_topics");
        } catch (java.sql.SQLException ex) {
            throw new IOException(ex);
        }
    }
}
