package org.masthead.article.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.masthead.BrowserTest;
import org.masthead.MutableClock;
import org.masthead.StaffBrowser;
import org.masthead.TestContent;
import org.masthead.account.AccountService;
import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleService;
import org.masthead.author.Author;
import org.masthead.author.AuthorChanges;
import org.masthead.author.AuthorService;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.masthead.web.SiteProperties;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.article.ArticleFixtures.EDITOR;

/**
 * The editor's desk in Chromium: a scheduled piece dragged to another day of the calendar's month grid is moved
 * there at the same time; Publish without an author is refused with the reason on the byline and the text typed
 * kept; the editor, the calendar (month and week) and the trash pass axe with no serious or critical violation at
 * 1280 and 390 px, saved as screenshots under {@code target/screenshots/}.
 */
class DeskE2eTests extends BrowserTest {

    static final int DESKTOP = 1280;
    static final int PHONE = 390;

    @Autowired
    TestContent content;

    @Autowired
    ArticleService articles;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SiteProperties site;

    @Autowired
    MutableClock clock;

    @Autowired
    AccountService accounts;

    @Autowired
    AuthorService authors;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private void signIn() {
        open("/login");
        browser.findElement(By.id("email")).sendKeys("editor@example.org");
        browser.findElement(By.id("password")).sendKeys("demo-editor-password");
        clickAndWait(By.id("login-button"));
    }

    private static void as(StaffUser user) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    /** A piece scheduled three days from now at 10:00 in the journal's time zone. */
    private Article scheduled() {
        Article article = content.draft(content.section(), List.of(content.author()), List.of());
        ZonedDateTime at = clock.instant()
                .atZone(site.timeZone())
                .plusDays(3)
                .withHour(10)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        as(EDITOR);
        articles.schedule(article.getId(), at.toInstant(), EDITOR);
        SecurityContextHolder.clearContext();
        return article;
    }

    private ZonedDateTime scheduledAt(Article article) {
        return jdbc.queryForObject("select scheduled_at from articles where id = ?", Timestamp.class, article.getId())
                .toInstant()
                .atZone(site.timeZone());
    }

    @Test
    void aScheduledPieceDraggedToAnotherDayOfTheMonthMovesThereAtTheSameTime(TestInfo test) throws Exception {
        Article article = scheduled();
        ZonedDateTime was = scheduledAt(article);
        LocalDate day = was.toLocalDate();
        LocalDate target = day.plusDays(1).getMonth() == day.getMonth() ? day.plusDays(1) : day.minusDays(1);
        signIn();
        open("/admin/calendar?view=month&date=" + day);
        WebElement piece = waitFor(By.cssSelector("li[data-reschedule='reschedule-" + article.getId() + "']"));
        assertThat(piece.getDomAttribute("draggable")).isEqualTo("true");
        assertThat(waitFor(By.id("calendar-drag-hint")).getText()).contains("Drag a scheduled piece");
        script("""
                const piece = arguments[0], day = document.getElementById('day-' + arguments[1]);
                const data = new DataTransfer();
                const at = {dataTransfer: data, bubbles: true, cancelable: true};
                piece.dispatchEvent(new DragEvent('dragstart', at));
                day.dispatchEvent(new DragEvent('dragenter', at));
                day.dispatchEvent(new DragEvent('dragover', at));
                day.dispatchEvent(new DragEvent('drop', at));
                """, piece, target.toString());
        wait.until(driver -> driver.getCurrentUrl().contains("date=" + target));
        assertThat(waitFor(By.id("notice")).getText()).contains("Rescheduled");
        assertThat(browser.findElements(By.cssSelector("#day-" + target + " #piece-scheduled-" + article.getId())))
                .hasSize(1);
        assertThat(scheduledAt(article)).isEqualTo(was.with(target));
        screenshot(test, "calendar-moved-" + DESKTOP);

        // Without dragging: the Move disclosure in the day's cell holds the same form.
        WebElement move = browser.findElement(By.cssSelector("#move-" + article.getId() + " summary"));
        script("arguments[0].scrollIntoView({block: 'center'});", move);
        move.click();
        WebElement date = waitFor(By.id("reschedule-date-" + article.getId()));
        assertThat(date.getAttribute("value")).isEqualTo(target.toString());
        screenshot(test, "calendar-move-open-" + DESKTOP);

        // A day gone by: refused with the reason, and the piece stays where it was.
        LocalDate past = clock.instant().atZone(site.timeZone()).toLocalDate().minusDays(1);
        script("arguments[0].value = arguments[1];", date, past.toString());
        clickAndWait(By.id("reschedule-button-" + article.getId()));
        assertThat(waitFor(By.id("error")).getText()).isEqualTo("The scheduled time must be in the future.");
        assertThat(scheduledAt(article)).isEqualTo(was.with(target));
        screenshot(test, "calendar-past-refused-" + DESKTOP);
    }

