package org.masthead.markdown;

import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Library images in a body become figures with their widths, size, caption and credit. */
class InlineFiguresTests {

    static final InlineImage HARBOUR = new InlineImage(
            "/media/12/harbour.jpg",
            "/media/12/480/harbour.jpg 480w, /media/12/harbour.jpg 800w",
            800,
            533,
            "The harbour at dawn",
            "Photo: Example Agency");

    static final InlineImage BARE = new InlineImage("/media/13/bare.png", "/media/13/bare.png 300w", 300, 200, "", "");

    private final MarkdownRenderer renderer = new MarkdownRenderer(Optional.of(
            id -> Optional.ofNullable(Map.of(12L, HARBOUR, 13L, BARE).get(id))));

    @Test
    void anImageAloneInItsParagraphBecomesAFigureWithItsOwnCaptionAndCredit() {
        Element body = body(renderer.render("Before.\n\n![Cranes over the water](/media/12/harbour.jpg)\n\nAfter.")
                .html());

        Element figure = body.selectFirst("figure.figure");
        assertThat(figure).isNotNull();
        assertThat(body.select("p img")).isEmpty();
        Element img = figure.selectFirst("img");
        assertThat(img.attr("src")).isEqualTo("/media/12/harbour.jpg");
        assertThat(img.attr("alt")).isEqualTo("Cranes over the water");
        assertThat(img.attr("srcset")).isEqualTo(HARBOUR.srcset());
        assertThat(img.attr("sizes")).isNotBlank();
        assertThat(img.attr("width")).isEqualTo("800");
        assertThat(img.attr("height")).isEqualTo("533");
        assertThat(img.attr("loading")).isEqualTo("lazy");
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo("The harbour at dawn Photo: Example Agency");
        assertThat(figure.selectFirst(".figure__credit").text()).isEqualTo("Photo: Example Agency");
        assertThat(body.select("p")).hasSize(2);
    }

    @Test
    void theMarkdownTitleIsTheCaptionAndAVariantUrlFindsItsImage() {
        Element figure = body(renderer.render("![Cranes](/media/12/480/harbour.jpg \"Rotterdam, 6 a.m.\")")
                        .html())
                .selectFirst("figure");

        assertThat(figure.selectFirst("img").attr("src")).isEqualTo("/media/12/harbour.jpg");
        assertThat(figure.selectFirst("img").hasAttr("title")).isFalse();
        assertThat(figure.selectFirst("figcaption > span").text()).isEqualTo("Rotterdam, 6 a.m.");
        assertThat(figure.text()).doesNotContain("The harbour at dawn");
    }

    @Test
    void anImageWithoutCaptionOrCreditHasNoFigcaption() {
        Element figure =
                body(renderer.render("![A chart](/media/13/bare.png)").html()).selectFirst("figure");

        assertThat(figure).isNotNull();
        assertThat(figure.select("figcaption")).isEmpty();
    }

    @Test
    void anImageInsideASentenceGetsItsWidthsButStaysInline() {
        Element body = body(
                renderer.render("See ![the chart](/media/13/bare.png) here.").html());

        assertThat(body.select("figure")).isEmpty();
        assertThat(body.selectFirst("p img").attr("width")).isEqualTo("300");
        assertThat(body.selectFirst("p img").attr("srcset")).isEqualTo(BARE.srcset());
    }

    @Test
    void unknownAndOutsideImagesAreLeftAlone() {
        Element body = body(renderer.render("![Gone](/media/99/gone.jpg)\n\n![Elsewhere](https://example.org/x.jpg)")
                .html());

        assertThat(body.select("figure")).isEmpty();
        assertThat(body.select("img")).hasSize(2);
        assertThat(body.select("img[srcset]")).isEmpty();
    }

    @Test
    void captionsAreTextNotMarkup() {
        String html = renderer.render("![x](/media/12/harbour.jpg \"<script>alert(1)</script>\")")
                .html();

        assertThat(body(html).select("script")).isEmpty();
        assertThat(body(html).selectFirst("figcaption").text()).contains("<script>alert(1)</script>");
    }

    @Test
    void withoutALibraryImagesStayPlain() {
        Element body = body(
                new MarkdownRenderer().render("![x](/media/12/harbour.jpg)").html());

        assertThat(body.select("figure")).isEmpty();
        assertThat(body.select("p > img")).hasSize(1);
    }

    private static Element body(String html) {
        return Jsoup.parseBodyFragment(html).body();
    }
}
