package org.masthead.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ETagsTests {

    private static final byte[] BODY = "<p>A page</p>".getBytes(StandardCharsets.UTF_8);

    @Test
    void aStrongTagIsTheQuotedDigestOfTheBytes() {
        assertThat(ETags.digest(BODY)).matches("[A-Za-z0-9_-]{22}");
        assertThat(ETags.strong(BODY)).isEqualTo("\"" + ETags.digest(BODY) + "\"");
        assertThat(ETags.strong(BODY)).isEqualTo(ETags.strong(BODY.clone()));
        assertThat(ETags.strong("<p>A page.</p>".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(ETags.strong(BODY));
        assertThat(ETags.isStrong(ETags.strong(BODY))).isTrue();
    }

    @Test
    void aWeakTagIsMarkedWeakAndChangesWithItsKey() {
        assertThat(ETags.weak("feed|1@2")).startsWith("W/\"").endsWith("\"");
        assertThat(ETags.weak("feed|1@2")).isEqualTo(ETags.weak("feed|1@2")).isNotEqualTo(ETags.weak("feed|1@3"));
        assertThat(ETags.isStrong(ETags.weak("feed"))).isFalse();
        assertThat(ETags.isStrong(null)).isFalse();
    }
}
