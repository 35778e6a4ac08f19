package org.masthead.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.SqlStatementCounter;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.slug.Slugs;
import org.masthead.testing.Fixtures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1 in the API: a page of articles (co-authors, topics, featured images and notes each) and the author list
 * (photos and links each) cost a fixed number of SQL statements, however many items they hold.
 */
@IntegrationTest
class ApiQueryCountTests {

    static final int MAX_STATEMENTS = 6;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectProvider<ApiFixture> apiFixtures;

    @Test
    void listsCostAFixedNumberOfStatementsWhateverTheirLength() throws Exception {
        ApiFixture api = apiFixtures.getObject();
        Section section = api.fixtures.section("Count Desk");
        List<Author> byline = List.of(api.author("Ann One"), api.author("Bo Two"), api.author("Cy Three"));
        String topic = "Counting " + Fixtures.word();
        List<String> topics = List.of(topic, topic + " two", topic + " three");
        List<Article> articles = new ArrayList<>();
        articles.add(api.illustrated(section, byline, topics, Duration.ofDays(20)));

        Map<String, Integer> few = statements(api, section, byline.get(0), topic, articles.get(0));
        for (int i = 1; i < 12; i++) {
            articles.add(api.illustrated(section, byline, topics, Duration.ofDays(20 - i)));
        }
        Map<String, Integer> many = statements(api, section, byline.get(0), topic, articles.get(11));

        assertThat(many).isEqualTo(few);
        assertThat(many.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(MAX_STATEMENTS));
    }

    private Map<String, Integer> statements(
            ApiFixture api, Section section, Author author, String topic, Article article) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String path : List.of(
                "/api/v1/articles?section=" + section.getSlug(),
                "/api/v1/articles?author=" + author.getSlug() + "&topic=" + Slugs.slugify(topic),
                "/api/v1/articles/" + article.getSlug(),
                "/api/v1/authors",
                "/api/v1/topics",
                "/api/v1/sections")) {
            SqlStatementCounter.reset();
            int status = mvc.perform(api.get(path)).andReturn().getResponse().getStatus();
            assertThat(status).as(path).isEqualTo(200);
            counts.put(
                    path.replaceAll("=[^&]*", "=…").replaceAll("/articles/.*", "/articles/{slug}"),
                    SqlStatementCounter.count());
        }
        return counts;
    }
}
