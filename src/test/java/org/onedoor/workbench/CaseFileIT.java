package org.onedoor.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.OneDoorClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The officer's file of a request: the form with the catalogue's labels, the documents opening inline with the
 * officer's Tasklist login, the MDAs' parts and the history; nothing for anyone else; every view recorded, shown
 * to supervisors and counted for the citizen.
 */
@DemoIntegrationTest
class CaseFileIT {

    private static final String DESK = "city-corporation-desk";

    @Autowired
    TestRestTemplate http;

    private OneDoorClient client;
    private String number;
    private String code;

    @BeforeEach
    void file() {
        client = new OneDoorClient(http);
        ResponseEntity<JsonNode> filed = client.file("frontdesk", OneDoorClient.example("trade-licence"));
        assertThat(filed.getStatusCode().value()).isEqualTo(201);
        number = filed.getBody().path("trackingNumber").asText();
        code = filed.getBody().path("trackingCode").asText();
        OneDoorClient.await("the city corporation's task", () -> client.tasks(DESK, number, DESK).isEmpty() ? null : true);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, OneDoorClient.PASSWORD);
    }

    @Test
    void theDeskOfficerSeesTheFormWithItsLabelsTheDocumentsThePartsAndTheDueDate() throws Exception {
        JsonNode file = as(DESK).getForObject("/api/officer/requests/{n}", JsonNode.class, number);

        assertThat(file.path("serviceName").path("en").asText()).isEqualTo("Trade licence");
        assertThat(file.path("applicant").path("name").asText()).isEqualTo("Rahima Akter");
        JsonNode business = file.path("fields").get(0);
        assertThat(business.path("label").path("en").asText()).isEqualTo("Business name");
        assertThat(business.path("label").path("bn").asText()).isEqualTo("ব্যবসার নাম");
        assertThat(business.path("value").asText()).isEqualTo("Akter Garments Finishing");
        assertThat(file.path("fields").findValuesAsText("name"))
                .containsExactly("businessName", "businessCategory", "premisesAddress", "paidUpCapital");
        assertThat(file.path("documents").findValuesAsText("kind"))
                .containsExactlyInAnyOrder("national-id", "premises-lease", "fire-safety-plan");
        assertThat(file.path("parts").findValuesAsText("mdaCode"))
                .contains("city-corporation", "fire-service", "environment");
        assertThat(file.path("dueDate").asText()).isNotBlank();
        assertThat(file.path("workingDaysLeft").asInt()).isPositive();
        assertThat(file.path("timeZone").asText()).isEqualTo("Asia/Dhaka");
        assertThat(file.path("history").findValuesAsText("message")).isNotEmpty();

        JsonNode lease = null;
        for (JsonNode d : file.path("documents")) {
            lease = d.path("kind").asText().equals("premises-lease") ? d : lease;
        }
        assertThat(lease.path("label").path("en").asText()).isEqualTo("Premises lease or deed");
        ResponseEntity<byte[]> pdf = as(DESK).getForEntity(lease.path("href").asText(), byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(pdf.getHeaders().getContentDisposition().getType()).isEqualTo("inline");
        assertThat(pdf.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(pdf.getBody()).isEqualTo(Files.readAllBytes(Path.of("docs/examples/trade-licence/premises-lease.pdf")));
    }

    @Test
    void noOneButTheMdasOfficersSeesTheFileOrItsDocuments() {
        String document = "/api/officer/requests/" + number + "/documents/national-id";
        for (String outsider : List.of("land-office-desk", "social-services-head", "frontdesk", "supervisor")) {
            ResponseEntity<JsonNode> file = as(outsider).getForEntity("/api/officer/requests/{n}", JsonNode.class, number);
            assertThat(file.getStatusCode().value()).as(outsider).isEqualTo(404);
            assertThat(file.getBody().path("code").asText()).isEqualTo("resource.not-found");
            assertThat(as(outsider).getForEntity(document, String.class).getStatusCode().value()).as(outsider)
                    .isEqualTo(404);
        }
        assertThat(http.getForEntity("/api/officer/requests/{n}", String.class, number).getStatusCode().value())
                .isEqualTo(401);
        assertThat(http.getForEntity(document, String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(as(DESK).getForEntity("/api/officer/requests/{n}/documents/no-such-kind", JsonNode.class, number)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theOfficersTasklistLoginOpensTheFileWithoutASecondLoginForReadsOnly() {
        // What Tasklist's login page does: take the CSRF token with the page, send it back with the form.
        HttpHeaders session = new HttpHeaders();
        ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        cookies(tasklist, session);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", DESK);
        form.add("password", OneDoorClient.PASSWORD);
        HttpHeaders formHeaders = new HttpHeaders(session);
        formHeaders.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        formHeaders.set("X-XSRF-TOKEN", tasklist.getHeaders().getFirst("X-XSRF-TOKEN"));
        ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
                new HttpEntity<>(form, formHeaders), String.class);
        assertThat(login.getStatusCode().value()).as(login.getBody()).isEqualTo(200);
        cookies(login, session);

        ResponseEntity<JsonNode> file = http.exchange("/api/officer/requests/{n}", HttpMethod.GET,
                new HttpEntity<>(session), JsonNode.class, number);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getBody().path("yourMdas").get(0).asText()).isEqualTo("city-corporation");
        ResponseEntity<String> page = http.exchange("/officer/request.html?trackingNumber={n}", HttpMethod.GET,
                new HttpEntity<>(session), String.class, number);
        assertThat(page.getStatusCode().value()).as(page.getHeaders() + " " + page.getBody()).isEqualTo(200);
        assertThat(page.getBody()).contains("/api/officer/requests/");

        session.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> write = http.exchange("/api/admin/requests/{n}/cancellation", HttpMethod.POST,
                new HttpEntity<>("{\"reason\":\"A forged request from another site\"}", session), String.class, number);
        assertThat(write.getStatusCode().value()).as("a change in a session needs OneDoor's CSRF token").isEqualTo(403);
        // With the token, the webapps' session is still no login for a change: it is for reads only.
        cookies(http.exchange("/api/session", HttpMethod.GET, new HttpEntity<>(session), String.class), session);
        session.set("X-ONEDOOR-XSRF-TOKEN", session.get(HttpHeaders.COOKIE).stream()
                .filter(c -> c.startsWith("ONEDOOR-XSRF-TOKEN=")).findFirst().orElseThrow().split("=", 2)[1]);
        ResponseEntity<String> withToken = http.exchange("/api/admin/requests/{n}/cancellation", HttpMethod.POST,
                new HttpEntity<>("{\"reason\":\"A forged request from another site\"}", session), String.class, number);
        assertThat(withToken.getStatusCode().value()).as("the session is for reads only: " + withToken.getBody()).isEqualTo(401);
    }

    /** The cookies a response sets, as a browser keeps them: a new value replaces the old one of the same name. */
    private static void cookies(ResponseEntity<?> response, HttpHeaders into) {
        Map<String, String> jar = new LinkedHashMap<>();
        into.getOrEmpty(HttpHeaders.COOKIE).forEach(c -> jar.put(c.split("=", 2)[0], c));
        response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).forEach(c -> {
            String pair = c.split(";", 2)[0];
            jar.put(pair.split("=", 2)[0], pair);
        });
        into.put(HttpHeaders.COOKIE, List.copyOf(jar.values()));
    }

    @Test
    void everyViewIsRecordedShownToSupervisorsAndCountedForTheCitizen() {
        as(DESK).getForObject("/api/officer/requests/{n}", JsonNode.class, number);
        as("city-corporation-head").getForObject("/api/officer/requests/{n}", JsonNode.class, number);
        as(DESK).getForEntity("/api/officer/requests/{n}/documents/national-id", byte[].class, number);

        ResponseEntity<JsonNode> views = as("supervisor").getForEntity("/api/supervisor/requests/{n}/views",
                JsonNode.class, number);
        assertThat(views.getStatusCode().value()).isEqualTo(200);
        assertThat(views.getBody().findValuesAsText("viewer"))
                .containsExactly(DESK, "city-corporation-head", DESK);
        assertThat(views.getBody().get(2).path("documentKind").asText()).isEqualTo("national-id");
        assertThat(views.getBody().get(0).hasNonNull("documentKind")).as("the file's data, no document").isFalse();
        assertThat(as(DESK).getForEntity("/api/supervisor/requests/{n}/views", String.class, number)
                .getStatusCode().value()).as("officers do not read the view log").isEqualTo(403);

        JsonNode opened = client.track(number, code).getBody().path("openedBy");
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).path("mdaCode").asText()).isEqualTo("city-corporation");
        assertThat(opened.get(0).path("times").asInt()).isEqualTo(3);
    }
}
