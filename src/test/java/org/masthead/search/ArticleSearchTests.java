package org.masthead.search;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.article.Article;
import org.masthead.article.PublicArticles;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.testing.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ArticleSearchTests {

    @Autowired
    ArticleSearch search;

    @Autowired
    PublicArticles publicArticles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    Section section;
    Author author;

    @BeforeEach
    void setUp() {
        section = fixtures.section("Search Desk");
        author = fixtures.author("Ada Searcher");
    }

    private List<String> slugs(String q) {
        return slugs(SearchQuery.of(q));
    }

    private List<String> slugs(SearchQuery query) {
        return search.search(query, 1).hits().stream().map(SearchHit::slug).toList();
    }

    @Test
    void aTitleMatchOutranksABodyMatchEvenWhenOlder() {
        String word = Fixtures.word();
        Article inBody = fixtures.published(
                section,
                List.of(author),
                "An ordinary title",
                "Some text mentioning " + word + " once, among other words.",
                Duration.ofDays(1));
        Article inTitle = fixtures.published(
                section,
                List.of(author),
                "The " + word + " question",
                "A body about something else entirely.",
                Duration.ofDays(200));

        assertThat(slugs(word)).containsExactly(inTitle.getSlug(), inBody.getSlug());
        SearchResults results = search.search(SearchQuery.of(word), 1);
        assertThat(results.total()).isEqualTo(2);
        assertThat(results.hits().get(0).titleHtml()).contains("<mark>").contains(word);
    }

    @Test
    void recencyBreaksTiesBetweenEquallyRelevantArticles() {
        String word = Fixtures.word();
        Article old = fixtures.published(section, List.of(author), "Old " + word, "Body.", Duration.ofDays(400));
        Article recent = fixtures.published(section, List.of(author), "New " + word, "Body.", Duration.ofDays(2));
        assertThat(slugs(word)).containsExactly(recent.getSlug(), old.getSlug());
    }

    @Test
    void authorsTopicsAndDekAreSearchable() {
        String surname = Fixtures.word();
        String topicWord = Fixtures.word();
        String dekWord = Fixtures.word();
        Author named = fixtures.author("Grace " + surname);
        Article article = fixtures.published(
                section,
                List.of(named),
                List.of("Topic " + topicWord),
                "Plain title",
                "A dek with " + dekWord,
                "Plain body.",
                Instant.now().minus(Duration.ofDays(3)));

        assertThat(slugs(surname)).containsExactly(article.getSlug());
        assertThat(slugs(topicWord)).containsExactly(article.getSlug());
        assertThat(slugs(dekWord)).containsExactly(article.getSlug());
    }

    @Test
    void phrasesOrAndExclusion() {
        String a = Fixtures.word();
        String b = Fixtures.word();
        String c = Fixtures.word();
        Article phrase = fixtures.published(
                section, List.of(author), "First", "We wrote " + a + " " + b + " together.", Duration.ofDays(5));
        Article apart = fixtures.published(
                section,
                List.of(author),
                "Second",
                "Here " + b + " then many words then " + a + ".",
                Duration.ofDays(6));
        Article other =
                fixtures.published(section, List.of(author), "Third", "Only " + c + " here.", Duration.ofDays(7));

        assertThat(slugs("\"" + a + " " + b + "\"")).containsExactly(phrase.getSlug());
        assertThat(slugs(a + " " + b)).containsExactlyInAnyOrder(phrase.getSlug(), apart.getSlug());
        assertThat(slugs(a + " -\"" + a + " " + b + "\"")).containsExactly(apart.getSlug());
        assertThat(slugs(b + " -" + c)).containsExactlyInAnyOrder(phrase.getSlug(), apart.getSlug());
        assertThat(slugs(c + " or " + a)).containsExactlyInAnyOrder(phrase.getSlug(), apart.getSlug(), other.getSlug());
    }

    @Test
    void aBroadQueryRanksTheNewestMatchesAndTitleMatchesOfAnyAge() {
        String word = Fixtures.word();
        String excluded = Fixtures.word();
        Article oldTitle =
                fixtures.published(section, List.of(author), "On " + word, "Nothing else here.", Duration.ofDays(900));
        Article oldTitleExcluded = fixtures.published(
                section, List.of(author), "Also on " + word, "It says " + excluded + ".", Duration.ofDays(901));
        List<String> older = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String often = (word + " ").repeat(5);
            older.add(fixtures.published(section, List.of(author), "Older " + i, often, Duration.ofDays(30 + i))
                    .getSlug());
        }
        for (int i = 0; i < 10; i++) {
            fixtures.published(
                    section, List.of(author), "Plain " + i, "Text with " + word + " inside.", Duration.ofDays(i + 1));
        }

        // Ten candidates: the ten newest matches, and the title matches however old. The two older articles, which
        // mention the word most, are not among them.
        SearchResults broad = search.search(SearchQuery.of(word), 1, ArticleSearch.Strategy.BROAD, 10);
        List<String> found = broad.hits().stream().map(SearchHit::slug).toList();
        assertThat(found).hasSize(10).contains(oldTitle.getSlug(), oldTitleExcluded.getSlug());
        assertThat(found).doesNotContainAnyElementsOf(older);
        assertThat(broad.count()).isEqualTo(SearchResults.Count.ABOUT);
        assertThat(broad.total()).isGreaterThanOrEqualTo(12);

        SearchResults excluding =
                search.search(SearchQuery.of(word + " -" + excluded), 1, ArticleSearch.Strategy.BROAD, 10);
        assertThat(excluding.hits().stream().map(SearchHit::slug))
                .contains(oldTitle.getSlug())
                .doesNotContain(oldTitleExcluded.getSlug());

        // The narrow way ranks every match and counts them exactly; so does a broad query that finds fewer than its
        // candidates in its window.
        SearchResults narrow =
                search.search(SearchQuery.of(word), 1, ArticleSearch.Strategy.NARROW, ArticleSearch.CANDIDATES);
        assertThat(narrow.hits().stream().map(SearchHit::slug)).containsAll(older);
        assertThat(narrow.count()).isEqualTo(SearchResults.Count.EXACT);
        assertThat(narrow.total()).isEqualTo(14);
        SearchResults fallBack = search.search(SearchQuery.of(word), 1, ArticleSearch.Strategy.BROAD, 20);
        assertThat(fallBack.count()).isEqualTo(SearchResults.Count.EXACT);
        assertThat(fallBack.total()).isEqualTo(14);
    }

    @Test
    void aBroadPhraseCountsWhatItFound() {
        String a = Fixtures.word();
        String b = Fixtures.word();
        Article phrase = fixtures.published(
                section, List.of(author), "First", "We wrote " + a + " " + b + " together.", Duration.ofDays(5));
        fixtures.published(section, List.of(author), "Second", "Here " + b + " then " + a + ".", Duration.ofDays(6));

        SearchResults broad =
                search.search(SearchQuery.of("\"" + a + " " + b + "\""), 1, ArticleSearch.Strategy.BROAD, 3);
        assertThat(broad.hits()).extracting(SearchHit::slug).containsExactly(phrase.getSlug());
        assertThat(broad.count()).isEqualTo(SearchResults.Count.AT_LEAST);
        assertThat(broad.total()).isEqualTo(1);
    }

    @Test
    void theSearchedWordsAreAConstantInThePlanNotWorkDoneForEveryRow() {
        String word = Fixtures.word();
        fixtures.published(section, List.of(author), "Plan " + word, "Body.", Duration.ofDays(1));
        String plan = String.join("\n", search.explain(SearchQuery.of(word), 1));
        assertThat(plan).contains("'" + word + "'''::tsquery").doesNotContain("websearch_to_tsquery");
    }

    @Test
    void estimatesAreRoundedToTwoFigures() {
        assertThat(ArticleSearch.roughly(61_234)).isEqualTo(61_000);
        assertThat(ArticleSearch.roughly(1_950)).isEqualTo(2_000);
        assertThat(ArticleSearch.roughly(87)).isEqualTo(87);
    }

    @Test
    void onlyPublicArticlesAreFound() {
        String word = Fixtures.word();
        Article published = fixtures.published(section, List.of(author), "Public " + word, "Body.", Duration.ofDays(1));
        fixtures.draft(section, List.of(author), List.of(), "Draft " + word, "", "Body " + word);
        fixtures.scheduled(section, List.of(author), "Scheduled " + word, "Body " + word);
        fixtures.archived(section, List.of(author), "Archived " + word, "Body " + word);

        assertThat(slugs(word)).containsExactly(published.getSlug());
        assertThat(search.search(SearchQuery.of(word), 1).total()).isEqualTo(1);
    }

    @Test
    void theSqlVisibilityFunctionAgreesWithTheJpqlRule() {
        fixtures.draft(section, List.of(author), List.of(), "Draft", "", "Body");
        fixtures.scheduled(section, List.of(author), "Scheduled", "Body");
        fixtures.archived(section, List.of(author), "Archived", "Body");
        List<String> sql = jdbc.sql("select slug from public_articles(now()) order by id")
                .query(String.class)
                .list();
        List<String> jpql = publicArticles.allLastModified().stream()
                .map(org.masthead.article.LastModified::slug)
                .toList();
        assertThat(sql).isEqualTo(jpql);
    }

    @Test
    void filtersBySectionAuthorTopicAndDates() {
        String word = Fixtures.word();
        Section other = fixtures.section("Other Desk");
        Author second = fixtures.author("Ben Filter");
        String topic = "Filter " + Fixtures.word();
        ZoneId zone = ZoneId.of("Europe/London");
        Instant march = LocalDate.of(2025, 3, 15).atTime(12, 0).atZone(zone).toInstant();
        Instant june = LocalDate.of(2025, 6, 15).atTime(12, 0).atZone(zone).toInstant();
        Article a = fixtures.published(section, List.of(author), List.of(topic), "A " + word, "", "Body.", march);
        Article b = fixtures.published(other, List.of(second), List.of(), "B " + word, "", "Body.", june);

        assertThat(slugs(new SearchQuery(word, other.getSlug(), null, null, null, null)))
                .containsExactly(b.getSlug());
        assertThat(slugs(new SearchQuery(word, null, author.getSlug(), null, null, null)))
                .containsExactly(a.getSlug());
        assertThat(slugs(new SearchQuery(word, null, null, org.masthead.slug.Slugs.slugify(topic), null, null)))
                .containsExactly(a.getSlug());
        assertThat(slugs(new SearchQuery(word, null, null, null, LocalDate.of(2025, 6, 1), null)))
                .containsExactly(b.getSlug());
        assertThat(slugs(new SearchQuery(word, null, null, null, null, LocalDate.of(2025, 3, 15))))
                .containsExactly(a.getSlug());
        assertThat(slugs(new SearchQuery(word, null, null, null, LocalDate.of(2025, 3, 16), LocalDate.of(2025, 6, 14))))
                .isEmpty();
    }

    @Test
    void aPeriodWithoutWordsListsThatPeriodsArticlesNewestFirst() {
        Section desk = fixtures.section("Period Desk " + Fixtures.word());
        ZoneId zone = ZoneId.of("Europe/London");
        Instant early = LocalDate.of(1987, 2, 3).atTime(9, 0).atZone(zone).toInstant();
        Instant late = LocalDate.of(1987, 2, 20).atTime(9, 0).atZone(zone).toInstant();
        Instant after = LocalDate.of(1987, 3, 1).atTime(9, 0).atZone(zone).toInstant();
        Article first = fixtures.published(desk, List.of(author), List.of(), "Early February", "", "Body.", early);
        Article second = fixtures.published(desk, List.of(author), List.of(), "Late February", "", "Body.", late);
        fixtures.published(desk, List.of(author), List.of(), "March", "", "Body.", after);

        SearchResults february = search.search(
                new SearchQuery("", desk.getSlug(), null, null, LocalDate.of(1987, 2, 1), LocalDate.of(1987, 2, 28)),
                1);
        assertThat(february.hits()).extracting(SearchHit::slug).containsExactly(second.getSlug(), first.getSlug());
        assertThat(february.total()).isEqualTo(2);
        assertThat(slugs(new SearchQuery("", null, null, null, LocalDate.of(1987, 2, 20), LocalDate.of(1987, 2, 20))))
                .containsExactly(second.getSlug());
        // no words and no filter: nothing, as before
        assertThat(search.search(SearchQuery.of(""), 1).hits()).isEmpty();
    }

    @Test
    void paginatesWithATotal() {
        String word = Fixtures.word();
        for (int i = 0; i < 13; i++) {
            fixtures.published(section, List.of(author), "Piece " + i + " " + word, "Body.", Duration.ofDays(i + 1));
        }
        SearchResults first = search.search(SearchQuery.of(word), 1);
        SearchResults second = search.search(SearchQuery.of(word), 2);
        assertThat(first.total()).isEqualTo(13);
        assertThat(first.hits()).hasSize(10);
        assertThat(first.totalPages()).isEqualTo(2);
        assertThat(second.hits()).hasSize(3);
        assertThat(search.search(SearchQuery.of(word), 3).total()).isEqualTo(13);
    }

    @Test
    void renamingAnAuthorOrATopicRefreshesTheDocuments() {
        Article article = fixtures.published(
                section,
                List.of(author),
                List.of("Renamable " + Fixtures.word()),
                "Title",
                "",
                "Body.",
                Instant.now().minus(Duration.ofDays(1)));
        String newName = Fixtures.word();
        String newTopic = Fixtures.word();
        jdbc.sql("update authors set name = :name where id = :id")
                .param("name", "Ada " + newName)
                .param("id", author.getId())
                .update();
        jdbc.sql(
                        "update topics set name = :name where id = (select topic_id from article_topics where article_id = :id)")
                .param("name", "Topic " + newTopic)
                .param("id", article.getId())
                .update();
        assertThat(slugs(newName)).containsExactly(article.getSlug());
        assertThat(slugs(newTopic)).containsExactly(article.getSlug());
    }

    @Test
    void snippetsAreEscapedAndOnlyMarkIsMarkup() throws Exception {
        String word = Fixtures.word();
        fixtures.published(
                section,
                List.of(author),
                "Escaping " + word,
                "The attacker typed `<script>alert('" + word + "')</script>` and <b>" + word + "</b> into the form, "
                        + "claiming that 1 < 2 && 3 > 2 for " + word + ".",
                Duration.ofDays(1));

        String html = mvc.perform(get("/search").param("q", word))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String results = html.substring(html.indexOf("search-results__list"));
        assertThat(results).contains("<mark>" + word + "</mark>").contains("1 &lt; 2 &amp;&amp; 3 &gt; 2");
        assertThat(results).doesNotContain("<script").doesNotContain("<b>");
        assertThat(html).contains("<meta name=\"robots\" content=\"noindex\">");
    }

    @Test
    void hostileQueriesGetAFriendlyPage() throws Exception {
        String[] queries = {
            "",
            "   ",
            "!!! ??? ... ---",
            "\"unbalanced quote",
            "'; drop table articles; --",
            "a' or '1'='1",
            "x".repeat(10_000),
            "\u0000nul",
            "<script>alert(1)</script>",
            "\"\"\"",
            "-",
            "or or or",
            "(((",
            "title:foo AND bar:* | ! & <->"
        };
        for (String q : queries) {
            mvc.perform(get("/search").param("q", q))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("search-form")));
        }
        mvc.perform(get("/search").param("q", "x".repeat(10_000)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("That search is too long")));
        for (String page : new String[] {"abc", "-1", "0", "99999999999", "1e9", ""}) {
            mvc.perform(get("/search").param("q", "sanctions").param("page", page))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/search")
                        .param("q", "sanctions")
                        .param("from", "yesterday")
                        .param("to", "2026-13-45")
                        .param("section", "'; --")
                        .param("author", "<x>")
                        .param("topic", "%"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("year-month-day")));
        assertThat(jdbc.sql("select count(*) from articles").query(Long.class).single())
                .isPositive();
    }

    @Test
    void theDemoJournalIsSearchable() {
        SearchResults results = search.search(SearchQuery.of("shadow fleet"), 1);
        assertThat(results.total()).isPositive();
        assertThat(results.hits().get(0).snippetHtml()).contains("<mark>");
    }
}
