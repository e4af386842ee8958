package org.onedoor.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onedoor.Chromium;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.OneDoorClient;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * What an officer does, in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs): the desk officer logs in to Tasklist, opens the task and the request's file with the
 * business name and the documents, opens one, returns the request for correction; the section head sees the desk
 * officer's comment; another MDA's officer sees no task and cannot open the document. The screenshots are those of
 * docs/officers.md ({@code target/screenshots}). Without a chromium the test is skipped, unless
 * {@code ONEDOOR_BROWSER=required}, as in CI.
 */
@DemoIntegrationTest
class OfficerBrowserIT {

    private static final String BROWSER_ZONE = "America/New_York";
    private static final String NOTE = "The lease is signed by the owner; checked against the deed.";
    private static final String DESK = "city-corporation-desk";
    private static final String CORRECTION = "The premises lease is not signed by the owner: bring a signed copy.";

    private static WebDriver browser;

    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;

    @BeforeAll
    static void chromium() throws IOException {
        // The officer's browser in another zone than the deployment's: Tasklist must still show Dhaka's time.
        browser = Chromium.start("1400,1000", Map.of("TZ", BROWSER_ZONE));
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

    /** Camunda's login is an AngularJS form: set the inputs, tell Angular, submit the form. */
    private void login(String user) {
        browser.manage().deleteAllCookies();
        browser.get(url("/camunda/app/tasklist/default/"));
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[type=password]")));
        ((JavascriptExecutor) browser).executeScript("""
                const [user, password] = [arguments[0], arguments[1]];
                const name = document.querySelector('input[name=username]') || document.querySelector('input[type=text]');
                const secret = document.querySelector('input[type=password]');
                name.value = user; name.dispatchEvent(new Event('input', { bubbles: true }));
                secret.value = password; secret.dispatchEvent(new Event('input', { bubbles: true }));
                name.closest('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
                """, user, OneDoorClient.PASSWORD);
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-widget-header] .account, .navbar .account, a.account")));
    }

    private void screenshot(String name) throws IOException {
        Chromium.screenshot(browser, name);
    }

    private String taskOf(OneDoorClient client, String number, String group) {
        return OneDoorClient.await("the task of " + group, () -> {
            List<JsonNode> tasks = client.tasks(group, number, group);
            return tasks.isEmpty() ? null : tasks.get(0).path("id").asText();
        });
    }

