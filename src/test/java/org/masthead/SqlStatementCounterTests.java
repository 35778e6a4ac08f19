package org.masthead;

import org.junit.jupiter.api.Test;
import org.masthead.section.SectionService;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement counter that the "at most N statements" checks rely on counts in the test context itself (not only
 * when the build passes it a system property), so those checks cannot pass by counting nothing.
 */
@IntegrationTest
class SqlStatementCounterTests {

    @Autowired
    SectionService sections;

    @Test
    void aQueryIsCounted() {
        SqlStatementCounter.reset();
        assertThat(SqlStatementCounter.count()).isZero();
        sections.all();
        assertThat(SqlStatementCounter.count()).isPositive();
    }
}
