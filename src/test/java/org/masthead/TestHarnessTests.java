package org.masthead;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The shared test context is what the tests assume: the test profile, and the application's own CSRF tokens. */
@IntegrationTest
class TestHarnessTests {

    @Autowired
    Environment environment;

    @Autowired
    MockMvc mvc;

    @Autowired
    FilterChainProxy security;

    @Autowired
    ApplicationCsrfTokens csrfTokens;

    @Test
    void theTestProfileTurnsOffEverythingThatRunsByItself() {
        assertThat(environment.getActiveProfiles()).contains("test");
        assertThat(environment.getProperty("masthead.scheduler.enabled", Boolean.class))
                .isFalse();
        assertThat(environment.getProperty("masthead.jobs.enabled", Boolean.class))
                .isFalse();
        assertThat(environment.getProperty("masthead.embedded-db.ephemeral", Boolean.class))
                .isTrue();
    }

    @Test
    void aMockMvcRequestWithATestCsrfTokenDoesNotLeaveItsRepositoryBehind() throws Exception {
        mvc.perform(post("/newsletter").with(csrf()));
        assertThat(repositoryClass()).contains("TestCsrfTokenRepository");

        csrfTokens.restore(); // what ApplicationCsrfTokens.Listener does before each test
        assertThat(repositoryClass()).endsWith(".SessionCsrfTokens");
    }

    private String repositoryClass() {
        CsrfFilter filter = security.getFilterChains().stream()
                .flatMap(chain -> chain.getFilters().stream())
                .filter(CsrfFilter.class::isInstance)
                .map(CsrfFilter.class::cast)
                .findFirst()
                .orElseThrow();
        return ReflectionTestUtils.getField(filter, "tokenRepository")
                .getClass()
                .getName();
    }
}
