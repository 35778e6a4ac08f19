package org.masthead.markdown;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rich text pasted from Word, Google Docs, LibreOffice and a web page (samples in
 * {@code src/test/resources/markdown/paste/}) becomes clean Markdown, checked by rendering it as a saved body is
 * rendered and looking at the structure readers get.
 */
class HtmlToMarkdownTests {

    private final HtmlToMarkdown converter = new HtmlToMarkdown();
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    static String sample(String name) {
        try (InputStream in = HtmlToMarkdownTests.class.getResourceAsStream("/markdown/paste/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The Markdown as readers get it: rendered by the same pipeline as a saved body. */
    private Element rendered(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown).html()).body();
    }

    @Test
    void aWordPasteKeepsItsSixParagraphsItsHeadingListsTableLinksAndBold() {
        String markdown = converter.convert(sample("word.html"));
        Element body = rendered(markdown);

        assertThat(body.select("> p"))
                .extracting(Element::text)
                .as(markdown)
                .hasSize(6)
                .satisfiesExactly(
                        p -> assertThat(p)
                                .isEqualTo("For four decades the Intermediate-Range Nuclear Forces Treaty removed a"
                                        + " whole class of missiles from Europe. Its collapse in 2019 went largely"
                                        + " unremarked."),
                        p -> assertThat(p).startsWith("The Review asked three analysts"),
                        p -> assertThat(p).startsWith("According to the Arms Control Association’s fact sheet, 2,692"),
                        p -> assertThat(p).isEqualTo("Three lessons stand out:"),
                        p -> assertThat(p).startsWith("What should Europe do now?"),
                        p -> assertThat(p).endsWith("The last word belongs to the negotiators."));
        assertThat(body.select("> h2").text()).isEqualTo("Why the treaty mattered");
        assertThat(body.select("p strong").text()).isEqualTo("Europe");
        assertThat(body.select("p em")).extracting(Element::text).containsExactly("Review", "easy");
        Element link = body.selectFirst("a[href=https://www.armscontrol.org/factsheets/inf-treaty-glance]");
        assertThat(link).as(markdown).isNotNull();
        assertThat(link.text()).isEqualTo("Arms Control Association’s fact sheet");

        // Word's list paragraphs are real lists, nested by level, bullets and numbers by their marker.
        assertThat(body.select("> ul > li"))
                .extracting(li -> li.ownText())
                .containsExactly("Verification builds trust", "Allies must be", "Withdrawal is easy; return is not");
        assertThat(body.select("> ul > li > ul > li").text()).isEqualTo("On-site inspections, above all");
        assertThat(body.select("> ul > li strong").text()).isEqualTo("consulted");
        assertThat(body.select("> ol > li"))
                .extracting(Element::text)
                .containsExactly("Count what is deployed", "Talk before building");

        assertThat(body.select("table thead th"))
                .extracting(Element::text)
                .containsExactly("Year", "Missiles destroyed");
        assertThat(body.select("table tbody td")).extracting(Element::text).containsExactly("1991", "2,692");
    }

    @Test
    void wordsJunkIsGone() {
        String markdown = converter.convert(sample("word.html"));

        assertThat(markdown)
                .doesNotContain("<", "mso", "Mso", "o:p", "style", "font", "Font Definitions", "supportLists")
                .doesNotContain("StartFragment", "Times New Roman", "·", "&nbsp;", "\u00a0", "Symbol", "Courier")
                .doesNotContain("clip_filelist", "Word.Document", "l0 level")
                .doesNotContainPattern("(?m)^o ")
                .doesNotContainPattern("\\n{3,}")
                .doesNotContainPattern("(?m)[ \\t]+$");
    }

    @Test
    void aGoogleDocsPasteKeepsItsLinksBoldAndItalic() {
        String markdown = converter.convert(sample("google-docs.html"));
        Element body = rendered(markdown);

        assertThat(body.select("> p")).as(markdown).hasSize(5);
        assertThat(body.select("> h2").text()).isEqualTo("Deterrence after New START");
        assertThat(body.select("> h2 strong"))
                .as("the wrapper's bold is not a heading's")
                .isEmpty();
        assertThat(body.select("> p strong"))
                .extracting(Element::text)
                .containsExactly("New START", "Nobody has proposed a date.");
        assertThat(body.select("> p em"))
                .extracting(Element::text)
                .containsExactly("both", "Nobody has proposed a date.");
        assertThat(body.select("a"))
                .extracting(a -> a.attr("href"))
                .containsExactly(
                        "https://www.state.gov/new-start-treaty/",
                        // Google's redirect around a link is taken off.
                        "https://fas.org/initiative/status-world-nuclear-forces/",
                        "https://example.org/annex");
        assertThat(body.selectFirst("a").text()).isEqualTo("February 2026");
        assertThat(body.select("> p").first().text())
                .isEqualTo("The New START treaty expired in February 2026, leaving no limits on the two largest"
                        + " arsenals.");
        assertThat(body.select("> ul > li"))
                .extracting(Element::text)
                .containsExactly("A political declaration", "Data exchanges, resumed", "A successor treaty");
        assertThat(body.select("> ol > li")).extracting(Element::text).containsExactly("Freeze", "Verify");
        assertThat(body.select("table th")).extracting(Element::text).containsExactly("Country", "Deployed warheads");
        assertThat(body.select("table tbody tr")).hasSize(2);
        assertThat(markdown).doesNotContain("docs-internal-guid", "font-weight", "<", "google.com/url", "**Country**");
    }

    @Test
    void aLibreOfficePasteKeepsHeadingsQuotesListsAndTables() {
        String markdown = converter.convert(sample("libreoffice.html"));
        Element body = rendered(markdown);

        assertThat(body.select("> h1").text()).as(markdown).isEqualTo("Sanctions that work");
        assertThat(body.select("> h2").text()).isEqualTo("What to measure");
        assertThat(body.select("> p")).as("the empty paragraph is gone").hasSize(3);
        assertThat(body.select("> p").first().text())
                .isEqualTo("Sanctions are cheap to announce and expensive to enforce. The Security Council’s list runs"
                        + " to fourteen regimes.");
        assertThat(body.select("> p strong").first().text()).isEqualTo("cheap to announce");
        assertThat(body.select("> p em").text()).isEqualTo("expensive to enforce");
        assertThat(body.select("a").attr("href")).isEqualTo("https://www.un.org/securitycouncil/sanctions/information");
        assertThat(body.select("> blockquote > p").text())
                .isEqualTo("“A sanction no bank applies is a press release.”");
        assertThat(body.select("> ol > li"))
                .extracting(Element::text)
                .containsExactly("Frozen assets", "Trade rerouted through third countries");
        assertThat(body.select("> ul > li")).extracting(Element::text).containsExactly("Exports", "Imports");
        assertThat(body.select("> ul > li > em").text()).isEqualTo("Imports");
        assertThat(body.select("table th")).extracting(Element::text).containsExactly("Regime", "Since");
        assertThat(body.select("table td")).extracting(Element::text).containsExactly("Iran", "2006");
        assertThat(body.select("> p").last().html()).isEqualTo("The last paragraph. <strong>It ends in bold.</strong>");
        assertThat(markdown).doesNotContain("@page", "Liberation", "western", "<", "#000080");
    }

    @Test
    void aWebPagePasteKeepsTheArticleAndDropsScriptsButtonsImagesAndUnsafeLinks() {
        String markdown = converter.convert(sample("web-page.html"));
        Element body = rendered(markdown);

        assertThat(body.select("> h1").text()).as(markdown).isEqualTo("The quiet end of arms control");
        assertThat(body.select("> h3").text()).isEqualTo("Three agreements");
        assertThat(body.selectFirst("p:contains(Arms control did not end)").html())
                .isEqualTo("Arms control did not end with a bang. It <strong>faded</strong>, one <em>lapsed</em>"
                        + " agreement at a time, as <a href=\"https://example.org/timeline\" rel=\"noopener"
                        + " noreferrer\">the timeline shows</a>.");
        assertThat(body.select("> blockquote p").text()).isEqualTo("Nobody signs a treaty to lose.");
        assertThat(body.select("> ul > li")).hasSize(3);
        assertThat(body.select("table thead th")).extracting(Element::text).containsExactly("Treaty", "Years in force");
        assertThat(body.select("table tbody tr")).hasSize(2);
        assertThat(body.select("a[href=mailto:desk@example.org]").text()).isEqualTo("the desk");
        assertThat(body.select("code").text()).isEqualTo("code");
        assertThat(body.text()).contains("Read the full report or write to the desk.");
        assertThat(body.select("p:contains(bold span) strong").text()).isEqualTo("bold span");
        assertThat(body.select("p:contains(bold span) em").text()).isEqualTo("italic span");
        assertThat(body.text()).contains("a star * and an_underscore");
        // a superscript stays one (inline HTML the renderer allows); no other markup is left
        assertThat(markdown).contains("Some `code` and <sup>2</sup> and underlined text.");
        assertThat(body.select("sup").text()).isEqualTo("2");
        assertThat(markdown.replace("<sup>2</sup>", ""))
                .doesNotContain("<", "track", "Subscribe", "silo.jpg", "javascript", "data-", "box-sizing", "onclick")
                .doesNotContain("![");
    }

    @Test
    void textThatLooksLikeMarkdownStaysText() {
        String markdown = converter.convert("<p>1. Not a list</p><p># Not a heading</p><p>- Not an item</p>"
                + "<p>+ Nor this</p><p>2026) A year</p><p>A line<br>1. after a break<br>--- and a rule</p>"
                + "<p>__init__ and _x_ and snake_case and *stars* and [brackets](x) and &lt;b&gt;</p>"
                + "<ul><li>1. Inside an item</li></ul>");
        Element body = rendered(markdown);

        assertThat(body.select("> p"))
                .as(markdown)
                .extracting(Element::text)
                .containsExactly(
                        "1. Not a list",
                        "# Not a heading",
                        "- Not an item",
                        "+ Nor this",
                        "2026) A year",
                        "A line 1. after a break — and a rule",
                        "__init__ and _x_ and snake_case and *stars* and [brackets](x) and <b>");
        assertThat(body.select("> p").get(5).select("br")).hasSize(2);
        assertThat(body.select("> ul > li").text()).isEqualTo("1. Inside an item");
        assertThat(body.select("h1, h2, ol, strong, em, a, b, hr")).isEmpty();
    }

    @Test
    void lineBreaksInAParagraphStayLineBreaks() {
        String markdown = converter.convert("<p>Line one<br>Line two</p><p>Next</p>");

        assertThat(markdown).isEqualTo("Line one\\\nLine two\n\nNext\n");
        Element paragraph = rendered(markdown).select("> p").first();
        assertThat(paragraph.select("br")).hasSize(1);
        assertThat(paragraph.text()).isEqualTo("Line one Line two");
    }

    @Test
    void wordListsOfDifferentKindsInARowStayApartAndLettersAreNumbers() {
        String item = "<p class=MsoListParagraphCxSpMiddle style='mso-list:%s level%d lfo1'><![if !supportLists]>"
                + "<span style='mso-list:Ignore'>%s<span style='font:7.0pt \"Times New Roman\"'>&nbsp; </span>"
                + "</span><![endif]>%s<o:p></o:p></p>";
        String html = item.formatted("l0", 1, "1.", "First")
                + item.formatted("l0", 2, "a.", "First, a")
                + item.formatted("l0", 2, "b.", "First, b")
                + item.formatted("l0", 1, "2.", "Second")
                + item.formatted("l1", 1, "§", "A bullet of another list");
        Element body = rendered(converter.convert(html));

        assertThat(body.select("> ol > li")).extracting(Element::ownText).containsExactly("First", "Second");
        assertThat(body.select("> ol > li > ol > li"))
                .extracting(Element::text)
                .containsExactly("First, a", "First, b");
        assertThat(body.select("> ul > li").text()).isEqualTo("A bullet of another list");
    }

    @Test
    void conditionalCommentsAndOfficeNamespacesLeaveNothingBehind() {
        String html = "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml>"
                + "<![endif]--><p class=MsoNormal>Kept<o:p></o:p></p><!-- a comment -->"
                + "<p class=MsoNormal><st1:place w:st=\"on\">Vienna</st1:place> kept too<o:p>&nbsp;</o:p></p>"
                + "<p class=MsoNormal><v:shape id=\"x\"><v:imagedata src=\"file:///C:/image001.png\"/></v:shape>"
                + "<o:p>&nbsp;</o:p></p>";

        assertThat(converter.convert(html)).isEqualTo("Kept\n\nVienna kept too\n");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "<p> </p>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>"})
    void nothingToConvertGivesNothing(String html) {
        assertThat(converter.convert(html)).isEmpty();
    }

