package org.masthead.web;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Each status's error page, as the error dispatch renders it from the one template: its own title and words. */
@IntegrationTest
class ErrorPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MessageSource messages;

    Document errorPage(int status, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/error")
                        .accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, path))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        return Jsoup.parse(response.getContentAsString());
    }

    String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.ENGLISH);
    }

    @Test
    void everyStatusWithAPageHasItsTitleAndMessage() throws Exception {
        for (ErrorPage page : ErrorPage.values()) {
            if (page == ErrorPage.TOO_LARGE || page == ErrorPage.UNAVAILABLE) {
                continue; // their words take more than the key (below)
            }
            Document html = errorPage(page.getStatus(), "/somewhere");
            assertThat(html.title()).as(page.name()).contains(message(page.getTitleKey()));
            assertThat(html.select("h1").text()).as(page.name()).isEqualTo(message(page.getTitleKey()));
            assertThat(html.select(".error-page__message").text())
                    .as(page.name())
                    .isEqualTo(message(page.getMessageKey()));
            assertThat(html.select(".error-page__links a").attr("href")).isEqualTo("/");
            assertThat(html.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        }
    }

    @Test
    void anyOtherServerErrorGetsTheServerErrorsPage() throws Exception {
        Document html = errorPage(502, "/somewhere");

        assertThat(html.select("h1").text()).isEqualTo(message("error.server-error.title"));
        assertThat(ErrorPage.of(405)).isEmpty();
    }

    @Test
    void tooLargeSaysTheLimitAndLinksBackToTheUploadForm() throws Exception {
        Document html = errorPage(413, "/admin/media");

        assertThat(html.select("h1").text()).isEqualTo(message("error.too-large.title"));
        assertThat(html.select(".error-page__message").text()).contains(" MB");
        assertThat(html.select(".error-page__links a").eachAttr("href")).containsExactly("/admin/media/new", "/");
    }

    @Test
    void unavailableSpeaksToReadersAndToStaff() throws Exception {
        Document reader = errorPage(503, "/articles/a");
        assertThat(reader.select("#unavailable").text()).isEqualTo(message("error.unavailable.message"));
        assertThat(reader.select(".error-page__links")).hasSize(1);

        Document staff = errorPage(503, "/admin/articles");
        assertThat(staff.select("#unavailable").text()).isEqualTo(message("error.unavailable.staff-message"));
        assertThat(staff.select(".error-page__links")).isEmpty();
    }
}
