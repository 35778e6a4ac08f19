package org.masthead.slug;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTests {

    @Test
    void makesReadableAsciiSlugs() {
        assertThat(Slugs.slugify("Why NATO's 'Eastern Flank' Matters — Again"))
                .isEqualTo("why-natos-eastern-flank-matters-again");
        assertThat(Slugs.slugify("Héctor Vallejo")).isEqualTo("hector-vallejo");
        assertThat(Slugs.slugify("Trade & Tariffs")).isEqualTo("trade-and-tariffs");
        assertThat(Slugs.slugify("  --!!--  ")).isEmpty();
        assertThat(Slugs.slugify(null)).isEmpty();
    }

    @Test
    void capsTheLengthAtAWordBoundary() {
        String slug = Slugs.slugify("word ".repeat(60));
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(slug).endsWith("word");
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @Test
    void validatesSlugs() {
        assertThat(Slugs.isValid("a-valid-slug-2")).isTrue();
        assertThat(Slugs.isValid("Not-Valid")).isFalse();
        assertThat(Slugs.isValid("double--hyphen")).isFalse();
        assertThat(Slugs.isValid("-leading")).isFalse();
        assertThat(Slugs.isValid("")).isFalse();
        assertThat(Slugs.isValid("../etc/passwd")).isFalse();
    }
}
