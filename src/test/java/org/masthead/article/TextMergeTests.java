package org.masthead.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextMergeTests {

    static final String BASE = "One.\n\nTwo.\n\nThree.\n\nFour.";

    static TextMerge.Result merge(String mine, String theirs) {
        return TextMerge.merge(BASE, mine, theirs, "your text", "their text");
    }

    @Test
    void changesToDifferentParagraphsAreBothKept() {
        TextMerge.Result merged =
                merge("One, mine.\n\nTwo.\n\nThree.\n\nFour.", "One.\n\nTwo.\n\nThree.\n\nFour, theirs.");
        assertThat(merged.conflicted()).isFalse();
        assertThat(merged.text()).isEqualTo("One, mine.\n\nTwo.\n\nThree.\n\nFour, theirs.");
    }

    @Test
    void insertionsAndDeletionsOnEitherSideAreKept() {
        TextMerge.Result merged =
                merge("One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive, added by me.", "Two.\n\nThree.\n\nFour.");
        assertThat(merged.conflicted()).isFalse();
        assertThat(merged.text()).isEqualTo("Two.\n\nThree.\n\nFour.\n\nFive, added by me.");
    }

    @Test
    void theSameChangeOnBothSidesIsTakenOnce() {
        String both = "One.\n\nTwo, fixed.\n\nThree.\n\nFour.";
        TextMerge.Result merged = merge(both, both);
        assertThat(merged.conflicted()).isFalse();
        assertThat(merged.text()).isEqualTo(both);
    }

    @Test
    void differentChangesToTheSameLinesKeepBothBetweenMarkers() {
        TextMerge.Result merged = merge(
                "One.\n\nTwo, as I see it.\n\nThree.\n\nFour.", "One.\n\nTwo, as they see it.\n\nThree.\n\nFour.");
        assertThat(merged.conflicted()).isTrue();
        assertThat(merged.text())
                .isEqualTo(
                        "One.\n\n<<<<<<< your text\nTwo, as I see it.\n=======\nTwo, as they see it.\n>>>>>>> their text"
                                + "\n\nThree.\n\nFour.");
        assertThat(TextMerge.hasMarkers(merged.text())).isTrue();
    }

    @Test
    void onlyOneSideChangedTakesThatSide() {
        assertThat(merge(BASE, "Rewritten.").text()).isEqualTo("Rewritten.");
        assertThat(merge("Rewritten.", BASE).text()).isEqualTo("Rewritten.");
        assertThat(TextMerge.merge("", "Mine.", "", "a", "b").text()).isEqualTo("Mine.");
    }

    @Test
    void ordinaryTextHasNoMarkers() {
        assertThat(TextMerge.hasMarkers("A quote:\n> <<<<<<< not at the start\n======="))
                .isFalse();
        assertThat(TextMerge.hasMarkers(null)).isFalse();
    }
}
