package org.onedoor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The browser tests' headless Chromium: Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run}
 * installs. Without them a test is skipped, unless {@code ONEDOOR_BROWSER=required}, as in CI. Screenshots go to
 * {@code target/screenshots} (those of the docs).
 */
public final class Chromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Chromium() {
    }

    /** A browser of the given window size, in British English, with the driver's environment (a time zone, say). */
    public static WebDriver start(String windowSize, Map<String, String> environment) throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "required".equals(System.getenv("ONEDOOR_BROWSER"))) {
            throw new IllegalStateException("ONEDOOR_BROWSER=required, but there is no " + CHROMIUM + " and " + CHROMEDRIVER);
        }
        Assumptions.assumeTrue(present, "no chromium and chromedriver: apt-get install chromium chromium-driver");
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + windowSize, "--lang=en-GB");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(environment).build(), options);
    }

    public static void screenshot(WebDriver browser, String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Where a test writes a file beside its screenshots (a printed receipt, say). */
    public static Path output(String name) {
        return SCREENSHOTS.resolve(name);
    }
}
