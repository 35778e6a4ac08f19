package org.masthead.topic.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.HttpPage;
import org.masthead.HttpTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.section.Section;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.masthead.topic.Topic;
import org.masthead.topic.TopicService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HttpTest
class TopicAdminControllerTests {

    static final StaffUser EDITOR =
            new StaffUser(9601, "editor-topics@example.org", "Ed", Role.EDITOR, "{noop}x", true);
    static final StaffUser CONTRIBUTOR =
            new StaffUser(9602, "contributor-topics@example.org", "Co", Role.CONTRIBUTOR, "{noop}x", true);

    @Autowired
    MockMvc mvc;

    @Autowired
    TopicService topics;

    @Autowired
    TestContent content;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    @Test
    void onlyEditorsAndAdminsManageTopics() throws Exception {
        Topic topic = topicOf(publishedWithTopic("Contested " + TestContent.unique("t")));
        mvc.perform(get("/admin/topics").with(user(CONTRIBUTOR))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/topics/{id}", topic.getId())
                        .param("name", "Renamed by a contributor")
                        .with(csrf())
                        .with(user(CONTRIBUTOR)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/topics/{id}/delete", topic.getId())
                        .with(csrf())
                        .with(user(CONTRIBUTOR)))
                .andExpect(status().isForbidden());
        assertThat(topics.get(topic.getId()).getName()).startsWith("Contested");

        mvc.perform(get("/admin/topics").with(user(EDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(topic.getName())));
    }

    @Test
    void renamingATopicKeepsItsOldAddressWorking() throws Exception {
        String name = "Propoganda " + TestContent.unique("t");
        Topic topic = topicOf(publishedWithTopic(name));
        String oldSlug = topic.getSlug();
        String newSlug = TestContent.unique("propaganda");

        mvc.perform(post("/admin/topics/{id}", topic.getId())
                        .param("name", "Propaganda")
                        .param("slug", newSlug)
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/topics/" + topic.getId()));

        assertThat(topics.get(topic.getId()).getName()).isEqualTo("Propaganda");
        HttpResponse<String> old = HttpPage.get(port, "/topics/" + oldSlug);
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location").orElseThrow()).endsWith("/topics/" + newSlug);
        HttpResponse<String> current = HttpPage.get(port, "/topics/" + newSlug);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.body()).contains("Propaganda");
        assertThat(auditCount("topic.rename", newSlug)).isEqualTo(1);
    }

    @Test
    void aRenameToAnotherTopicsAddressIsAFieldError() throws Exception {
        Topic first = topicOf(publishedWithTopic("First " + TestContent.unique("t")));
        Topic second = topicOf(publishedWithTopic("Second " + TestContent.unique("t")));

        mvc.perform(post("/admin/topics/{id}", first.getId())
                        .param("name", "First, retitled")
                        .param("slug", second.getSlug())
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Another topic has, or had, this address")))
                .andExpect(content().string(containsString("First, retitled")));
        assertThat(topics.get(first.getId()).getSlug()).isEqualTo(first.getSlug());
    }

    @Test
    void mergingMovesTheArticlesAndRedirectsTheMergedTopic() throws Exception {
        String suffix = TestContent.unique("t");
        Article misspelt = publishedWithTopic("Propoganda " + suffix);
        Article right = publishedWithTopic("Propaganda " + suffix);
        Article both = content.published(
                content.section(),
                List.of(content.author()),
                List.of("Propoganda " + suffix, "Propaganda " + suffix),
                clock.instant().minus(Duration.ofHours(1)));
        Topic from = topicOf(misspelt);
        Topic into = topicOf(right);

        mvc.perform(post("/admin/topics/{id}/merge", from.getId())
                        .param("into", into.getId().toString())
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/topics/" + into.getId()));

        assertThat(topics.findBySlug(from.getSlug())).isEmpty();
        assertThat(topicIdsOf(misspelt)).containsExactly(into.getId());
        assertThat(topicIdsOf(both)).containsExactly(into.getId());
        assertThat(topics.articleCount(into.getId())).isEqualTo(3);
        HttpResponse<String> old = HttpPage.get(port, "/topics/" + from.getSlug());
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location").orElseThrow()).endsWith("/topics/" + into.getSlug());
        assertThat(HttpPage.get(port, "/topics/" + into.getSlug()).body()).contains(misspelt.getTitle());
        assertThat(auditCount("topic.merge", from.getSlug())).isEqualTo(1);
    }

    @Test
    void aTopicCannotBeMergedIntoItselfOrNothing() throws Exception {
        Topic topic = topicOf(publishedWithTopic("Lonely " + TestContent.unique("t")));
        mvc.perform(post("/admin/topics/{id}/merge", topic.getId())
                        .param("into", topic.getId().toString())
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("cannot be merged into itself")));
        mvc.perform(post("/admin/topics/{id}/merge", topic.getId()).with(csrf()).with(user(EDITOR)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose the topic to merge into")));
        assertThat(topics.findBySlug(topic.getSlug())).isPresent();
    }

    @Test
    void onlyATopicNoArticleCarriesCanBeDeleted() throws Exception {
        Article article = publishedWithTopic("Kept " + TestContent.unique("t"));
        Topic used = topicOf(article);
        mvc.perform(post("/admin/topics/{id}/delete", used.getId()).with(csrf()).with(user(EDITOR)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("cannot be deleted")));
        assertThat(topics.findBySlug(used.getSlug())).isPresent();

        Topic unused = topics.findOrCreate(Actor.importing("test"), List.of("Unused " + TestContent.unique("t")))
                .iterator()
                .next();
        mvc.perform(post("/admin/topics/{id}/delete", unused.getId())
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/topics"));
        assertThat(topics.findBySlug(unused.getSlug())).isEmpty();
        assertThat(auditCount("topic.delete", unused.getSlug())).isEqualTo(1);
    }

    private Article publishedWithTopic(String topicName) {
        Section section = content.section();
        Author author = content.author();
        return content.published(
                section, List.of(author), List.of(topicName), clock.instant().minus(Duration.ofHours(1)));
    }

    private Topic topicOf(Article article) {
        return topics.get(topicIdsOf(article).get(0));
    }

    private List<Long> topicIdsOf(Article article) {
        return jdbc.queryForList(
                "select topic_id from article_topics where article_id = ? order by topic_id",
                Long.class,
                article.getId());
    }

    private int auditCount(String action, String slug) {
        return jdbc.queryForObject(
                "select count(*) from audit_events where action = ? and subject like ?",
                Integer.class,
                action,
                "%" + slug + "%");
    }
}