    @Test
    void aPlainFragmentWithoutBlocksIsOneParagraph() {
        assertThat(converter.convert("<meta charset='utf-8'><span style=\"color: red\">Just some</span> words"))
                .isEqualTo("Just some words\n");
    }

    /**
     * Every demo article, rendered to HTML and converted back, renders to the same text and the same structure:
     * the converter reads what the renderer writes (headings with ids, footnotes, tables, quotes, lists).
     */
    @Test
    void theDemoArticlesSurviveARoundTripThroughHtml() throws Exception {
        org.springframework.core.io.Resource[] articles =
                new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                        .getResources("classpath:demo/articles/*.md");
        assertThat(articles).hasSizeGreaterThan(5);
        for (org.springframework.core.io.Resource article : articles) {
            String source = article.getContentAsString(StandardCharsets.UTF_8);
            String markdown = source.substring(source.indexOf("\n---", 3) + 4);
            Element first = rendered(markdown);
            Element second =
                    rendered(converter.convert(renderer.render(markdown).html()));

            String name = article.getFilename();
            assertThat(second.text()).as(name).isEqualTo(first.text());
            for (String query :
                    new String[] {"> p", "> h2", "> h3", "li", "a[href]", "strong", "em", "td", "blockquote"}) {
                assertThat(second.select(query)).as(name + " " + query).hasSameSizeAs(first.select(query));
            }
        }
    }

