package dev.pat.acceptance.page;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One real Chromium for the whole test run (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs when missing): headless, 1280 pixels wide, downloading into a folder of its own, and
 * allowed to use the clipboard on the page's origin, as a person who clicked "Allow" would be.
 */
public final class Browser {
    private static final Path CHROMIUM = Path.of(System.getProperty("pat.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("pat.chromedriver", "/usr/bin/chromedriver"));
    private static ChromeDriver driver;
    private static Path downloads;

    private Browser() {
    }

    /** The browser, started at the first call; it quits when the JVM ends. */
    public static synchronized ChromeDriver get() {
        if (driver == null) {
            try {
                downloads = Files.createTempDirectory("pat-downloads");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--window-size=1280,900", "--lang=en-GB", "--no-first-run", "--disable-extensions");
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false,
                    "profile.content_settings.exceptions.clipboard",
                    Map.of("http://127.0.0.1:*,*", Map.of("setting", 1))));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            driver.manage().window().setSize(new Dimension(1280, 900));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> driver.quit()));
        }
        return driver;
    }

    /** Where the browser saves what is downloaded. */
    public static synchronized Path downloads() {
        get();
        return downloads;
    }
}
