package org.masthead.markdown;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTests {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersParagraphsAndEmphasis() {
        RenderedMarkdown result = renderer.render("Hello *world* and **bold**.\n\nSecond paragraph.");

        assertThat(result.html())
                .isEqualTo("<p>Hello <em>world</em> and <strong>bold</strong>.</p>\n<p>Second paragraph.</p>\n");
        assertThat(result.text()).isEqualTo("Hello world and bold. Second paragraph.");
    }

    @Test
    void rendersTables() {
        Element body = body(renderer.render("| Country | Budget |\n|:--|--:|\n| France | \"2.1%\" |\n")
                .html());

        assertThat(body.select("table > thead th")).extracting(Element::text).containsExactly("Country", "Budget");
        // Each cell starts afresh, so its first quote opens.
        assertThat(body.select("table > tbody td")).extracting(Element::text).containsExactly("France", "“2.1%”");
        assertThat(body.selectFirst("th").attr("align")).isEqualTo("left");
    }

    @Test
    void rendersStrikethrough() {
        assertThat(renderer.render("It was ~~cheap~~ costly.").html()).contains("<del>cheap</del>");
    }

    @Test
    void autolinksUrlsAsExternalLinksAndLeavesTheirTextAlone() {
        Element body = body(renderer.render("Read https://example.org/a--b--c... today -- or \"never\".")
                .html());

        Element link = body.selectFirst("a");
        assertThat(link.attr("href")).isEqualTo("https://example.org/a--b--c");
        assertThat(link.text()).isEqualTo("https://example.org/a--b--c");
        assertThat(link.attr("rel")).isEqualTo("noopener noreferrer");
        assertThat(link.hasAttr("target")).isFalse();
        // The prose around it is still typeset.
        assertThat(body.text()).isEqualTo("Read https://example.org/a--b--c… today – or “never”.");
    }

    @Test
    void autolinkedWwwAndEmailKeepTheirText() {
        Element body = body(renderer.render("Try www.example.org/it's--here or first.last@example.org.")
                .html());

        assertThat(body.select("a"))
                .extracting(Element::text)
                .containsExactly("www.example.org/it's--here", "first.last@example.org");
        assertThat(body.select("a").get(1).attr("href")).isEqualTo("mailto:first.last@example.org");
        assertThat(body.select("a").get(1).hasAttr("rel")).isFalse();
    }

    @Test
    void footnotesSurviveSanitising() {
        String markdown = "A claim[^1] and the same source again[^1].\n\n[^1]: The source.\n";
        Element body = body(renderer.render(markdown).html());

        Element reference = body.selectFirst("sup.footnote-ref > a");
        assertThat(reference.attr("href")).isEqualTo("#fn-1");
        assertThat(reference.id()).isEqualTo("fnref-1");
        assertThat(reference.hasAttr("data-footnote-ref")).isTrue();
        assertThat(body.select("sup.footnote-ref > a").get(1).id()).isEqualTo("fnref-1-2");

        Element section = body.selectFirst("section.footnotes");
        assertThat(section).isNotNull();
        assertThat(section.hasAttr("data-footnotes")).isTrue();
        Element note = section.selectFirst("li#fn-1");
        assertThat(note).isNotNull();
        assertThat(note.select("a.footnote-backref"))
                .extracting(a -> a.attr("href"))
                .containsExactly("#fnref-1", "#fnref-1-2");
        assertThat(note.selectFirst("a.footnote-backref").attr("aria-label")).isEqualTo("Back to reference 1");
        // Fragment links are internal: no rel.
        assertThat(body.select("a[rel]")).isEmpty();
    }

    @Test
    void footnoteMarkersStayOutOfTheText() {
        RenderedMarkdown result = renderer.render("A claim[^1].\n\n[^1]: The source.\n");

        assertThat(result.text()).isEqualTo("A claim. The source.");
        assertThat(result.excerpt()).isEqualTo("A claim.");
    }

    @Test
    void headingsGetIds() {
        Element body = body(renderer.render("## Why it matters\n\nText.\n\n## Why it matters\n")
                .html());

        assertThat(body.select("h2")).extracting(Element::id).containsExactly("why-it-matters", "why-it-matters-1");
    }

    @Test
    void typesetsPunctuationInProse() {
        String markdown = "\"*Yes*,\" she said. It's the '90s -- a decade --- \"mostly\"... 'quoted' (\"inner\").";

        assertThat(renderer.render(markdown).html())
                .isEqualTo(
                        "<p>“<em>Yes</em>,” she said. It’s the ’90s – a decade — “mostly”… ‘quoted’ (“inner”).</p>\n");
    }

    @Test
    void titlesAndStandfirstsGetTheSamePunctuationAsProseOnceOnly() {
        String title = renderer.typographic("\"Peace\" isn't quiet -- the '90s ... again");
        assertThat(title).isEqualTo("“Peace” isn’t quiet – the ’90s … again");
        assertThat(renderer.typographic(title)).isEqualTo(title);
        assertThat(renderer.typographic("")).isEmpty();
        assertThat(renderer.typographic(null)).isNull();
    }

    @Test
    void typesetsQuotesAcrossLinesAndLinks() {
        String markdown = "He said\n\"[this](/a)\" and *\"that\"*.";

        assertThat(body(renderer.render(markdown).html()).text()).isEqualTo("He said “this” and “that”.");
    }

    @Test
    void leavesCodeAlone() {
        String markdown = "Use `\"x\" -- y...` here.\n\n```\nit's \"raw\" -- code...\n```\n\n    'indented' --- too\n";
        Element body = body(renderer.render(markdown).html());

        assertThat(body.select("code"))
                .extracting(Element::wholeText)
                .containsExactly("\"x\" -- y...", "it's \"raw\" -- code...\n", "'indented' --- too\n");
    }

    @Test
    void keepsTheLanguageClassOfFencedCode() {
        String html = renderer.render("```java\nvar x = 1;\n```\n").html();

        assertThat(html).isEqualTo("<pre><code class=\"language-java\">var x = 1;\n</code></pre>\n");
    }

    @Test
    void dropsClassesOutsideTheFootnoteMarkup() {
        String html = renderer.render("<sup class=\"evil footnote-ref\">1</sup> <code class=\"x language-js\">y</code>"
                        + " <a class=\"btn\" href=\"/x\">z</a>")
                .html();

        assertThat(html)
                .isEqualTo(
                        "<p><sup class=\"footnote-ref\">1</sup> <code class=\"language-js\">y</code> <a href=\"/x\">z</a></p>\n");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "Text <script>alert(1)</script> inline",
                "<img src=x onerror=alert(1)>",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
                "<a href=\"&#106;avascript:alert(1)\">x</a>",
                "<a href=\" javascript:alert(1)\">x</a>",
                "<a href=\"vbscript:msgbox(1)\">x</a>",
                "[x](javascript:alert(1))",
                "[x](JaVaScRiPt:alert(1))",
                "[x](<javascript:alert(1)>)",
                "[x](data:text/html;base64,xx)",
                "![x](data:image/svg+xml;base64,xx)",
                "[x]: javascript:alert(1)\n\n[x]",
                "<iframe src=\"https://example.org\"></iframe>",
                "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
                "<form action=\"/login\"><input name=\"p\"><button>go</button></form>",
                "<style>body { display: none }</style>",
                "<p style=\"position:fixed\">styled</p>",
                "<svg onload=alert(1)><circle r=\"1\"/></svg>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<div onclick=\"alert(1)\" onmouseover=alert(2)>hover</div>",
                "<a href=\"https://example.org\" onclick=\"alert(1)\" target=\"_top\">x</a>",
            })
    void neutralisesHostileHtml(String markdown) {
        String html = renderer.render(markdown).html();

        assertSafe(html);
        assertWellFormed(html);
    }

    @Test
    void keepsTheTextOfRejectedLinks() {
        Element body = body(renderer.render("[click](javascript:alert(1)) <a href=\"javascript:x\">here</a>")
                .html());

        assertThat(body.select("a")).extracting(Element::text).containsExactly("click", "here");
        assertThat(body.select("a[href]")).isEmpty();
    }

    @Test
    void balancesUnbalancedTags() {
        String html = renderer.render("<div><b>unclosed\n\nParagraph</p></div>\n\n</em></div>stray\n\nEnd.")
                .html();

        assertWellFormed(html);
        assertThat(html).doesNotContain("</em>").contains("End.");
    }

    @Test
    void keepsRelativeAndFragmentLinksAsWritten() {
        Element body =
                body(renderer.render("[a](/articles/x) [b](#why-it-matters) [c](../topics/y?page=2) ![d](/media/d.png)")
                        .html());

        assertThat(body.select("a"))
                .extracting(a -> a.attr("href"))
                .containsExactly("/articles/x", "#why-it-matters", "../topics/y?page=2");
        assertThat(body.select("a[rel]")).isEmpty();
        assertThat(body.selectFirst("img").attr("src")).isEqualTo("/media/d.png");
    }

    @Test
    void marksOnlyExternalLinks() {
        Element body = body(renderer.render(
                        "[a](https://example.org) [b](http://example.org/x) [c](//example.org) [d](/x) [e](mailto:a@b.org)")
                .html());

        assertThat(body.select("a"))
                .extracting(a -> a.attr("rel"))
                .containsExactly("noopener noreferrer", "noopener noreferrer", "noopener noreferrer", "", "");
    }

    @Test
    void leadLengthFallsAfterTheThirdTopLevelParagraph() {
        String markdown = """
                First paragraph.

                ## A heading

                Second paragraph with a [link](/x).

                > A quote.

                Third paragraph.

                Fourth paragraph.

                - a list
                """;
        RenderedMarkdown result = renderer.render(markdown);
        String lead = result.html().substring(0, result.leadLength());
        String rest = result.html().substring(result.leadLength());

        assertThat(lead).endsWith("<p>Third paragraph.</p>");
        assertThat(result.lead()).isEqualTo(lead);
        assertThat(result.rest()).isEqualTo(rest);
        assertWellFormed(lead);
        assertWellFormed(rest);
        assertThat(body(lead).children())
                .extracting(Element::normalName)
                .containsExactly("p", "h2", "p", "blockquote", "p");
        assertThat(body(rest).children()).extracting(Element::normalName).containsExactly("p", "ul");
    }

    @Test
    void leadLengthIsTheWholeBodyWhenNothingFollowsTheThirdParagraph() {
        RenderedMarkdown threeParagraphs = renderer.render("One.\n\nTwo.\n\nThree.\n");
        RenderedMarkdown short_ = renderer.render("One.\n\n## Two\n\n- three\n- four\n");

        assertThat(threeParagraphs.leadLength())
                .isEqualTo(threeParagraphs.html().length());
        assertThat(short_.leadLength()).isEqualTo(short_.html().length());
    }

    @Test
    void excerptIsCutAtAWordBoundary() {
        String words = IntStream.range(0, 80).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
        RenderedMarkdown result = renderer.render("# Title\n\n" + words + "\n\nMore.");

        String excerpt = result.excerpt();
        assertThat(excerpt)
                .hasSizeLessThanOrEqualTo(MarkdownRenderer.EXCERPT_LENGTH)
                .endsWith("…");
        String kept = excerpt.substring(0, excerpt.length() - 1);
        assertThat(kept).startsWith("word0 word1 ").doesNotContain("Title");
        assertThat(words).startsWith(kept);
        assertThat(words.charAt(kept.length())).isEqualTo(' ');
        assertThat(excerpt.length()).isGreaterThan(MarkdownRenderer.EXCERPT_LENGTH - 10);
    }

    @Test
    void shortExcerptIsTheFirstParagraphsUncut() {
        RenderedMarkdown result = renderer.render("# Title\n\nOne *short* paragraph.\n\n- list\n\nAnother one.");

        assertThat(result.excerpt()).isEqualTo("One short paragraph. Another one.");
    }

    @Test
    void excerptFallsBackToAnyTextWithoutParagraphs() {
        assertThat(renderer.render("## Only a heading").excerpt()).isEqualTo("Only a heading");
    }

    @Test
    void readingMinutesRoundUp() {
        assertThat(renderer.render(words(460)).readingMinutes()).isEqualTo(2);
        assertThat(renderer.render(words(461)).readingMinutes()).isEqualTo(3);
        assertThat(renderer.render("Just a few words.").readingMinutes()).isEqualTo(1);
    }

    @Test
    void textIsFlatAndCoversTheWholeBody() {
        RenderedMarkdown result =
                renderer.render("# Title\n\nBody.\n\n```\nline one\nline two\n```\n\n| a | b |\n|---|---|\n| c | d |");

        assertThat(result.text()).isEqualTo("Title Body. line one line two a b c d");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t\n"})
    void blankInputGivesAnEmptyResult(String markdown) {
        RenderedMarkdown result = renderer.render(markdown);

        assertThat(result.html()).isEmpty();
        assertThat(result.text()).isEmpty();
        assertThat(result.excerpt()).isEmpty();
        assertThat(result.readingMinutes()).isZero();
        assertThat(result.leadLength()).isZero();
    }

    @Test
    void rendersConcurrently() throws Exception {
        String markdown = "# Title\n\n\"Quoted\"[^1] -- https://example.org\n\n[^1]: Note.\n";
        RenderedMarkdown expected = renderer.render(markdown);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<RenderedMarkdown> task = () -> renderer.render(markdown);
            List<Future<RenderedMarkdown>> results = pool.invokeAll(Collections.nCopies(200, task));
            for (Future<RenderedMarkdown> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String words(int count) {
        return IntStream.range(0, count).mapToObj(i -> "word").collect(Collectors.joining(" "));
    }

    private static Element body(String html) {
        return Jsoup.parseBodyFragment(html).body();
    }

    /** Parsing the HTML and serialising it again gives the same string: every tag is closed where it should be. */
    private static void assertWellFormed(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        assertThat(document.body().html()).isEqualTo(html);
    }

    private static void assertSafe(String html) {
        List<String> forbiddenTags =
                List.of("script", "style", "iframe", "object", "embed", "form", "input", "button", "svg", "math");
        for (Element element : body(html).getAllElements()) {
            assertThat(element.normalName()).isNotIn(forbiddenTags);
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).doesNotStartWith("on").isNotEqualTo("style");
                // Browsers ignore whitespace and control characters inside a URL scheme.
                String value =
                        attribute.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                assertThat(value)
                        .doesNotStartWith("javascript:")
                        .doesNotStartWith("data:")
                        .doesNotStartWith("vbscript:");
            }
        }
    }

    @Test
    void aLinkTitledAsACardIsALinkCardThatLoadsNothing() {
        String html = renderer.render(
                        "[The harbour master explains](https://www.youtube.com/watch?v=x1 \"card: YouTube\")"
                                + "\n\nA [plain link](https://example.org \"A title\") in a sentence."
                                + "\n\n[Not safe](javascript:alert(1) \"card: Evil\")")
                .html();
        Element body = org.jsoup.Jsoup.parseBodyFragment(html).body();

        Element card = body.selectFirst("p.link-card > a.link-card__link");
        assertThat(card).isNotNull();
        assertThat(card.attr("href")).isEqualTo("https://www.youtube.com/watch?v=x1");
        assertThat(card.attr("rel")).isEqualTo("noopener noreferrer");
        assertThat(card.hasAttr("title")).isFalse();
        assertThat(card.selectFirst(".link-card__title").text()).isEqualTo("The harbour master explains");
        assertThat(card.selectFirst(".link-card__provider").text()).isEqualTo("YouTube");
        assertThat(body.select("p.link-card")).as(html).hasSize(1);
        assertThat(body.select("a[title=A title]")).hasSize(1);
        assertThat(body.select("iframe, script, [href^=javascript]")).isEmpty();
    }
}
