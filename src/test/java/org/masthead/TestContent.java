package org.masthead;

import java.time.Instant;
import java.util.List;

import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.masthead.testing.TestData;
import org.springframework.stereotype.Component;

/**
 * Anonymous test data (generated names and texts): the {@link TestData} builders with their defaults. Inject it;
 * new tests may use {@link TestData} directly.
 */
@Component
public class TestContent {

    /** An editor to act as in service calls that need a signed-in staff member. */
    public static final StaffUser EDITOR = TestData.FIXTURE_EDITOR;

    private final TestData data;

    TestContent(TestData data) {
        this.data = data;
    }

    /** A real staff account (no password yet), for records that point at accounts. */
    public long account(Role role) {
        return data.account(role);
    }

    public static String unique(String prefix) {
        return TestData.unique(prefix);
    }

    public Section section() {
        return data.aSection().create();
    }

    public Author author() {
        return data.anAuthor().create();
    }

    public Article draft(Section section, List<Author> byline, List<String> topics) {
        return data.anArticle().inSection(section).by(byline).withTopics(topics).draft();
    }

    public Article published(Section section, List<Author> byline, List<String> topics, Instant publishedAt) {
        return data.anArticle().inSection(section).by(byline).withTopics(topics).publishedAt(publishedAt);
    }
}
