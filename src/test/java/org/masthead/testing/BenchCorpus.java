package org.masthead.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

import org.masthead.consistency.DerivedValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The generated archive the benchmarks share (search latency, reader pages): articles made in SQL with
 * generate_series from the demo journal's own vocabulary, words drawn with a skewed (Zipf-like) frequency,
 * 150 to 300 words a body, with authors, topics, sections and dates spread over ten years. Their slugs start
 * with {@code bench-}.
 */
public final class BenchCorpus {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public BenchCorpus(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** How many generated articles the database holds. */
    public long generated() {
        return jdbc.sql("select count(*) from articles where slug like 'bench-%'")
                .query(Long.class)
                .single();
    }

    /** The demo journal's words, most frequent first. */
    public List<String> vocabulary() {
        return jdbc.sql("""
                select w from articles, regexp_split_to_table(lower(body_text), '[^a-z]+') w
                where length(w) > 3 and slug not like 'bench-%' group by w order by count(*) desc, w""").query(String.class).list();
    }

    /**
     * A long essay in Markdown, {@code words} words from the vocabulary (same skewed draw), in paragraphs of 60 to
     * 140 words under a heading every six paragraphs, with some emphasis, a link and a quotation, as an essay has.
     */
    public static String essay(List<String> vocabulary, int words, long seed) {
        Random random = new Random(seed);
        StringBuilder md = new StringBuilder();
        int written = 0;
        int paragraph = 0;
        while (written < words) {
            if (paragraph % 6 == 5) {
                md.append("## ").append(sentence(vocabulary, random, 4, false)).append("\n\n");
            }
            if (paragraph % 9 == 4) {
                md.append("> ");
            }
            int length = Math.min(words - written, 60 + random.nextInt(81));
            int sentenceStart = 0;
            for (int i = 0; i < length; i++) {
                String word = pick(vocabulary, random);
                if (i == sentenceStart) {
                    word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                }
                if (i % 37 == 11) {
                    word = "*" + word + "*";
                } else if (i == 23 && paragraph % 4 == 1) {
                    word = "[" + word + "](https://example.org/" + word + ")";
                }
                md.append(word);
                boolean endOfSentence = i == length - 1 || i - sentenceStart >= 12 + random.nextInt(14);
                if (endOfSentence) {
                    md.append('.');
                    sentenceStart = i + 1;
                } else if (random.nextInt(12) == 0) {
                    md.append(',');
                }
                md.append(i == length - 1 ? "\n\n" : " ");
            }
            written += length;
            paragraph++;
        }
        return md.toString().strip() + "\n";
    }

    public static String sentence(List<String> vocabulary, Random random, int words, boolean stop) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = pick(vocabulary, random);
            text.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            text.append(i == words - 1 ? (stop ? "." : "") : " ");
        }
        return text.toString();
    }

    private static String pick(List<String> vocabulary, Random random) {
        return vocabulary.get((int) Math.floor(Math.pow(random.nextDouble(), 3) * vocabulary.size()));
    }

    /** Adds {@code count} public articles, in SQL on one connection: rows first with triggers off, then every value the triggers keep (search documents, link dates, section counts) rebuilt once, as the consistency check repairs them. */
    public void generate(int count) throws IOException {
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
            // What the triggers would have kept, brought in step through the consistency check's own repair.
            for (DerivedValue value : DerivedValue.ALL) {
                for (String repair : value.repair()) {
                    sql.execute(repair);
                }
            }
            sql.execute("vacuum analyze articles");
            sql.execute("vacuum analyze article_authors");
            sql.execute("vacuum analyze article_topics");
        } catch (SQLException ex) {
            throw new IOException(ex);
        }
    }
}
