package org.masthead.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleFixtures;
import org.masthead.author.Author;
import org.masthead.rule.BusinessRuleException;
import org.masthead.slug.InvalidSlugException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A broken domain rule is answered with its message where the request came from (a form's field or notice), or,
 * where no handler answers it, with the 422 page: never a 500.
 */
@IntegrationTest
class BusinessRuleMappingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    MutableClock clock;

    @Autowired
    MessageSource messages;

    @Autowired
    SiteProperties site;

    @Test
    void aScheduleInThePastIsRefusedWithItsMessageAndNothingMoves() throws Exception {
        Article draft = content.draft(content.section(), List.of(content.author()), List.of());
        LocalDate yesterday =
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(2);
        MvcResult result = mvc.perform(post("/admin/articles/" + draft.getId() + "/schedule")
                        .with(csrf())
                        .with(user(ArticleFixtures.EDITOR))
                        .param("date", yesterday.toString())
                        .param("time", "09:00"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getFlashMap().get("error")).isEqualTo("article.schedule.past");
        assertThat(messages.getMessage("article.schedule.past", null, Locale.ENGLISH))
                .contains("future");
    }

    @Test
    void mergingAnAuthorIntoThemselfGetsTheMergeMessageNotA500() throws Exception {
        Author author = content.author();
        content.draft(content.section(), List.of(author), List.of());
        MvcResult result = mvc.perform(post("/admin/authors/" + author.getId() + "/merge")
                        .with(csrf())
                        .with(user(ArticleFixtures.ADMIN))
                        .param("targetId", String.valueOf(author.getId())))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString())
                .contains(messages.getMessage("author.error.merge-target", null, Locale.ENGLISH));
    }

    @Test
    void aRuleNoHandlerAnswersGetsThe422PageWithItsMessage() throws Exception {
        MockMvc standalone = MockMvcBuilders.standaloneSetup(new RuleBreakingController())
                .setControllerAdvice(new GlobalControllerAdvice(site))
                .build();
        MvcResult result = standalone.perform(get("/breaks-a-rule")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(result.getModelAndView()).isNotNull();
        assertThat(result.getModelAndView().getViewName()).isEqualTo(ErrorPage.VIEW);
        assertThat(result.getModelAndView().getModel()).containsEntry(ErrorPage.ATTRIBUTE, ErrorPage.BAD_REQUEST);
        assertThat(result.getModelAndView().getModel()).containsEntry("messageKey", "slug.invalid");
        assertThat(messages.getMessage("slug.invalid", null, Locale.ENGLISH)).contains("lower-case");
    }

    @Test
    void everyRuleExceptionNamesAMessageThatExists() {
        BusinessRuleException rule = new InvalidSlugException("Not A Slug");
        assertThat(rule.getField()).isEqualTo("slug");
        assertThat(messages.getMessage(rule.getMessageKey(), null, Locale.ENGLISH))
                .isNotBlank();
        assertThat(messages.getMessage("article.publish.future", null, Locale.ENGLISH))
                .isNotBlank();
    }

    @Controller
    static class RuleBreakingController {
        @GetMapping("/breaks-a-rule")
        String breaks() {
            throw new InvalidSlugException("Not A Slug");
        }
    }
}
