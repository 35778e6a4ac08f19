package org.masthead.article;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.article.TextDiff.Kind;
import org.masthead.article.TextDiff.Line;
import org.masthead.article.TextDiff.Segment;

import static org.assertj.core.api.Assertions.assertThat;

class TextDiffTests {

    @Test
    void aOneWordChangeInALongParagraphMarksThatWordOnly() {
        String before = "The sanctions regime has held for three years, and its critics were wrong about its costs.";
        String after = "The sanctions regime has held for four years, and its critics were wrong about its costs.";

        List<Line> diff = TextDiff.between(before, after);

        assertThat(diff).extracting(Line::kind).containsExactly(Kind.DELETED, Kind.INSERTED);
        assertThat(diff.get(0).segments())
                .containsExactly(
                        new Segment("The sanctions regime has held for ", false),
                        new Segment("three", true),
                        new Segment(" years, and its critics were wrong about its costs.", false));
        assertThat(diff.get(1).segments()).filteredOn(Segment::changed).containsExactly(new Segment("four", true));
    }

    @Test
    void segmentsAlwaysSpellTheWholeLine() {
        String before = "Mr. O’Neill said: “no—never”, twice!\nSecond line stays.";
        String after = "Ms. O’Neill said: “yes—always”; once?\nSecond line stays.";

        for (Line line : TextDiff.between(before, after)) {
            String joined = line.segments().stream().map(Segment::text).reduce("", String::concat);
            assertThat(joined).isEqualTo(line.text());
        }
    }

    @Test
    void addedAndRemovedLinesWithoutACounterpartAreWholeLines() {
        List<Line> diff = TextDiff.between("Kept.\nGone for good.", "Kept.\nGone for good, and more.\nA new line.");

        assertThat(diff)
                .extracting(Line::kind, Line::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.SAME, "Kept."),
                        org.assertj.core.groups.Tuple.tuple(Kind.DELETED, "Gone for good."),
                        org.assertj.core.groups.Tuple.tuple(Kind.INSERTED, "Gone for good, and more."),
                        org.assertj.core.groups.Tuple.tuple(Kind.INSERTED, "A new line."));
        assertThat(diff.get(2).segments())
                .filteredOn(Segment::changed)
                .extracting(Segment::text)
                .containsExactly(", and more");
        assertThat(diff.get(3).segments()).containsExactly(new Segment("A new line.", false));
    }

    @Test
    void identicalTextsHaveNoChanges() {
        assertThat(TextDiff.hasChanges(TextDiff.between("Same.\nSame again.", "Same.\nSame again.")))
                .isFalse();
    }
}
