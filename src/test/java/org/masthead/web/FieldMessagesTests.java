package org.masthead.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.TestContent;
import org.masthead.article.ArticleFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A value of the wrong kind in a form field gets a message a person can act on, never the binder's own text. */
@IntegrationTest
class FieldMessagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Test
    void wrongKindsOfValueGetClearMessages() throws Exception {
        long section = content.section().getId();
        record Case(MockHttpServletRequestBuilder request, String expected) {}
        List<Case> cases = List.of(
                new Case(
                        post("/admin/articles")
                                .with(user(ArticleFixtures.EDITOR))
                                .param("title", "T")
                                .param("bodyMarkdown", "B")
                                .param("sectionId", "abc"),
                        "Choose one of the options offered."),
                new Case(
                        post("/admin/articles")
                                .with(user(ArticleFixtures.EDITOR))
                                .param("title", "T")
                                .param("bodyMarkdown", "B")
                                .param("sectionId", "" + section)
                                .param("authorIds[0]", "12x"),
                        "Choose one of the options offered."),
                new Case(
                        post("/admin/sections")
                                .with(user(ArticleFixtures.ADMIN))
                                .param("name", "S")
                                .param("position", "first"),
                        "Enter a whole number."),
                new Case(
                        post("/admin/authors")
                                .with(user(ArticleFixtures.ADMIN))
                                .param("name", "A")
                                .param("photoImageId", "photo"),
                        "Choose one of the options offered."),
                new Case(
                        post("/admin/authors")
                                .with(user(ArticleFixtures.ADMIN))
                                .param("name", "A")
                                .param("accountId", "me"),
                        "Choose one of the options offered."));
        for (Case c : cases) {
            MvcResult result = mvc.perform(c.request().with(csrf())).andReturn();
            String body = result.getResponse().getContentAsString();
            String label = result.getRequest().getRequestURI() + " "
                    + result.getRequest().getParameterMap().keySet();
            assertThat(result.getResponse().getStatus()).as(label).isLessThan(500);
            assertThat(body)
                    .as(label)
                    .doesNotContain("Failed to convert")
                    .doesNotContain("java.lang")
                    .contains(c.expected());
        }
    }
}
