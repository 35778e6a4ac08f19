package org.masthead;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real headless Chromium (Debian's, with its matching driver) against the application on a random port.
 * Where Chromium is not installed the test is skipped with a message, unless
 * {@code masthead.browser-tests.required} is true (CI), where it fails instead.
 *
 * <p>One Chromium serves every browser test of the run (starting one costs more than most tests take). Each test
 * still starts from nothing: a new tab at the desktop size, no cookies, no stored data, an empty cache. The page a
 * test leaves is closed, scripts and timers with it, and a browser that broke is started again.
 */
@HttpTest
public abstract class BrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private static ChromeDriver shared;
    private static Path sharedProfile;

    @LocalServerPort
    protected int port;

    protected WebDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!installed && Boolean.getBoolean("masthead.browser-tests.required")) {
            throw new IllegalStateException(
                    "Browser tests are required here, but /usr/bin/chromium or /usr/bin/chromedriver is missing");
        }
        Assumptions.assumeTrue(
                installed, "Skipping the real-browser test: install chromium and chromium-driver to run it");
        browser = cleanBrowser(port);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void leaveThePage() {
        if (browser == null) {
            return;
        }
        try {
            // A new tab, then the test's tabs closed: their scripts (an editor's autosave timer) stop here, and no
            // "leave the page?" prompt can hold the next test up.
            dismissAnyPrompt(shared);
            String fresh = shared.switchTo().newWindow(WindowType.TAB).getWindowHandle();
            for (String handle : shared.getWindowHandles()) {
                if (!handle.equals(fresh)) {
                    shared.switchTo().window(handle).close();
                }
            }
            shared.switchTo().window(fresh);
        } catch (WebDriverException broken) {
            stopShared();
        }
    }

    /** The run's Chromium, started on first use, in a known state: see the class comment. */
    private static synchronized WebDriver cleanBrowser(int port) throws IOException {
        if (shared != null) {
            try {
                reset(shared, port);
                return shared;
            } catch (WebDriverException broken) {
                stopShared();
            }
        }
        sharedProfile = Files.createTempDirectory("masthead-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1280,1600",
                "--user-data-dir=" + sharedProfile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        shared = new ChromeDriver(service, options);
        Runtime.getRuntime().addShutdownHook(new Thread(BrowserTest::stopShared, "chromium-quit"));
        reset(shared, port);
        return shared;
    }

    private static void reset(ChromeDriver chromium, int port) {
        dismissAnyPrompt(chromium);
        chromium.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        chromium.executeCdpCommand("Network.clearBrowserCache", Map.of());
        chromium.executeCdpCommand(
                "Storage.clearDataForOrigin", Map.of("origin", "http://127.0.0.1:" + port, "storageTypes", "all"));
        chromium.manage().timeouts().implicitlyWait(Duration.ZERO);
        chromium.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        chromium.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(5));
        chromium.manage().window().setSize(new Dimension(1280, 1600));
    }

    private static void dismissAnyPrompt(ChromeDriver chromium) {
        try {
            chromium.switchTo().alert().accept();
        } catch (NoAlertPresentException none) {
            // the usual case
        }
    }

    private static synchronized void stopShared() {
        if (shared != null) {
            try {
                shared.quit();
            } catch (WebDriverException alreadyGone) {
                // nothing left to stop
            }
            shared = null;
        }
        if (sharedProfile != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(sharedProfile.toFile());
            sharedProfile = null;
        }
    }

    /** Opens a page of the application and waits until its main content is there. */
    protected void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
        waitFor(By.id("main"));
    }

    /**
     * The article editor in its Markdown view (the textarea behind the visual editor), for tests of what is typed
     * there; the choice is remembered for the rest of the test, as it is for an editor.
     */
    protected void useMarkdownView() {
        WebElement toggle = waitFor(By.id("markdown-switch"));
        if (!"true".equals(toggle.getAttribute("aria-pressed"))) {
            // Brought to the middle of the window: at the bottom edge the sticky actions bar lies over it.
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", toggle);
            toggle.click();
        }
        waitFor(By.id("body"));
    }

    protected WebElement waitFor(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Clicks once the element can be clicked, then waits for the next page's main content. */
    protected void clickAndWait(By locator) {
        // While a page is still settling, Chromium may answer that the element found a moment ago has left the
        // document: look it up again rather than fail (the wait still times out if it never becomes clickable).
        // Only that is retried: any other WebDriver error (a click on the wrong element, a lost browser) fails.
        WebElement element = new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    WebElement found =
                            ExpectedConditions.elementToBeClickable(locator).apply(driver);
                    if (found != null) {
                        found.click();
                    }
                    return found;
                });
        wait.until(driver -> hasLeftThePage(element));
        waitFor(By.id("main"));
    }

    /**
     * Whether the element belongs to a page that is gone. Chromium says so either as a stale element or, while the
     * next page is loading, as an inspector error ("Node with given id does not belong to the document").
     */
    private static boolean hasLeftThePage(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException error) {
            if (String.valueOf(error.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw error;
        }
    }

    /** Saves what the browser shows under {@code target/screenshots/}. */
    protected Path screenshot(TestInfo test, String name) throws IOException {
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        String file = test.getTestClass().map(Class::getSimpleName).orElse("browser") + "-" + name + ".png";
        Path target = folder.resolve(file);
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return target;
    }
}