    @Test
    void wordFootnotesBecomeMarkdownFootnotes() {
        String html = "<p class=MsoNormal>The treaty was signed in 1987.<a style='mso-footnote-id:ftn1'"
                + " href=\"#_ftn1\" name=\"_ftnref1\" title=\"\"><span class=MsoFootnoteReference><span"
                + " style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>"
                + "[1]</span><![endif]></span></span></a> It lasted.<a style='mso-footnote-id:ftn2' href=\"#_ftn2\""
                + " name=\"_ftnref2\" title=\"\"><span class=MsoFootnoteReference>[2]</span></a><o:p></o:p></p>"
                + "<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left"
                + " size=1 width=\"33%\"><![endif]><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText>"
                + "<a style='mso-footnote-id:ftn1' href=\"#_ftnref1\" name=\"_ftn1\" title=\"\"><span"
                + " class=MsoFootnoteReference>[1]</span></a> See the <a href=\"https://example.org/text\">treaty"
                + " text</a>.<o:p></o:p></p></div><div style='mso-element:footnote' id=ftn2><p class=MsoFootnoteText>"
                + "<a style='mso-footnote-id:ftn2' href=\"#_ftnref2\" name=\"_ftn2\" title=\"\"><span"
                + " class=MsoFootnoteReference>[2]</span></a> Until 2019.<o:p></o:p></p></div></div>";
        String markdown = converter.convert(html);

        assertThat(markdown)
                .isEqualTo("The treaty was signed in 1987.[^1] It lasted.[^2]\n\n"
                        + "[^1]: See the [treaty text](https://example.org/text).\n\n[^2]: Until 2019.\n");
        Element body = rendered(markdown);
        assertThat(body.select("sup.footnote-ref")).hasSize(2);
        assertThat(body.select("section.footnotes li"))
                .extracting(Element::text)
                .satisfiesExactly(
                        note -> assertThat(note).startsWith("See the treaty text."),
                        note -> assertThat(note).startsWith("Until 2019."));
        assertThat(body.select("hr")).isEmpty();
    }

