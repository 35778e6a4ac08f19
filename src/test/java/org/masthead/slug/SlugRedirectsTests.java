package org.masthead.slug;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Old slugs keep answering after renames and merges, and a slug is free only when no other page has it or had it.
 * On the real database (its unique keys are part of the rule), each service call its own transaction as in use;
 * slugs and page ids are this run's own, so rows other tests leave behind never match.
 */
@IntegrationTest
class SlugRedirectsTests {

    private static final SlugKind KIND = SlugKind.SECTION;

    @Autowired
    SlugRedirects redirects;

    /** Page ids no real page has (the table has no foreign key: a redirect names a page of any kind). */
    private static final long BASE = 9_000_000_000L + (System.nanoTime() % 1_000_000) * 100;

    private static long id(int n) {
        return BASE + n;
    }

    private static String slug(String name) {
        return "redirect-" + name + "-" + System.nanoTime();
    }

    @Test
    void aRenamedPagesOldSlugLeadsToIt() {
        String old = slug("old");
        String renamed = slug("new");
        redirects.renamed(KIND, id(41), old, renamed);

        assertThat(redirects.find(KIND, old)).contains(id(41));
        assertThat(redirects.find(KIND, renamed)).isEmpty();
        assertThat(redirects.find(SlugKind.AUTHOR, old)).as("kinds are apart").isEmpty();
        assertThat(redirects.oldSlugs(KIND, id(41))).containsExactly(old);
    }

    @Test
    void renamingToTheSameSlugRecordsNothing() {
        String same = slug("same");
        redirects.renamed(KIND, id(42), same, same);
        assertThat(redirects.find(KIND, same)).isEmpty();
    }

    @Test
    void aPageThatTakesOverAnOldSlugNoLongerRedirectsAway() {
        String a = slug("a");
        String b = slug("b");
        redirects.renamed(KIND, id(43), a, b); // page 43: a -> b; a redirects to 43
        redirects.renamed(KIND, id(44), slug("c"), a); // page 44 takes a: a must stop redirecting to 43

        assertThat(redirects.find(KIND, a)).isEmpty();
        assertThat(redirects.oldSlugs(KIND, id(43))).isEmpty();
    }

    @Test
    void anOldSlugReusedByItsPageIsRepointedNotDuplicated() {
        String a = slug("a");
        redirects.renamed(KIND, id(45), a, slug("b"));
        redirects.renamed(KIND, id(46), a, slug("c")); // the same old slug, now another page's former slug
        assertThat(redirects.find(KIND, a)).contains(id(46));
        assertThat(redirects.oldSlugs(KIND, id(45))).isEmpty();
    }

    @Test
    void aMergedPageAndItsOldSlugsLeadToThePageItWasMergedInto() {
        String older = slug("older");
        String from = slug("from");
        redirects.renamed(KIND, id(47), older, from);
        redirects.merged(KIND, id(47), from, id(48));

        assertThat(redirects.find(KIND, from)).contains(id(48));
        assertThat(redirects.find(KIND, older)).contains(id(48));
        assertThat(redirects.oldSlugs(KIND, id(48))).containsExactlyInAnyOrder(older, from);
        assertThat(redirects.oldSlugs(KIND, id(47))).isEmpty();
    }

    @Test
    void aSlugIsFreeOnlyWhenNoOtherPageHasItOrHadIt() {
        String held = slug("held");
        String former = slug("former");
        redirects.renamed(KIND, id(49), former, slug("now"));

        assertThat(redirects.isFree(KIND, slug("unused"), Optional.empty(), null))
                .isTrue();
        assertThat(redirects.isFree(KIND, held, Optional.of(id(50)), null))
                .as("another page has it")
                .isFalse();
        assertThat(redirects.isFree(KIND, held, Optional.of(id(50)), id(50)))
                .as("its own")
                .isTrue();
        assertThat(redirects.isFree(KIND, former, Optional.empty(), null))
                .as("another page had it")
                .isFalse();
        assertThat(redirects.isFree(KIND, former, Optional.empty(), id(49)))
                .as("it had it itself")
                .isTrue();
    }

    @Test
    void requireFreeRefusesATakenSlugAndAnInvalidOne() {
        String former = slug("former");
        redirects.renamed(KIND, id(51), former, slug("now"));

        assertThatThrownBy(() -> redirects.requireFree(KIND, former, Optional.empty(), null))
                .isInstanceOf(SlugInUseException.class);
        assertThatThrownBy(() -> redirects.requireFree(KIND, "Not A Slug!", Optional.empty(), null))
                .isInstanceOf(RuntimeException.class)
                .isNotInstanceOf(SlugInUseException.class);
        redirects.requireFree(KIND, former, Optional.empty(), id(51));
    }
}