    /**
     * Clicks the element, which may lie under Tasklist's fixed footer in the form's own scroll pane, where
     * WebDriver's pointer cannot reach it: the browser's own click event, as a person's would be.
     */
    private void click(By element) {
        // Tasklist re-renders a task's form when it is claimed: an element found just before is then detached, and
        // the click is tried again on its replacement.
        await().ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement target = ExpectedConditions.elementToBeClickable(element).apply(d);
            if (target == null) {
                return false;
            }
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()",
                    target);
            return true;
        });
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String body() {
        return browser.findElement(By.tagName("body")).getText();
    }

    @Test
    void theDeskOfficerReviewsAndReturnsTheHeadSeesWhyAndAnotherMdaSeesNothing() throws IOException {
        OneDoorClient client = new OneDoorClient(http);
        ResponseEntity<JsonNode> filed = client.file("frontdesk", OneDoorClient.example("trade-licence"));
        String number = filed.getBody().path("trackingNumber").asText();
        String code = filed.getBody().path("trackingCode").asText();
        String task = taskOf(client, number, DESK);

        // The desk officer: the list, the task, the file, a document, the return.
        login(DESK);
        await().until(d -> body().contains("Trade licence " + number + " · Rahima Akter · Licence inspector"));
        assertThat(body()).as("no vendor banner").doesNotContain("migrate to Camunda 8");
        assertThat(body()).as("the desk's own filters, no other MDA's or level's").contains(
                "Licence inspector: open requests", "Licence inspector: due within 2 working days",
                "Licence inspector: overdue", "Licence inspector: returned to me")
                .doesNotContain("Section head", "Surveyor", "My MDA's requests");
        assertThat(body()).as("dates in the deployment's zone, whatever the browser's")
                .contains("displayed in local timezone: Asia/Dhaka").doesNotContain(BROWSER_ZONE);
        Instant due = OffsetDateTime.parse(http.withBasicAuth(DESK, OneDoorClient.PASSWORD)
                .getForObject("/engine-rest/task/{id}", JsonNode.class, task).path("due").asText(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
        assertThat(browser.findElement(By.cssSelector(".due-date [uib-tooltip]")).getAttribute("uib-tooltip"))
                .contains(due.atZone(ZoneId.of("Asia/Dhaka")).format(DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm",
                        Locale.ENGLISH)));
        screenshot("officer-list.png");
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + task + "&detailsTab=task-detail-form"));
        WebElement fileLink = await().until(ExpectedConditions.presenceOfElementLocated(By.linkText("Open the request file")));
        assertThat(fileLink.getAttribute("href")).endsWith("/officer/request.html?trackingNumber=" + number);
        screenshot("officer-task.png");

        browser.get(fileLink.getAttribute("href"));
        await().until(d -> d.findElement(By.id("history")).getText().contains("Received"));
        assertThat(body()).contains("Akter Garments Finishing", "Business name", "Premises lease or deed",
                "premises-lease", "Department of Environment", "working day(s) left");
        screenshot("officer-file.png");
        String document = browser.findElement(By.partialLinkText("premises-lease")).getAttribute("href");
        Object opened = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin' })
                  .then(r => done(r.status + ' ' + r.headers.get('content-type') + ' ' + r.headers.get('content-disposition')));
                """, document);
        assertThat(String.valueOf(opened)).startsWith("200 application/pdf inline");

        // A comment through Tasklist's own dialog; its history shows it at Dhaka's time, not the browser's.
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + task + "&detailsTab=task-detail-history"));
        await().until(d -> body().contains("Add Comment") && body().contains(number));
        // Tasklist keeps a hidden copy of the link; the last one is the task's.
        ((JavascriptExecutor) browser).executeScript("[...document.querySelectorAll('a.createCommentLink')].pop().click()");
        WebElement message = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-form-message")));
        message.sendKeys(NOTE);
        click(By.cssSelector(".modal button[type=submit]"));
        JsonNode added = OneDoorClient.await("the comment", () -> {
            JsonNode comments = http.withBasicAuth(DESK, OneDoorClient.PASSWORD)
                    .getForObject("/engine-rest/task/{id}/comment", JsonNode.class, task);
            return comments.isEmpty() ? null : comments.get(0);
        });
        String at = OffsetDateTime.parse(added.path("time").asText(), DateTimeFormatter.ofPattern(
                "yyyy-MM-dd'T'HH:mm:ss.SSSZ")).atZoneSameInstant(ZoneId.of("Asia/Dhaka"))
                .format(DateTimeFormatter.ofPattern("HH:mm"));
        await().until(d -> body().contains(NOTE));
        assertThat(body()).as("the comment's time on Dhaka's clock").contains(at);

        browser.get(url("/camunda/app/tasklist/default/#/?task=" + task + "&detailsTab=task-detail-form"));
        By claim = By.xpath("//a[contains(., 'Claim')] | //button[contains(., 'Claim')]");
        click(claim);
        await().until(ExpectedConditions.invisibilityOfElementLocated(claim));
        click(By.xpath("//label[contains(., 'Return for correction')]"));
        WebElement comment = await().until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//label[contains(., 'Reason, correction or question')]/following::textarea[1]")));
        comment.sendKeys(CORRECTION, Keys.TAB);
        pause(Duration.ofMillis(600)); // Camunda Forms take typed text into the form's data 300 ms after the last key
        screenshot("officer-return.png");
        click(By.xpath("//button[normalize-space()='Complete']"));
        await().until(d -> http.withBasicAuth(DESK, OneDoorClient.PASSWORD)
                .getForEntity("/engine-rest/task/{id}", String.class, task).getStatusCode().value() == 404);
        JsonNode waiting = client.awaitState(number, code, "WAITING_FOR_APPLICANT");
        assertThat(waiting.path("questions").get(0).path("question").asText()).isEqualTo(CORRECTION);

        // The applicant corrects it at the counter; the desk approves; the section head reads why it was returned.
        ResponseEntity<JsonNode> answered = client.answer(number, code, waiting.path("questions").get(0).path("id").asText(),
                "Here is the lease signed by the owner.", Map.of());
        assertThat(answered.getStatusCode().is2xxSuccessful()).as(String.valueOf(answered.getBody())).isTrue();
        client.decide(number, DESK, "approve", null);
        taskOf(client, number, "city-corporation-head");
        login("city-corporation-head");
        browser.get(url("/officer/request.html?trackingNumber=" + number));
        await().until(d -> d.findElement(By.id("history")).getText().contains("Received"));
        assertThat(body()).contains(CORRECTION, "Here is the lease signed by the owner.");
        screenshot("officer-head-history.png");

        // Another MDA's officer: no task, no file, no document.
        login("land-office-desk");
        assertThat(client.tasks("land-office-desk", number, "city-corporation-head")).isEmpty();
        browser.get(document);
        assertThat(body()).contains("resource.not-found").doesNotContain("%PDF");
        screenshot("officer-other-mda.png");
    }
}