    @Test
    void pastedFootnotesAreNumberedAroundTheLabelsAlreadyInTheText() {
        String html = "<p>Claim.<a href=\"#_ftn1\" name=\"_ftnref1\">[1]</a> More.<a href=\"#_ftn2\""
                + " name=\"_ftnref2\">[2]</a></p><div id=ftn1><p><a href=\"#_ftnref1\" name=\"_ftn1\">[1]</a>"
                + " One.</p></div><div id=ftn2><p><a href=\"#_ftnref2\" name=\"_ftn2\">[2]</a> Two.</p></div>";

        assertThat(converter.convert(html, Set.of("1", "3", "note")))
                .isEqualTo("Claim.[^2] More.[^4]\n\n[^2]: One.\n\n[^4]: Two.\n");
        assertThat(converter.convert(html, Set.of())).isEqualTo("Claim.[^1] More.[^2]\n\n[^1]: One.\n\n[^2]: Two.\n");
    }

    @Test
    void wordBoldAndItalicGoByTheirRealWeightAndStyle() {
        // Word marks a bold run it did not make bold by a style (mso-bidi-…) that says nothing of the weight shown.
        String html = "<p class=MsoNormal><b style='mso-bidi-font-weight:normal'>Bold</b> and"
                + " <i style='mso-bidi-font-style:normal'>italic</i>, <span style='font-weight:700'>heavy</span>,"
                + " <span style='font-style:italic'>slanted</span>, <b style='font-weight:normal'>plain</b>,"
                + " <i style='font-style:normal'>upright</i>,"
                + " <span style='mso-bidi-font-weight:bold;mso-bidi-font-style:italic'>neither</span>.</p>";

        assertThat(converter.convert(html))
                .isEqualTo("**Bold** and *italic*, **heavy**, *slanted*, plain, upright, neither.\n");
    }