    @Test
    void publishWithoutAnAuthorIsRefusedWithTheTextKept(TestInfo test) throws Exception {
        as(EDITOR);
        Article article = articles.create(
                new ArticleChanges(
                        null,
                        new ArticleContent(TestContent.unique("Unsigned"), "", "A first paragraph.", "", ""),
                        content.section().getId(),
                        List.of(),
                        List.of()),
                EDITOR);
        SecurityContextHolder.clearContext();
        signIn();
        open("/admin/articles/" + article.getId());
        WebElement title = waitFor(By.id("title"));
        title.sendKeys(Keys.chord(Keys.CONTROL, "a"), "A piece nobody has signed yet");
        WebElement body = waitFor(By.id("visual-body"));
        body.click();
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "Words typed just before publishing.");
        WebElement publish = browser.findElement(By.id("publish-button"));
        script("arguments[0].scrollIntoView({block: 'center'});", publish);
        clickAndWait(By.id("publish-button"));

        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Choose at least one author: an article is not published without a byline.");
        assertThat(browser.findElement(By.id("title")).getAttribute("value"))
                .isEqualTo("A piece nobody has signed yet");
        assertThat(waitFor(By.id("visual-body")).getText()).contains("Words typed just before publishing.");
        assertThat(browser.findElement(By.id("body")).getAttribute("value"))
                .contains("Words typed just before publishing.");
        assertThat(jdbc.queryForObject("select status from articles where id = ?", String.class, article.getId()))
                .isNotEqualTo("PUBLISHED");
        screenshot(test, "publish-refused");
    }

    /** The editor, the calendar's two views and the trash, each with content, checked by axe at both widths. */
    @Test
    void theDesksPagesPassAxeOnADesktopAndAPhone(TestInfo test) throws Exception {
        Article piece = scheduled();
        Article trashed = content.draft(content.section(), List.of(content.author()), List.of());
        as(EDITOR);
        articles.delete(trashed.getId(), EDITOR);
        SecurityContextHolder.clearContext();
        LocalDate day = scheduledAt(piece).toLocalDate();
        signIn();
        String axe;
        try (InputStream in = DeskE2eTests.class.getResourceAsStream("/axe/axe.min.js")) {
            assertThat(in).as("axe-core vendored under src/test/resources/axe").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        List<String> violations = new ArrayList<>();
        List<String> tooWide = new ArrayList<>();
        String[][] pages = {
            {"/admin/articles/" + piece.getId(), "editor"},
            {"/admin/calendar?view=month&date=" + day, "calendar-month"},
            {"/admin/calendar?view=week&date=" + day, "calendar-week"},
            {"/admin/trash", "trash"}
        };
        for (String[] page : pages) {
            for (int width : new int[] {DESKTOP, PHONE}) {
                browser.manage().window().setSize(new Dimension(width, 900));
                open(page[0]);
                script(axe);
                // the calendar's Move disclosures opened, so their forms are checked too
                script("document.querySelectorAll('details.calendar__move').forEach(d => d.open = true);");
                violations.addAll(axe(width, page[0]));
                if (width == PHONE && !page[1].equals("editor")) {
                    long inner = ((Number) script("return window.innerWidth")).longValue();
                    long scroll = ((Number) script("return document.documentElement.scrollWidth")).longValue();
                    if (scroll > inner) {
                        tooWide.add(page[0] + " is " + scroll + " px wide");
                    }
                }
                screenshot(test, page[1] + "-" + width);
            }
        }
        assertThat(violations).as("serious or critical axe violations").isEmpty();
        assertThat(tooWide).as("the calendar and the trash fit a phone's width").isEmpty();
    }

    /** A contributor's dashboard says what happened to their pieces, passes axe at both widths, and forgets on request. */
    @Test
    void aContributorsDashboardSaysWhatHappenedToTheirPieces(TestInfo test) throws Exception {
        String email = StaffBrowser.newMember(accounts, Role.CONTRIBUTOR);
        long account = jdbc.queryForObject("select id from accounts where email = ?", Long.class, email);
        StaffUser writer = new StaffUser(account, email, "A contributor", Role.CONTRIBUTOR, "{noop}x", true);
        Author own = authors.create(
                Actor.importing("test"),
                new AuthorChanges("Writer " + account, "writer-" + account, "", "", null, account, List.of()));
        List<Long> ids = new ArrayList<>();
        for (String title : List.of("The returned essay", "The published essay")) {
            as(writer);
            Article article = articles.create(
                    new ArticleChanges(
                            null,
                            new ArticleContent(title, "", "A first paragraph.", "", ""),
                            content.section().getId(),
                            List.of(own.getId()),
                            List.of()),
                    writer);
            articles.submit(article.getId(), writer);
            ids.add(article.getId());
        }
        as(EDITOR);
        articles.returnToDraft(ids.get(0), "The second section needs its sources; see my comments.", EDITOR);
        articles.publish(ids.get(1), EDITOR);
        SecurityContextHolder.clearContext();

        open("/login");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(StaffBrowser.PASSWORD);
        clickAndWait(By.id("login-button"));
        open("/admin");
        WebElement notices = waitFor(By.id("for-you"));
        assertThat(notices.getText())
                .contains("Returned to you with a note by " + EDITOR.getDisplayName())
                .contains("The second section needs its sources")
                .contains("Published:")
                .contains("The published essay");
        String axe;
        try (InputStream in = DeskE2eTests.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        List<String> violations = new ArrayList<>();
        for (int width : new int[] {DESKTOP, PHONE}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            open("/admin");
            script(axe);
            violations.addAll(axe(width, "/admin"));
            screenshot(test, "dashboard-notices-" + width);
        }
        assertThat(violations).as("serious or critical axe violations").isEmpty();

        browser.manage().window().setSize(new Dimension(DESKTOP, 900));
        clickAndWait(By.id("dismiss-all-notices"));
        assertThat(browser.findElements(By.id("for-you"))).isEmpty();
    }

    private List<String> axe(int width, String page) {
        Object found = ((JavascriptExecutor) browser).executeAsyncScript("""
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
}
