package org.masthead.article.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.masthead.IntegrationTest;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleService;
import org.masthead.consistency.DerivedData;
import org.masthead.security.Actor;
import org.masthead.testing.BenchCorpus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prepares a database for the reader-pages benchmark ({@code bench/pages.sh}), not a test: into the database at
 * {@code spring.datasource.url} (demo journal loaded), it adds one long essay of the length of a real one (about
 * 1,900 words, through the services, so its Markdown is rendered as an editor's would be), then
 * {@code masthead.bench.articles} generated articles ({@link BenchCorpus}; 0 for the demo journal alone), and
 * writes the URLs the benchmark loads, one {@code name path} a line, to {@code masthead.bench.urls}.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "masthead.bench", matches = "true")
class ReaderPagesBenchmarkData {

    static final String ESSAY = "the-long-essay";
    static final int ESSAY_WORDS = 1_900;

    @Autowired
    ArticleService articles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    DerivedData derivedData;

    @Test
    void prepare() throws Exception {
        int wanted = Integer.getInteger("masthead.bench.articles", 100_000);
        BenchCorpus corpus = new BenchCorpus(jdbc, dataSource);
        List<String> vocabulary = corpus.vocabulary();
        if (jdbc.sql("select count(*) from articles where slug = ?")
                        .param(ESSAY)
                        .query(Long.class)
                        .single()
                == 0) {
            Random random = new Random(1900);
            long section = jdbc.sql("select id from sections order by position, id limit 1")
                    .query(Long.class)
                    .single();
            List<Long> authors = jdbc.sql("select id from authors order by id limit 2")
                    .query(Long.class)
                    .list();
            List<String> topics = jdbc.sql("select name from topics order by id limit 3")
                    .query(String.class)
                    .list();
            var essay = articles.create(
                    new ArticleChanges(
                            ESSAY,
                            new ArticleContent(
                                    BenchCorpus.sentence(vocabulary, random, 7, false),
                                    BenchCorpus.sentence(vocabulary, random, 28, true),
                                    BenchCorpus.essay(vocabulary, ESSAY_WORDS, 1900),
                                    null,
                                    null),
                            section,
                            authors,
                            topics),
                    Actor.importing("test"));
            articles.publishBackdated(essay.getId(), Instant.now().minus(Duration.ofHours(2)), Actor.importing("test"));
        }
        long generated = corpus.generated();
        if (wanted > 0 && generated == 0) {
            long start = System.nanoTime();
            corpus.generate(wanted);
            System.out.printf("generated %,d articles in %.1f s%n", wanted, (System.nanoTime() - start) / 1e9);
        } else if (generated != wanted) {
            System.out.printf("the database holds %,d generated articles (asked for %,d): kept%n", generated, wanted);
        }
        // a database generated before every derived value was rebuilt after loading is brought in step here
        List<DerivedData.Drift> drifted =
                derivedData.repair().stream().filter(drift -> !drift.clean()).toList();
        drifted.forEach(drift -> System.out.printf(
                "repaired %s: %,d wrong, %,d missing, %,d extra%n",
                drift.value().name(), drift.wrong(), drift.missing(), drift.extra()));
        assertThat(derivedData.check()).allMatch(DerivedData.Drift::clean);
        jdbc.sql("vacuum analyze").update();

        List<String> urls = new ArrayList<>();
        urls.add("article /articles/" + ESSAY);
        urls.add("home /");
        String publicRule = "a.status = 'PUBLISHED' and a.published_at <= now()";
        Biggest section =
                biggest("select s.slug, count(*) from articles a join sections s on s.id = a.section_id where "
                        + publicRule + " group by s.slug order by 2 desc, 1 limit 1");
        Biggest author =
                biggest("select au.slug, count(*) from articles a join article_authors x on x.article_id = a.id"
                        + " join authors au on au.id = x.author_id where " + publicRule
                        + " group by au.slug order by 2 desc, 1 limit 1");
        Biggest topic = biggest("select t.slug, count(*) from articles a join article_topics x on x.article_id = a.id"
                + " join topics t on t.id = x.topic_id where " + publicRule
                + " group by t.slug order by 2 desc, 1 limit 1");
        urls.add("section /sections/" + section.slug());
        urls.add("section-last /sections/" + section.slug() + "?page=" + section.lastPage());
        urls.add("author /authors/" + author.slug());
        urls.add("author-last /authors/" + author.slug() + "?page=" + author.lastPage());
        urls.add("topic /topics/" + topic.slug());
        urls.add("topic-last /topics/" + topic.slug() + "?page=" + topic.lastPage());
        // Words a search can find (stop words such as "that" match nothing), most frequent first.
        List<String> searchable = jdbc.sql("""
                        select w from unnest(cast(:words as text[])) with ordinality as v(w, n)
                        where to_tsvector('english', w) <> ''::tsvector order by n""")
                .param(
                        "words",
                        vocabulary.subList(0, Math.min(500, vocabulary.size())).toArray(String[]::new))
                .query(String.class)
                .list();
        urls.add("search /search?q=" + searchable.get(0));
        urls.add("feed /feed.xml");
        urls.add("sitemap /sitemap.xml");
        long count = jdbc.sql("select count(*) from articles a where " + publicRule)
                .query(Long.class)
                .single();
        if (count > 45_000) {
            urls.add("sitemap-1 /sitemap.xml?page=1");
        }
        Path out = Path.of(System.getProperty("masthead.bench.urls", "target/bench/urls.txt"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, urls);
        Files.write(out.resolveSibling(out.getFileName() + ".words"), searchable);
        System.out.printf("%,d public articles; URLs in %s%n", count, out);
    }

    record Biggest(String slug, long count) {
        int lastPage() {
            return (int) Math.max(1, (count + SectionController.PAGE_SIZE - 1) / SectionController.PAGE_SIZE);
        }
    }

    private Biggest biggest(String sql) {
        return jdbc.sql(sql)
                .query((rs, n) -> new Biggest(rs.getString(1), rs.getLong(2)))
                .single();
    }
}