    @Test
    void googleDocsFootnotesBecomeMarkdownFootnotes() {
        String html = "<p><span>Deterrence held.</span><sup><a href=\"#ftnt1\" id=\"ftnt_ref1\">[1]</a></sup></p>"
                + "<hr><div><p><a href=\"#ftnt_ref1\" id=\"ftnt1\">[1]</a><span>&nbsp;A source, 2024.</span></p></div>"
                + "<p><a href=\"#section-2\">An internal link</a> stays a link.</p>";
        String markdown = converter.convert(html);

        assertThat(markdown)
                .isEqualTo("Deterrence held.[^1]\n\n[An internal link](#section-2) stays a link.\n\n"
                        + "[^1]: A source, 2024.\n");
    }

    @Test
    void aRuleIsWrittenAsThreeDashes() {
        assertThat(converter.convert("<p>Above</p><hr><p>Below</p>")).isEqualTo("Above\n\n---\n\nBelow\n");
    }

    @Test
    void aTableKeepsItsHeadItsFootAndItsRowHeaders() {
        Element body = rendered(converter.convert("<table><thead><tr><th>Port</th><th>Tonnes</th></tr></thead>"
                + "<tfoot><tr><td>Total</td><td>730</td></tr></tfoot>"
                + "<tbody><tr><td>Rotterdam</td><td>440</td></tr><tr><td>Antwerp</td><td>290</td></tr></tbody></table>"
                + "<table><tr><th scope=row>Population</th><td>5.9 million</td></tr>"
                + "<tr><th scope=row>Coastline</th><td>8,750 km</td></tr></table>"));

        Element cargo = body.select("table").get(0);
        assertThat(cargo.select("thead th").eachText()).containsExactly("Port", "Tonnes");
        assertThat(cargo.select("tbody tr").eachText()).containsExactly("Rotterdam 440", "Antwerp 290", "Total 730");
        Element facts = body.select("table").get(1);
        assertThat(facts.select("tbody tr").eachText()).containsExactly("Population 5.9 million", "Coastline 8,750 km");
        assertThat(facts.select("tbody td strong").eachText()).containsExactly("Population", "Coastline");
    }

    @Test
    void superscriptsSubscriptsQuotesAndNestedListsKeepTheirShape() {
        String markdown = converter.convert("<p>E = mc<sup>2</sup> and H<sub>2</sub>O</p>"
                + "<blockquote><p>One.</p></blockquote>\n<blockquote><p>Two.</p></blockquote>"
                + "<ul><li>Ports<br><ul><li>North Sea</li></ul></li><li>Routes</li></ul>");

        assertThat(markdown)
                .contains("E = mc<sup>2</sup> and H<sub>2</sub>O")
                .contains("> One.\n\n> Two.")
                .contains("- Ports\n  - North Sea\n- Routes")
                .doesNotContain("\\");
        Element body = rendered(markdown);
        assertThat(body.select("blockquote")).hasSize(2);
        assertThat(body.select("sup").text()).isEqualTo("2");
        assertThat(body.select("sub").text()).isEqualTo("2");
    }

    @Test
    void gutenbergFootnotesBecomeMarkdownFootnotes() {
        String markdown = converter.convert("<p>Costs rose<sup data-fn=\"a1\" class=\"fn\">"
                + "<a href=\"#a1\" id=\"a1-link\">1</a></sup>.</p>"
                + "<ol class=\"wp-block-footnotes\"><li id=\"a1\">Lloyd's List. <a href=\"#a1-link\">↩︎</a></li></ol>");

        assertThat(markdown).isEqualTo("Costs rose[^1].\n\n[^1]: Lloyd's List.\n");
    }
}
