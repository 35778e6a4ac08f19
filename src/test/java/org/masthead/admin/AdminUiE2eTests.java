package org.masthead.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.StaffBrowser;
import org.masthead.TestContent;
import org.masthead.account.AccountService;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.section.Section;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.topic.TopicService;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The admin in headless Chromium, as an admin sees it on a desktop (1280 px wide) and on a phone (390 px): every
 * admin page (found as {@link AdminPagesSweepTests} finds them) has no serious or critical accessibility violation
 * by axe-core (vendored under {@code src/test/resources/axe/}); the list pages are no wider than a phone's screen;
 * and the dashboard, article list and editor are saved as screenshots under {@code target/screenshots/}. One walk
 * through the admin checks all three.
 */
class AdminUiE2eTests extends BrowserTest {

    static final int DESKTOP = 1280;
    static final int PHONE = 390;

    /** The lists staff scroll through; each must fit a phone's width (tables scroll inside or become cards). */
    static final List<String> LIST_PAGES = List.of(
            "/admin",
            "/admin/articles",
            "/admin/authors",
            "/admin/media",
            "/admin/subscribers",
            "/admin/audit",
            "/admin/accounts",
            "/admin/topics",
            "/admin/editions",
            "/admin/sections",
            "/admin/calendar");

    @Autowired
    TestContent content;

    @Autowired
    AccountService accounts;

    @Autowired
    ImageService images;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TopicService topics;

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Article article;
    Map<String, Long> ids;

    @BeforeEach
    void contentToShow() {
        Section section = content.section();
        Author author = content.author();
        article = content.draft(
                section, List.of(author), List.of("Accessible admin", "A rather long topic name for narrow screens"));
        content.published(section, List.of(author), List.of("Accessible admin"), Instant.parse("2026-11-01T09:00:00Z"));
        long image = images.upload(
                        Actor.importing("axe"),
                        TestImages.jpeg(640, 480),
                        "axe.jpg",
                        "An axe test",
                        "Caption",
                        "Credit")
                .getId();
        long account = content.account(Role.CONTRIBUTOR);
        jdbc.sql("insert into subscribers (email, status, source, consented_at, created_at, updated_at)"
                        + " values (:email, 'CONFIRMED', 'footer', now(), now(), now()) on conflict do nothing")
                .param("email", TestContent.unique("a-rather-long-subscriber-address") + "@newsletter.example.org")
                .update();
        ids = AdminPagesSweepTests.pageIds(
                jdbc,
                "Axe",
                article,
                author,
                section,
                image,
                account,
                topics.findBySlug("accessible-admin").orElseThrow().getId());
    }

    /**
     * One walk through every admin page: each is loaded at the desktop width and checked by axe, then laid out again
     * at the phone width (the admin's scripts do not read the width, so this is what a phone shows) and checked
     * again; a list page must fit the phone's width; three pages are saved as screenshots at both widths.
     */
    @Test
    void everyAdminPageAtADesktopAndAPhoneWidth(TestInfo test) throws Exception {
        List<String> pages = htmlPages();
        assertThat(pages).contains("/admin", "/admin/articles", "/admin/articles/" + article.getId());
        assertThat(pages).containsAll(LIST_PAGES);
        Map<String, String> screenshots = Map.of(
                "/admin",
                "dashboard",
                "/admin/articles",
                "articles",
                "/admin/articles/" + article.getId(),
                "editor",
                "/admin/calendar",
                "calendar");
        signInAsAdmin();
        String axe = axeScript();
        List<String> violations = new ArrayList<>();
        List<String> tooWide = new ArrayList<>();
        for (String page : pages) {
            resize(DESKTOP);
            open(page);
            js().executeScript(axe);
            violations.addAll(axeViolations(DESKTOP, page));
            screenshotIfWanted(test, screenshots.get(page), DESKTOP);

            resize(PHONE);
            violations.addAll(axeViolations(PHONE, page));
            if (LIST_PAGES.contains(page)) {
                long inner = ((Number) js().executeScript("return window.innerWidth")).longValue();
                long scroll = ((Number) js().executeScript("return document.documentElement.scrollWidth")).longValue();
                assertThat(inner).as("the window is a phone's width").isEqualTo(PHONE);
                if (scroll > inner) {
                    tooWide.add(page + " is " + scroll + " px wide");
                }
            }
            screenshotIfWanted(test, screenshots.get(page), PHONE);
        }
        assertThat(violations).as("serious or critical axe violations").isEmpty();
        assertThat(tooWide).as("list pages wider than a phone").isEmpty();

        // The editor's whole length, to see the form, the workflow and the sticky actions bar together.
        resize(DESKTOP);
        open("/admin/articles/" + article.getId());
        long height = ((Number) js().executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(DESKTOP, (int) Math.min(height, 6000)));
        assertThat(screenshot(test, "editor-" + DESKTOP + "-full")).isNotEmptyFile();
    }

    private List<String> axeViolations(int width, String page) {
        Object found = js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(results => done(results.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ' (' + v.help + '): '
                        + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        List<String> failures = new ArrayList<>();
        for (Object violation : (List<?>) found) {
            failures.add(width + "px " + page + " → " + violation);
        }
        return failures;
    }

    /** The navigation marks where the editor is, and the page is saved as {@code AdminUiE2eTests-NAME-WIDTH.png}. */
    private void screenshotIfWanted(TestInfo test, String name, int width) throws IOException {
        if (name == null) {
            return;
        }
        String current = switch (name) {
            case "dashboard" -> "nav-dashboard";
            case "calendar" -> "nav-calendar";
            default -> "nav-articles";
        };
        assertThat(browser.findElement(By.id(current)).getAttribute("aria-current"))
                .as("the navigation marks where the editor is")
                .isEqualTo("page");
        assertThat(screenshot(test, name + "-" + width)).isNotEmptyFile();
    }

    /** Every admin GET page that answers an admin with a whole HTML page (not a download or a fragment). */
    private List<String> htmlPages() throws Exception {
        Set<String> pages = new TreeSet<>();
        for (String pattern : AdminPagesSweepTests.adminGetPatterns(mappings)) {
            if (AdminPagesSweepTests.NOT_OPENED_DIRECTLY.contains(pattern)) {
                continue;
            }
            String path = AdminPagesSweepTests.concretePath(pattern, ids);
            MvcResult result = mvc.perform(get(path).with(user(AdminPagesSweepTests.ADMIN)))
                    .andReturn();
            String type = String.valueOf(result.getResponse().getContentType());
            if (result.getResponse().getStatus() == 200
                    && type.startsWith("text/html")
                    && result.getResponse().getContentAsString().contains("<main id=\"main\"")) {
                pages.add(path);
            }
        }
        return new ArrayList<>(pages);
    }

    private void signInAsAdmin() {
        String email = StaffBrowser.newMember(accounts, Role.ADMIN);
        open("/login");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(StaffBrowser.PASSWORD);
        clickAndWait(By.id("login-button"));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    private void resize(int width) {
        browser.manage().window().setSize(new Dimension(width, width == PHONE ? 844 : 900));
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    private static String axeScript() throws IOException {
        try (InputStream in = AdminUiE2eTests.class.getResourceAsStream("/axe/axe.min.js")) {
            assertThat(in).as("axe-core vendored under src/test/resources/axe").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
