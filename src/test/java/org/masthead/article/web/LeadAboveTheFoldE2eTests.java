package org.masthead.article.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleImages;
import org.masthead.article.ArticleService;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.security.Actor;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's lead story, with a tall picture, keeps its headline in the first 800 px of a 1280-wide window
 * (a laptop's first screen); on a phone the picture is shown whole, above the headline, as before.
 */
class LeadAboveTheFoldE2eTests extends BrowserTest {

    @Autowired
    TestContent content;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleImages articleImages;

    @Autowired
    ImageService images;

    @SuppressWarnings("unchecked")
    private Map<String, Object> box(String selector) {
        return (Map<String, Object>) ((JavascriptExecutor) browser)
                .executeScript(
                        "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                                + " return {top: r.top + window.scrollY, bottom: r.bottom + window.scrollY,"
                                + " width: r.width, height: r.height};",
                        selector);
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    void theLeadHeadlineIsInTheFirst800PixelsOfALaptopWindow(TestInfo test) throws Exception {
        String slug = TestContent.unique("lead-fold");
        Article article = articles.create(
                new ArticleChanges(
                        slug,
                        new ArticleContent(
                                "A lead story with a tall picture " + slug, "Its standfirst.", "Body.", null, null),
                        content.section().getId(),
                        List.of(content.author().getId()),
                        List.of()),
                Actor.importing("test"));
        Image tall = images.upload(
                Actor.importing("test"), TestImages.jpeg(1200, 1500), "tall.jpg", "A lighthouse, upright", "", "");
        articleImages.setFeaturedImage(article.getId(), tall.getId(), "", "", Actor.importing("test"));
        articles.publishBackdated(article.getId(), Instant.now(), Actor.importing("test"));

        browser.manage().window().setSize(new Dimension(1280, 800));
        open("/");
        waitFor(By.cssSelector(".lead__title"));
        assertThat(browser.findElement(By.cssSelector(".lead__image img")).getAttribute("src"))
                .as("the lead story has a picture")
                .isNotBlank();
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        Map<String, Object> headline = box(".lead__title");
        Map<String, Object> main = box("main");
        screenshot(test, "1-laptop");
        // Measured from where the page's content starts: the journal's header (its name, a row of sections and the
        // search box, about 160 px) stands above it, and the sections other tests of the build create lengthen it.
        assertThat(number(headline.get("bottom")) - number(main.get("top")))
                .as("the headline's bottom edge below the header, on a 1280×800 window")
                .isLessThanOrEqualTo(800 - 160);

        // On a phone the picture keeps its own shape, above the headline.
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/");
        Map<String, Object> picture = box(".lead__image img");
        screenshot(test, "2-phone");
        double ratio = number(picture.get("height")) / number(picture.get("width"));
        String leadTitle = browser.findElement(By.cssSelector(".lead__title")).getText();
        if (leadTitle.contains(slug)) {
            assertThat(ratio).as("the picture's shape at 390 px").isBetween(1.2, 1.3);
        }
        assertThat(number(box(".lead__title").get("top"))).isGreaterThan(number(picture.get("bottom")) - 1);
        browser.manage().window().setSize(new Dimension(1280, 1600));
    }
}
