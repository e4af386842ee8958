package org.onedoor.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.Chromium;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.OneDoorClient;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard in headless Chromium as a supervisor uses it: signs in with the keyboard, picks the period of the
 * seeded requests, reads the figures, charts and tables in English and Bangla, narrows them to one MDA, and downloads
 * the CSV, which holds the rows the JSON API gives for the same choice. An MDA's own supervisor gets their MDA only.
 * axe-core finds no serious or critical violation in either language; the page, Chart.js and the Bangla font
 * included, loads under 500 KB from OneDoor alone and never scrolls sideways. Screenshots in
 * {@code target/screenshots} (those of docs/supervisors.md).
 */
@DemoIntegrationTest
class SupervisorDashboardIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 17 hours behind Dhaka: from midnight to 17:00 in Dhaka the browser's date is the day before. */
    private static final String BROWSER_ZONE = "Pacific/Pago_Pago";
    private static WebDriver browser;
    private static String axe;
    private static Path downloads;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;
    @LocalServerPort
    int port;

    @BeforeAll
    static void chromium() throws IOException {
        try (InputStream in = SupervisorDashboardIT.class
                .getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser = Chromium.start("1400,1000", Map.of("TZ", BROWSER_ZONE));
        downloads = Files.createTempDirectory("kpi-downloads");
        ((HasCdp) browser).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void accessible(String what) throws IOException {
        js(axe);
        String violations = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(JSON.stringify(r.violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) })))));
                """);
        assertThat(JSON.readTree(violations)).as(what + ": " + violations).isEmpty();
    }

    private void fits(String what) {
        Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as(what + " scrolls sideways").isLessThanOrEqualTo(0);
    }

    @SuppressWarnings("unchecked")
    private long weight(String what) {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) js("""
                return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                  .map(e => ({ name: e.name, size: e.transferSize || e.encodedBodySize || 0 }));""");
        long total = 0;
        for (Map<String, Object> e : entries) {
            assertThat((String) e.get("name")).as(what + " fetches only from OneDoor").startsWith(url(""));
            total += ((Number) e.get("size")).longValue();
        }
        return total;
    }

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(url("/supervisors.html"));
        js("localStorage.clear()");
        browser.get(url("/supervisors.html?lang=en"));
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(OneDoorClient.PASSWORD, Keys.ENTER);
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#summary li")));
    }

    /** Shows the seeded half-year: the period as chosen dates, then Show. */
    private void seededPeriod() {
        new Select(browser.findElement(By.id("period"))).selectByValue("custom");
        js("document.getElementById('from').value = arguments[0]; document.getElementById('to').value = arguments[1];",
                KpiDataSet.FROM.toString(), KpiDataSet.TO.toString());
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        shown(KpiDataSet.FROM, KpiDataSet.TO);
    }

    private void shown(LocalDate from, LocalDate to) {
        await().until(d -> {
            String search = (String) js("return location.search");
            return search.contains("from=" + from) && search.contains("to=" + to)
                    && !d.findElement(By.id("status")).getText().isBlank()
                    && !d.findElements(By.cssSelector("#by-officer tbody tr")).isEmpty();
        });
    }

    @BeforeEach
    void seed() {
        Set<LocalDate> holidays = new HashSet<>(Binder.get(environment)
                .bind("onedoor.calendar.holidays", Bindable.listOf(LocalDate.class)).orElse(List.of()));
        KpiDataSet.seed(jdbc, KpiDataSet.generate(new WorkingDays(holidays)));
        assertThat(http.withBasicAuth("admin", OneDoorClient.PASSWORD)
                .postForEntity("/api/admin/kpis/rebuild", null, JsonNode.class).getStatusCode().value()).isEqualTo(202);
    }

    @Test
    void aSupervisorReadsTheDashboardAndDownloadsTheCsv() throws IOException {
        browser.manage().window().setSize(new Dimension(1400, 1000));
        browser.manage().deleteAllCookies();
        browser.get(url("/supervisors.html?lang=en"));
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        accessible("sign-in");
        signIn("supervisor");
        // The default period, the last 30 days, ends today in Dhaka whatever the browser's zone; so do the presets.
        LocalDate today = LocalDate.now(KpiDataSet.DHAKA);
        assertThat(browser.findElement(By.id("to")).getAttribute("value")).isEqualTo(today.toString());
        assertThat(browser.findElement(By.id("from")).getAttribute("value")).isEqualTo(today.minusDays(29).toString());
        new Select(browser.findElement(By.id("period"))).selectByValue("thisMonth");
        assertThat(browser.findElement(By.id("from")).getAttribute("value")).isEqualTo(today.withDayOfMonth(1).toString());
        seededPeriod();
        assertThat(browser.findElement(By.id("heading")).getText()).isEqualTo("Service performance: all MDAs");
        JsonNode api = http.withBasicAuth("supervisor", OneDoorClient.PASSWORD).getForObject(
                "/api/supervisor/kpis?from={f}&to={t}", JsonNode.class, KpiDataSet.FROM, KpiDataSet.TO);
        assertThat(browser.findElement(By.cssSelector("#summary li .value")).getText())
                .isEqualTo(String.format(Locale.UK, "%,d", api.path("total").path("received").asLong()));
        assertThat(browser.findElements(By.cssSelector("canvas")))
                .allSatisfy(c -> assertThat(c.getAttribute("aria-describedby")).isNotBlank());
        assertThat(browser.findElement(By.id("sla-text")).getAttribute("textContent")).contains("Dhaka North City Corporation");
        assertThat(browser.findElements(By.cssSelector("#by-mda tbody tr"))).hasSize(api.path("mdaRows").size());
        accessible("dashboard");
        fits("dashboard");
        assertThat(weight("dashboard")).as("dashboard bytes").isLessThan(500_000);
        Chromium.screenshot(browser, "supervisors-dashboard-en.png");
        js("document.getElementById('tables').scrollIntoView()");
        Chromium.screenshot(browser, "supervisors-tables-en.png");

        // The CSV as the browser downloads it: the JSON's rows.
        browser.findElement(By.id("csv")).click();
        Path csv = await().until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        assertThat(csv.getFileName().toString()).isEqualTo("onedoor-kpis-all-2026-06-01-2026-11-30.csv");
        List<Map<String, String>> rows = Csv.parse(Files.readString(csv));
        assertThat(rows).hasSize(1 + api.path("services").size() + api.path("mdaRows").size()
                + api.path("officers").size());
        assertThat(rows.get(0)).containsEntry("level", "total")
                .containsEntry("received", api.path("total").path("received").asText())
                .containsEntry("on_time", api.path("total").path("onTime").asText())
                .containsEntry("ratings", api.path("total").path("ratings").asText());
        assertThat(rows.stream().filter(r -> r.get("level").equals("mda")).map(r -> r.get("name")))
                .contains("Dhaka North City Corporation");

        // Bangla: words, names and digits; the Bangla font is OneDoor's own.
        browser.findElement(By.id("lang")).click();
        await().until(d -> "bn".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.findElement(By.id("heading")).getText()).isEqualTo("সেবা প্রদানের চিত্র: সকল দপ্তর");
        assertThat(browser.findElement(By.id("by-mda")).getText()).contains("ঢাকা উত্তর সিটি কর্পোরেশন");
        assertThat(browser.findElement(By.cssSelector("#summary li .value")).getText()).matches("[০-৯,]+");
        assertThat(browser.findElement(By.id("csv")).getAttribute("href")).contains("lang=bn");
        js("window.scrollTo(0, 0)");
        accessible("dashboard in Bangla");
        assertThat(weight("dashboard in Bangla")).as("dashboard bytes with the Bangla font").isLessThan(500_000);
        Chromium.screenshot(browser, "supervisors-dashboard-bn.png");

        // One MDA, chosen in the form; a phone-sized window scrolls the tables inside their boxes only.
        browser.findElement(By.id("lang")).click();
        await().until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        new Select(browser.findElement(By.id("mda"))).selectByValue("city-corporation");
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("heading"), "Dhaka North City Corporation"));
        shown(KpiDataSet.FROM, KpiDataSet.TO);
        assertThat(browser.findElements(By.cssSelector("#by-mda tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.id("csv")).getAttribute("href")).contains("mda=city-corporation");
        accessible("one MDA");
        browser.manage().window().setSize(new Dimension(360, 740));
        fits("dashboard at 360 px");
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }

    @Test
    void anMdaSupervisorSeesTheirMdaOnly() throws IOException {
        browser.manage().window().setSize(new Dimension(1400, 1000));
        signIn("land-office-supervisor");
        seededPeriod();
        assertThat(browser.findElement(By.id("heading")).getText()).contains("Upazila Land Office");
        assertThat(browser.findElement(By.id("mda-field")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#by-mda tbody tr"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#by-officer tbody tr")))
                .allSatisfy(r -> assertThat(r.getText()).contains("land-office"));
        accessible("an MDA's dashboard");
        Chromium.screenshot(browser, "supervisors-mda-en.png");

        // A user who supervises nothing is told so, and sees no figures.
        browser.findElement(By.id("logout")).click();
        WebElement user = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        user.clear();
        user.sendKeys("land-office-desk");
        browser.findElement(By.id("password")).sendKeys(OneDoorClient.PASSWORD, Keys.ENTER);
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "not a supervisor"));
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
    }
}
