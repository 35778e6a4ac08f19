package org.masthead.article.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.SqlStatementCounter;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.cache.PageCache;
import org.masthead.section.Section;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No N+1: every public page costs at most four SQL statements, however long its lists and bylines are
 * (an article page five: its related reading is one more query). Co-authors and topics are fetched in batches,
 * not one query per article.
 */
@IntegrationTest
class PublicPagesQueryCountTests {

    static final int MAX_STATEMENTS = 4;

    @Autowired
    private MockMvc mvc;

    @Autowired
    private TestContent content;

    @Autowired
    private PageCache pageCache;

    @Test
    void publicPagesCostAFixedNumberOfStatementsWhateverTheListLength() throws Exception {
        Section section = content.section();
        List<Author> byline = List.of(content.author(), content.author(), content.author());
        String topic = TestContent.unique("topic");
        List<Article> published = new ArrayList<>();
        Instant start = Instant.now().minus(Duration.ofDays(40));
        for (int i = 0; i < 14; i++) {
            published.add(content.published(
                    section,
                    byline,
                    List.of(topic, "Second " + topic, "Third " + topic),
                    start.plus(Duration.ofHours(i))));
        }
        String topicSlug = org.masthead.slug.Slugs.slugify(topic);
        Article article = published.get(published.size() - 1);

        // Measure with short lists, then with long ones: the count must not grow with the list.
        List<String> pages = List.of(
                "/",
                "/sections/" + section.getSlug(),
                "/sections/" + section.getSlug() + "?page=2",
                "/authors/" + byline.get(1).getSlug(),
                "/topics/" + topicSlug,
                "/articles/" + article.getSlug());
        StringBuilder report =
                new StringBuilder("SQL statements per public page (14 articles, 3 co-authors and 3 topics each)\n");
        for (String page : pages) {
            int statements = statementsFor(page);
            report.append(String.format("%-60s %d%n", page, statements));
            assertThat(statements).as("SQL statements for %s", page).isLessThanOrEqualTo(MAX_STATEMENTS);
        }

        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "benchmarks"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "benchmarks", "sql-statements.txt"), report);

        int sectionBefore = statementsFor("/sections/" + section.getSlug());
        for (int i = 0; i < 6; i++) {
            content.published(
                    section,
                    List.of(content.author(), content.author()),
                    List.of(topic),
                    start.plus(Duration.ofDays(1)).plus(Duration.ofHours(i)));
        }
        assertThat(statementsFor("/sections/" + section.getSlug())).isEqualTo(sectionBefore);
    }

    /** What rendering the page costs: the page cache is emptied first. */
    private int statementsFor(String path) throws Exception {
        pageCache.clear("measuring a page's rendering");
        SqlStatementCounter.reset();
        mvc.perform(get(path)).andExpect(status().isOk());
        return SqlStatementCounter.count();
    }
}
