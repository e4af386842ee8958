package org.onedoor.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onedoor.Chromium;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.OneDoorClient;
import org.onedoor.SmsLog;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The citizens' and the counter's pages in headless Chromium, as people use them: the clerk signs in with the
 * keyboard, files each example service from the form the catalogue generates (in English and in Bangla), prints
 * the receipt, finds a request again to answer an MDA's question and to withdraw another; the citizen tracks the
 * request on a phone-sized screen. Every page passes axe-core with no serious or critical violation in both
 * languages, fits 360 pixels and 200 % zoom without sideways scrolling, and loads under 500 KB, Bangla font
 * included, from OneDoor alone. Screenshots in {@code target/screenshots} (those of docs/citizens.md).
 */
@DemoIntegrationTest
class CitizenPagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebDriver browser;
    private static String axe;

    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;

    @BeforeAll
    static void chromium() throws IOException {
        try (InputStream in = CitizenPagesIT.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // A kiosk without Bangla fonts: what it shows in Bangla comes from OneDoor's own font.
        browser = Chromium.start("1280,1000", Map.of());
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

    private void screenshot(String name) throws IOException {
        Chromium.screenshot(browser, name);
    }

    /** axe-core on the page as it is now: no serious or critical violation. */
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

    /** Nothing wider than the window: no sideways scrolling. */
    private void fits(String what) {
        Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as(what + " scrolls sideways").isLessThanOrEqualTo(0);
    }

    /** The bytes the page fetched, all from OneDoor. */
    private long weight(String what) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) js("""
                return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                  .map(e => ({ name: e.name, size: e.transferSize || e.encodedBodySize || 0 }));""");
        long total = 0;
        for (Map<String, Object> e : entries) {
            String name = (String) e.get("name");
            assertThat(name).as(what + " fetches only from OneDoor").startsWith(url(""));
            total += ((Number) e.get("size")).longValue();
        }
        return total;
    }

    private void language(String lang) {
        String now = browser.findElement(By.tagName("html")).getAttribute("lang");
        if (!now.equals(lang)) {
            browser.findElement(By.id("lang")).click();
            await().until(d -> lang.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        }
    }

    private WebElement field(String path) {
        return browser.findElement(By.id("f-" + path.replace('.', '-')));
    }

    private void type(String path, String value) {
        WebElement input = field(path);
        if (input.getAttribute("readonly") != null) {
            return; // the portal's verified number
        }
        if ("date".equals(input.getAttribute("type"))) {
            js("arguments[0].value = arguments[1]", input, value);
        } else if ("select".equals(input.getTagName())) {
            new Select(input).selectByValue(value);
        } else {
            input.clear();
            input.sendKeys(value);
        }
    }

    /** Fills the form from docs/examples/{service}/ and files it, paid; the receipt's tracking number and code. */
    private String[] fileExample(String service) throws IOException {
        return fileExample(service, true);
    }

    private String[] fileExample(String service, boolean pay) throws IOException {
        fillExample(service, Map.of());
        if (pay && !browser.findElements(By.id("f-payment-method")).isEmpty()) {
            type("payment.method", "cash");
            type("payment.reference", "CTR-" + System.nanoTime());
        }
        browser.findElement(By.id("file")).click();
        WebElement receipt = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-title")));
        assertThat(receipt.getText()).isNotBlank();
        List<WebElement> strong = browser.findElements(By.cssSelector("#receipt dd strong"));
        return new String[] {strong.get(0).getText(), strong.get(1).getText()};
    }

    /** The example's form, with some of its documents replaced. */
    private void fillExample(String service, Map<String, Path> replaced) throws IOException {
        Path folder = Path.of("docs/examples", service);
        JsonNode request = JSON.readTree(Files.readString(folder.resolve("request.json")));
        await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-service='" + service + "']")))
                .click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("filing")));
        for (Iterator<Map.Entry<String, JsonNode>> a = request.path("applicant").fields(); a.hasNext(); ) {
            Map.Entry<String, JsonNode> e = a.next();
            type("applicant." + e.getKey(), e.getValue().asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> f = request.path("fields").fields(); f.hasNext(); ) {
            Map.Entry<String, JsonNode> e = f.next();
            type("fields." + e.getKey(), e.getValue().asText());
        }
        try (var files = Files.list(folder)) {
            for (Path document : files.filter(p -> !p.getFileName().toString().endsWith(".json")).toList()) {
                String kind = document.getFileName().toString().replaceFirst("\\.[a-z]+$", "");
                field("documents." + kind).sendKeys(replaced.getOrDefault(kind, document).toAbsolutePath().toString());
            }
        }
    }

    @Test
    void theCounterFilesEveryServiceAndTheCitizenTracksIt() throws IOException {
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        js("localStorage.clear()");
        browser.navigate().refresh();
        WebElement user = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        accessible("sign-in page");
        assertThat(browser.getPageSource()).as("no credentials in the page").doesNotContain(OneDoorClient.PASSWORD);
        // The keyboard alone: the user field has the focus, Tab to the password, Enter signs in.
        assertThat(browser.switchTo().activeElement()).isEqualTo(user);
        user.sendKeys("frontdesk");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(OneDoorClient.PASSWORD, Keys.ENTER);
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button[data-service]")));
        screenshot("citizens-desk-catalogue.png");
        accessible("catalogue");
        fits("catalogue");
        assertThat(weight("front desk")).as("front desk bytes").isLessThan(500_000);

        // A wrong form: the server's and the page's checks beside the fields.
        browser.findElement(By.cssSelector("button[data-service='trade-licence']")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("filing")));
        type("applicant.phone", "12345");
        browser.findElement(By.id("file")).click();
        assertThat(field("applicant.phone").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("f-applicant-phone-error")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("filing-error")).getText()).contains("problem");
        screenshot("citizens-desk-form-errors.png");
        accessible("form with errors");
        // What only the server can tell: a "PDF" that is a text file, refused beside its field, nothing filed.
        Path fake = Files.writeString(Files.createTempDirectory("citizen").resolve("premises-lease.pdf"),
                "This is not a lease, and not a PDF.");
        browser.findElement(By.id("back")).click();
        fillExample("trade-licence", Map.of("premises-lease", fake));
        browser.findElement(By.id("file")).click();
        await().until(ExpectedConditions.attributeToBe(field("documents.premises-lease"), "aria-invalid", "true"));
        assertThat(browser.findElement(By.id("f-documents-premises-lease-error")).getText())
                .contains("not accepted").contains("text/plain");
        browser.findElement(By.id("back")).click();

        String[] trade = fileExample("trade-licence");
        assertThat(trade[0]).startsWith("ODSC-");
        assertThat(browser.findElement(By.cssSelector("#receipt img")).getAttribute("alt")).contains("QR");
        assertThat(browser.findElement(By.id("receipt")).getText()).contains("2,000 BDT — Paid: Cash (counter receipt), CTR-");
        assertThat(browser.findElement(By.id("receipt-pdf")).getAttribute("href"))
                .endsWith("/api/track/" + trade[0] + "/receipt.pdf?code=" + trade[1] + "&lang=en");
        screenshot("citizens-receipt-en.png");
        accessible("receipt");
        Pdf printed = ((org.openqa.selenium.PrintsPage) browser).print(new PrintOptions());
        byte[] pdf = Base64.getDecoder().decode(printed.getContent());
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Files.write(Chromium.output("citizens-receipt-en.pdf"), pdf);

        // Bangla: the switch is remembered; the other two services filed in Bangla.
        browser.findElement(By.id("another")).click();
        language("bn");
        browser.navigate().refresh();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button[data-service]")));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("bn");
        accessible("catalogue in Bangla");
        Boolean fontLoaded = (Boolean) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                document.fonts.ready.then(() => done(document.fonts.check('16px "Noto Sans Bengali"', 'সেবা')));""");
        assertThat(fontLoaded).as("OneDoor's Bangla font in use").isTrue();
        assertThat(weight("front desk in Bangla")).as("front desk bytes with the Bangla font").isLessThan(500_000);
        String[] allowance = fileExample("social-safety-net-allowance");
        screenshot("citizens-receipt-bn.png");
        accessible("receipt in Bangla");
        browser.findElement(By.id("another")).click();
        // The land office takes up a mutation once it is paid: filed unpaid, it waits.
        String[] land = fileExample("land-mutation", false);
        assertThat(land[0]).startsWith("ODSC-");
        assertThat(browser.findElement(By.id("receipt")).getText()).contains("এখনও পরিশোধ হয়নি: পরিশোধের পরে কাজ শুরু হবে")
                .contains("আজ ফি পরিশোধ করলে");

        // An MDA asks the allowance's applicant; the counter passes the answer on, then withdraws the land mutation.
        OneDoorClient client = new OneDoorClient(http);
        client.decide(allowance[0], "social-services-desk", "request-information",
                "Bring the union parishad's certificate of residence.");
        client.awaitState(allowance[0], allowance[1], "WAITING_FOR_APPLICANT");
        language("en");
        browser.findElement(By.id("show-existing")).click();
        browser.findElement(By.id("find-n")).sendKeys(allowance[0]);
        browser.findElement(By.id("find-c")).sendKeys(allowance[1], Keys.ENTER);
        WebElement answer = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.answer textarea")));
        accessible("a request waiting for the applicant");
        answer.sendKeys("The certificate is attached.");
        screenshot("citizens-desk-answer.png");
        browser.findElement(By.cssSelector("form.answer button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "passed"));
        client.awaitState(allowance[0], allowance[1], "IN_PROGRESS");

        WebElement number = browser.findElement(By.id("find-n"));
        number.clear();
        number.sendKeys(land[0]);
        WebElement code = browser.findElement(By.id("find-c"));
        code.clear();
        code.sendKeys(land[1], Keys.ENTER);
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#found h2"), land[0]));
        assertThat(browser.findElement(By.id("found")).getText()).contains("Waiting for the fee");
        // The applicant comes back with the fee: a wrong amount is refused beside its field, then it is recorded.
        type("paid.reference", "CTR-" + System.nanoTime());
        type("paid.amount", "1000");
        browser.findElement(By.cssSelector("#pay button[type=submit]")).click();
        await().until(ExpectedConditions.attributeToBe(field("paid.amount"), "aria-invalid", "true"));
        assertThat(browser.findElement(By.id("f-paid-amount-error")).getText()).contains("not the fee");
        screenshot("citizens-desk-payment.png");
        accessible("recording a payment");
        type("paid.amount", "1150");
        browser.findElement(By.cssSelector("#pay button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "The fee is recorded"));
        client.awaitState(land[0], land[1], "IN_PROGRESS");
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("withdraw-reason")))
                .sendKeys("The sale was cancelled.");
        browser.findElement(By.cssSelector("#withdraw button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Withdrawn"));
        client.awaitState(land[0], land[1], "WITHDRAWN");

        // The citizen, on a phone, from the receipt's QR code (number and code in the link).
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(360, 740));
        browser.get(url("/track.html?n=" + trade[0] + "&c=" + trade[1] + "&lang=en"));
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("summary")));
        await().until(d -> !d.findElements(By.cssSelector("#result .leg")).isEmpty());
        js("document.getElementById('summary').scrollIntoView()");
        assertThat(browser.findElement(By.id("receipt-pdf")).getAttribute("href"))
                .endsWith("/api/track/" + trade[0] + "/receipt.pdf?code=" + trade[1] + "&lang=en");
        screenshot("citizens-track-phone-en.png");
        accessible("tracking page");
        fits("tracking page at 360 px");
        assertThat(weight("tracking page")).as("tracking page bytes").isLessThan(500_000);
        language("bn");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "সিটি কর্পোরেশন"));
        js("document.getElementById('summary').scrollIntoView()");
        screenshot("citizens-track-phone-bn.png");
        accessible("tracking page in Bangla");
        fits("tracking page in Bangla at 360 px");

        // 200 % zoom on a 1280-pixel screen is a 640-pixel-wide page.
        browser.manage().window().setSize(new Dimension(640, 900));
        browser.get(url("/track.html"));
        WebElement n = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("n")));
        fits("tracking form at 200 %");
        n.sendKeys(allowance[0]);
        browser.findElement(By.id("c")).sendKeys("WRONG-CODE1", Keys.ENTER);
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-error"), "কোনো"));
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    void theCitizenRatesTheServiceAndFilesAGrievanceOnTheTrackingPage() throws IOException {
        OneDoorClient client = new OneDoorClient(http);
        JsonNode filed = client.file("frontdesk", OneDoorClient.example("social-safety-net-allowance")).getBody();
        String number = filed.path("trackingNumber").asText();
        String code = filed.path("trackingCode").asText();
        for (String level : List.of("desk", "head", "director")) {
            client.decide(number, "social-services-" + level, "approve", null);
        }
        client.awaitState(number, code, "APPROVED");
        browser.manage().deleteAllCookies();
        // As the decision's SMS links: the tracking page at its rating.
        browser.get(url("/track.html?n=" + number + "&c=" + code + "&lang=en#feedback"));
        WebElement four = await().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#rate-form input[name=rating][value='4']")));
        assertThat(browser.switchTo().activeElement().getAttribute("name")).as("the link lands on the rating").isEqualTo("rating");
        four.click();
        browser.findElement(By.id("rate-comment")).sendKeys("Quick, and the officer explained everything.");
        browser.findElement(By.cssSelector("#rate-form button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("rate-status"), "Thank you"));
        assertThat(client.track(number, code).getBody().path("feedback").path("rating").asInt()).isEqualTo(4);

        browser.findElement(By.id("grieve-text")).sendKeys("The office asked me to come back three times for one signature.");
        browser.findElement(By.cssSelector("#grieve button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "with the grievance redress officer"));
        client.complete(number, "social-services-grievance",
                Map.of("grievanceAnswer", "The section now signs on the day; we apologise."));
        await().until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.cssSelector("form.appeal textarea")).isEmpty();
        });
        js("document.getElementById('grievances').scrollIntoView()");
        screenshot("citizens-track-voice.png");
        accessible("rating and grievances");
        browser.findElement(By.cssSelector("form.appeal textarea")).sendKeys("It happened again last week.");
        browser.findElement(By.cssSelector("form.appeal button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "with the appellate officer"));
        language("bn");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "আপিল কর্মকর্তার কাছে"));
        accessible("rating and grievances in Bangla");
        language("en");
    }

    @Test
    void aCitizenFilesFromHomeOnAPhone() throws IOException {
        String number = "019" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(360, 740));
        try (SmsLog sms = new SmsLog()) {
            browser.get(url("/portal.html?lang=en"));
            WebElement phone = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("phone")));
            accessible("portal sign-in");
            fits("portal sign-in at 360 px");
            assertThat(weight("portal")).as("portal bytes").isLessThan(500_000);
            phone.sendKeys(number, Keys.ENTER);
            WebElement code = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
            assertThat(browser.findElement(By.id("code-sent")).getText()).contains(number);
            code.sendKeys("000000".equals(sms.lastCode(number)) ? "111111" : "000000", Keys.ENTER);
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "wrong"));
            screenshot("citizens-portal-code.png");
            accessible("portal code refused");
            browser.findElement(By.id("code")).sendKeys(sms.lastCode(number), Keys.ENTER);
        }
        await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-service]")));
        assertThat(browser.findElement(By.id("who")).getText()).contains(number);
        fits("portal catalogue at 360 px");
        fillExample("social-safety-net-allowance", Map.of());
        assertThat(field("applicant.phone").getAttribute("value")).isEqualTo(number);
        assertThat(browser.findElements(By.id("f-channel"))).as("the portal is its own channel").isEmpty();
        browser.findElement(By.id("file")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-title")));
        List<WebElement> strong = browser.findElements(By.cssSelector("#receipt dd strong"));
        screenshot("citizens-portal-receipt.png");
        accessible("portal receipt");
        fits("portal receipt at 360 px");
        new OneDoorClient(http).awaitState(strong.get(0).getText(), strong.get(1).getText(), "IN_PROGRESS");
        browser.findElement(By.id("logout")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("phone")));
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }
}
