package org.masthead;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
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
 */
@HttpTest
public abstract class BrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @LocalServerPort
    protected int port;

    protected WebDriver browser;
    protected WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!installed && Boolean.getBoolean("masthead.browser-tests.required")) {
            throw new IllegalStateException(
                    "Browser tests are required here, but /usr/bin/chromium or /usr/bin/chromedriver is missing");
        }
        Assumptions.assumeTrue(
                installed, "Skipping the real-browser test: install chromium and chromium-driver to run it");

        profile = Files.createTempDirectory("masthead-chromium");
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
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(profile);
        }
    }

    /** Opens a page of the application and waits until its main content is there. */
    protected void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
        waitFor(By.id("main"));
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
