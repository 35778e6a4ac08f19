package org.masthead.edition;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.masthead.BrowserTest;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleImages;
import org.masthead.author.Author;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.newsletter.Audience;
import org.masthead.section.Section;
import org.masthead.security.Actor;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every edition e-mail (each audience's, with an intro that holds a wide library image, a table, preformatted text
 * and a long link) rendered by headless Chromium as a phone (390 px) and a laptop (1280 px) show it: nothing is
 * wider than the window, and every image stays inside the 600 px column.
 */
class EditionEmailRenderE2eTests extends BrowserTest {

    @Autowired
    TestContent content;

    @Autowired
    ImageService images;

    @Autowired
    ArticleImages articleImages;

    @Autowired
    EditionService editions;

    @Test
    void everyEditionEmailFitsAPhoneAndALaptopWithItsImagesInsideTheColumn() throws Exception {
        Section section = content.section();
        Author author = content.author();
        Article article = content.published(
                section, List.of(author), List.of(), Instant.now().minus(Duration.ofHours(1)));
        Image wide = images.upload(
                Actor.importing("test"), TestImages.jpeg(2000, 1250), "wide.jpg", "A wide harbour", "", "");
        // Shown on a public page, so the browser may fetch it as a reader's mail client would.
        articleImages.setFeaturedImage(article.getId(), wide.getId(), Actor.importing("test"));
        String longWord = "x".repeat(300);
        String intro = "Welcome aboard.\n\n![The harbour at dawn](/media/" + wide.getId() + "/" + wide.getName()
                + ")\n\n| Port | Notes |\n|---|---|\n| Harbour | " + longWord + " |\n\n```\n" + "y".repeat(400)
                + "\n```\n\nRead https://example.org/" + "very-long-path/".repeat(30) + " now.";

        for (Audience audience : Audience.values()) {
            Edition edition = editions.create(
                    Actor.importing("test"),
                    new EditionService.EditionChanges(
                            "Render " + TestContent.unique("render"),
                            "Preheader",
                            intro,
                            audience,
                            audience == Audience.SECTION ? section.getId() : null),
                    content.account(org.masthead.security.Role.EDITOR),
                    article.getId());
            String html = editions.preview(edition.getId()).html();

            Document email = Jsoup.parse(html);
            assertThat(email.select("img[srcset], img[sizes]")).as("no srcset").isEmpty();
            assertThat(email.select("img")).hasSize(2).allSatisfy(img -> {
                assertThat(img.attr("src")).startsWith("http://localhost:8080/media/");
                assertThat(Integer.parseInt(img.attr("width"))).isBetween(1, EditionRenderer.IMAGE_WIDTH);
                assertThat(Integer.parseInt(img.attr("height"))).isPositive();
            });
            assertThat(email.select("img[alt=The harbour at dawn]").attr("src"))
                    .as("the narrowest stored copy at least as wide as the column")
                    .isEqualTo("http://localhost:8080/media/" + wide.getId() + "/960/" + wide.getName());
            assertThat(email.select("img[alt=The harbour at dawn]").attr("height"))
                    .isEqualTo("345");

            Path file = Files.createTempFile("edition-email", ".html");
            try {
                Files.writeString(
                        file,
                        html.replace("http://localhost:8080/", "http://127.0.0.1:" + port + "/"),
                        StandardCharsets.UTF_8);
                for (int width : new int[] {390, 1280}) {
                    assertFits(file, width, audience);
                }
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void assertFits(Path file, int width, Audience audience) {
        ChromeDriver chromium = (ChromeDriver) browser;
        chromium.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", width < 600 ? 2 : 1, "mobile", width < 600));
        try {
            browser.get(file.toUri().toString());
            wait.until(driver -> (Boolean)
                    ((JavascriptExecutor) driver).executeScript("return [...document.images].every(i => i.complete);"));
            Map<String, Object> layout = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                    const root = document.documentElement;
                    const column = document.querySelector('table[width="600"]').getBoundingClientRect();
                    return {
                      viewport: root.clientWidth,
                      scroll: Math.max(root.scrollWidth, document.body.scrollWidth),
                      columnLeft: column.left,
                      columnRight: column.right,
                      images: [...document.images].map(i => {
                        const r = i.getBoundingClientRect();
                        return {left: r.left, right: r.right, loaded: i.naturalWidth, src: i.currentSrc};
                      })
                    };""");
            String where = audience + " at " + width + " px";
            double viewport = ((Number) layout.get("viewport")).doubleValue();
            assertThat(((Number) layout.get("scroll")).doubleValue())
                    .as(where + ": nothing wider than the window")
                    .isLessThanOrEqualTo(viewport);
            double left = ((Number) layout.get("columnLeft")).doubleValue();
            double right = ((Number) layout.get("columnRight")).doubleValue();
            assertThat(right).as(where + ": the column inside the window").isLessThanOrEqualTo(viewport);
            assertThat(right - left).as(where + ": the column at most 600 px").isLessThanOrEqualTo(600.5);
            List<Map<String, Object>> shown = (List<Map<String, Object>>) layout.get("images");
            assertThat(shown).hasSize(2).allSatisfy(image -> {
                assertThat(((Number) image.get("loaded")).intValue())
                        .as(where + ": " + image.get("src") + " loaded")
                        .isPositive();
                assertThat(((Number) image.get("left")).doubleValue()).isGreaterThanOrEqualTo(left);
                assertThat(((Number) image.get("right")).doubleValue())
                        .as(where + ": image inside the column")
                        .isLessThanOrEqualTo(right);
            });
        } finally {
            chromium.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }
}
