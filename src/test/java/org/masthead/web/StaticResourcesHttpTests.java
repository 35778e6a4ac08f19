package org.masthead.web;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.masthead.HttpPage;
import org.masthead.HttpTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static files over real HTTP: pages link them by content fingerprint, they are served from their three folders
 * with the configured caching, and the links to pages are written as they are (not looked up as files).
 */
@HttpTest
class StaticResourcesHttpTests {

    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/site-[0-9a-f]{32}\\.css)\"");
    private static final Pattern ICON = Pattern.compile("href=\"(/img/favicon-[0-9a-f]{32}\\.svg)\"");

    @LocalServerPort
    int port;

    @Test
    void pagesLinkFingerprintedFilesWhichAreServedAndCached() {
        String home = HttpPage.get(port, "/").body();
        Matcher stylesheet = STYLESHEET.matcher(home);
        Matcher icon = ICON.matcher(home);
        assertThat(stylesheet.find())
                .as("fingerprinted stylesheet link in %s", home)
                .isTrue();
        assertThat(icon.find()).as("fingerprinted icon link").isTrue();

        HttpResponse<String> css = HttpPage.get(port, stylesheet.group(1));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(css.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("max-age="));
        assertThat(HttpPage.get(port, icon.group(1)).statusCode()).isEqualTo(200);
        assertThat(HttpPage.get(port, "/css/site.css").statusCode()).isEqualTo(200);
        assertThat(HttpPage.get(port, "/js/editor.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingFileIsNotFound() {
        assertThat(HttpPage.get(port, "/css/missing.css").statusCode()).isEqualTo(404);
        assertThat(HttpPage.get(port, "/js/missing.js").statusCode()).isEqualTo(404);
    }

    @Test
    void linksToPagesAreWrittenAsTheyAre() {
        String home = HttpPage.get(port, "/").body();
        assertThat(home).contains("href=\"/articles/").contains("href=\"/sections/");
    }
}
