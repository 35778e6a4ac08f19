package org.masthead.markdown.web;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.markdown.HtmlToMarkdown;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code POST /admin/markdown/from-html}: pasted HTML in, Markdown out; staff only, CSRF-checked, bounded. */
@IntegrationTest
class MarkdownAdminControllerTests {

    static final StaffUser CONTRIBUTOR =
            new StaffUser(9301, "paster@test.example", "Pat Paster", Role.CONTRIBUTOR, "{noop}x", true);

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    static final String WORD = "<p class=MsoNormal>One <b>bold</b> claim<o:p></o:p></p>"
            + "<p class=MsoNormal>and a <a href=\"https://example.org/source\">source</a>.<o:p></o:p></p>";

    @Autowired
    MockMvc mvc;

    @Autowired
    HtmlToMarkdown htmlToMarkdown;

    @Test
    void aStaffMemberGetsTheMarkdownOfPastedHtml() throws Exception {
        String markdown = mvc.perform(post("/admin/markdown/from-html")
                        .with(csrf())
                        .with(user(CONTRIBUTOR))
                        .contentType(HTML)
                        .content(WORD))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/markdown"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(markdown).isEqualTo("One **bold** claim\n\nand a [source](https://example.org/source).\n");
        assertThat(markdown).isEqualTo(htmlToMarkdown.convert(WORD));
    }

    @Test
    void pastedNotesAreNumberedAroundTheNotesAlreadyInTheBody() throws Exception {
        String note = "<p>Claim.<a href=\"#_ftn1\" name=\"_ftnref1\">[1]</a></p><div id=ftn1><p>"
                + "<a href=\"#_ftnref1\" name=\"_ftn1\">[1]</a> A source.</p></div>";
        String markdown = mvc.perform(post("/admin/markdown/from-html")
                        .queryParam("footnotes", "1, 2,source")
                        .with(csrf())
                        .with(user(CONTRIBUTOR))
                        .contentType(HTML)
                        .content(note))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(markdown).isEqualTo("Claim.[^3]\n\n[^3]: A source.\n");
    }

    @Test
    void nonAsciiTextArrivesIntact() throws Exception {
        String markdown = mvc.perform(post("/admin/markdown/from-html")
                        .with(csrf())
                        .with(user(CONTRIBUTOR))
                        .contentType(HTML)
                        .content("<p>Zürich — “Kyiv” — 北京</p>".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(markdown).isEqualTo("Zürich — “Kyiv” — 北京\n");
    }

    @Test
    void readersAndForgedRequestsGetNothing() throws Exception {
        mvc.perform(post("/admin/markdown/from-html")
                        .with(csrf())
                        .contentType(HTML)
                        .content(WORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/admin/markdown/from-html")
                        .with(user(CONTRIBUTOR))
                        .contentType(HTML)
                        .content(WORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void tooMuchHtmlIsRefusedWithAMessage() throws Exception {
        byte[] huge = new byte[MarkdownAdminController.MAX_HTML_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 'a');

        String message = mvc.perform(post("/admin/markdown/from-html")
                        .with(csrf())
                        .with(user(CONTRIBUTOR))
                        .contentType(HTML)
                        .content(huge))
                .andExpect(status().isContentTooLarge())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(message).contains("too long", "4 MB");

        // Exactly at the limit is fine.
        byte[] atLimit = new byte[MarkdownAdminController.MAX_HTML_BYTES];
        java.util.Arrays.fill(atLimit, (byte) 'a');
        mvc.perform(post("/admin/markdown/from-html")
                        .with(csrf())
                        .with(user(CONTRIBUTOR))
                        .contentType(HTML)
                        .content(atLimit))
                .andExpect(status().isOk());
    }

    @Test
    void theArticleEditorsBodyFieldPastesThroughTheConverter() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/admin/articles/new").with(user(CONTRIBUTOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));

        Element body = page.getElementById("body");
        assertThat(body.attr("data-paste-url")).isEqualTo("/admin/markdown/from-html");
        assertThat(body.attr("data-paste-fallback")).contains("plain text");
        assertThat(page.select("script[src~=^/js/paste(-[0-9a-f]+)?\\.js$][defer]"))
                .hasSize(1);
    }
}
