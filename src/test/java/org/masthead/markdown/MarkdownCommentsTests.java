package org.masthead.markdown;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** HTML comments go from Markdown source; code, and everything else, stays as written. */
class MarkdownCommentsTests {

    @Test
    void aCommentBetweenParagraphsGoesWithItsLine() {
        assertThat(MarkdownComments.strip("First.\n\n<!-- EDITOR NOTE: check the date -->\n\nSecond.\n"))
                .isEqualTo("First.\n\nSecond.\n");
    }

    @Test
    void aCommentOverSeveralLinesGoes() {
        assertThat(MarkdownComments.strip("First.\n\n<!-- EDITOR NOTE:\nask legal\n-->\n\nSecond."))
                .isEqualTo("First.\n\nSecond.");
    }

    @Test
    void anInlineCommentGoesAndTheSentenceStays() {
        assertThat(MarkdownComments.strip("A claim<!-- EDITOR NOTE: source? --> that *stands*.\n"))
                .isEqualTo("A claim that *stands*.\n");
    }

    @Test
    void aCommentInsideAnHtmlBlockGoesAndTheBlockStays() {
        assertThat(MarkdownComments.strip("<div class=\"box\">\n<!-- hidden -->\n<p>Shown</p>\n</div>\n"))
                .isEqualTo("<div class=\"box\">\n<p>Shown</p>\n</div>\n");
    }

    @Test
    void commentsShownInCodeStay() {
        String markdown = "Write `<!-- note -->` to hide text:\n\n```html\n<!-- a note -->\n\n\n<p>x</p>\n```\n\n"
                + "    <!-- indented code -->\n";
        assertThat(MarkdownComments.strip(markdown)).isEqualTo(markdown);
    }

    @Test
    void textWithoutCommentsIsUntouched() {
        String markdown = "# Title\n\n\n\nA < b and c --> d.\n";
        assertThat(MarkdownComments.strip(markdown)).isSameAs(markdown);
        assertThat(MarkdownComments.strip("1 <!-2 and 3 -> 4")).isEqualTo("1 <!-2 and 3 -> 4");
        assertThat(MarkdownComments.strip(null)).isNull();
    }
}
