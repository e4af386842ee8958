package org.onedoor.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.OneDoorClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The citizen's voice over HTTP: a rating of a decided request, changeable for 30 days; a grievance against the
 * office that holds the file, answered by its grievance redress officer in Tasklist, appealed, and decided by the
 * appellate officer; each step on the tracking page and sent to the citizen.
 */
@DemoIntegrationTest
class CitizenVoiceIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    OneDoorClient client;

    @BeforeEach
    void client() {
        client = new OneDoorClient(http);
    }

    private String[] fileAllowance() {
        ResponseEntity<JsonNode> filed = client.file("frontdesk", OneDoorClient.example("social-safety-net-allowance"));
        assertThat(filed.getStatusCode().value()).isEqualTo(201);
        return new String[] {filed.getBody().path("trackingNumber").asText(), filed.getBody().path("trackingCode").asText()};
    }

    private ResponseEntity<JsonNode> rate(String[] request, Object rating, String comment) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("rating", rating);
        body.put("comment", comment);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/track/{n}/feedback?code={c}", HttpMethod.PUT, new HttpEntity<>(body, headers),
                JsonNode.class, request[0], request[1]);
    }

    private static MultiValueMap<String, Object> grievance(String json, byte[] document) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders jsonPart = new HttpHeaders();
        jsonPart.setContentType(MediaType.APPLICATION_JSON);
        parts.add("grievance", new HttpEntity<>(json, jsonPart));
        if (document != null) {
            parts.add("document-1", new HttpEntity<>(new ByteArrayResource(document) {
                @Override
                public String getFilename() {
                    return "letter.pdf";
                }
            }));
        }
        return parts;
    }

    private ResponseEntity<JsonNode> post(TestRestTemplate as, String path, MultiValueMap<String, Object> parts,
            Object... uriVariables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as.exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class, uriVariables);
    }

    @Test
    void aDecidedRequestIsRatedOnceAndTheRatingChangesFor30Days() {
        String[] request = fileAllowance();
        assertThat(rate(request, 4, null).getBody().path("code").asText()).isEqualTo("feedback.not-decided");
        client.decide(request[0], "social-services-desk", "approve", null);
        client.decide(request[0], "social-services-head", "approve", null);
        client.decide(request[0], "social-services-director", "approve", null);
        client.awaitState(request[0], request[1], "APPROVED");

        ResponseEntity<JsonNode> wrong = rate(request, 6, null);
        assertThat(wrong.getStatusCode().value()).isEqualTo(422);
        assertThat(wrong.getBody().path("errors").findValuesAsText("code")).containsExactly("field.range");
        assertThat(rate(new String[] {request[0], "WRONG-CODE1"}, 4, null).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<JsonNode> rated = rate(request, 4, "Quick, but I came twice.");
        assertThat(rated.getStatusCode().value()).as(String.valueOf(rated.getBody())).isEqualTo(200);
        ResponseEntity<JsonNode> changed = rate(request, 5, null);
        assertThat(changed.getBody().path("rating").asInt()).isEqualTo(5);
        assertThat(changed.getBody().path("changeableUntil").asText())
                .isEqualTo(rated.getBody().path("changeableUntil").asText()).as("30 days from the first rating");
        JsonNode tracked = client.track(request[0], request[1]).getBody();
        assertThat(tracked.path("feedback").path("rating").asInt()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from feedback where tracking_number = ?").param(request[0])
                .query(Integer.class).single()).isEqualTo(1);
        // The approval's message leads to the rating.
        assertThat(jdbc.sql("""
                select n.body from notification n join tracking_event e on e.id = n.event_id
                where n.tracking_number = ? and e.kind = 'APPROVED' and n.channel = 'SMS'""").param(request[0])
                .query(String.class).single()).endsWith("#feedback");

        jdbc.sql("update feedback set first_given_at = ? where tracking_number = ?")
                .params(Timestamp.from(Instant.now().minus(31, ChronoUnit.DAYS)), request[0]).update();
        assertThat(rate(request, 1, null).getBody().path("code").asText()).isEqualTo("feedback.final");
    }

    @Test
    void aGrievanceIsAnsweredAppealedAndDecidedWithTheCitizenToldAtEachStep() throws Exception {
        // Before any office has the file (a land mutation waiting for its fee), there is no one to complain to.
        ResponseEntity<JsonNode> unpaid = client.file("frontdesk", OneDoorClient.example("land-mutation"));
        assertThat(post(http, "/api/track/{n}/grievances?code={c}", grievance("{\"complaint\": \"Slow.\"}", null),
                unpaid.getBody().path("trackingNumber").asText(), unpaid.getBody().path("trackingCode").asText())
                .getBody().path("code").asText()).isEqualTo("grievance.not-routed");

        String[] request = fileAllowance();
        OneDoorClient.await("the desk officer's task", () -> client.tasks("social-services-desk", request[0],
                "social-services-desk").isEmpty() ? null : true);
        byte[] letter = Files.readAllBytes(Path.of("docs/examples/social-safety-net-allowance/income-certificate.pdf"));
        ResponseEntity<JsonNode> missing = post(http, "/api/track/{n}/grievances?code={c}",
                grievance("{\"complaint\": \" \"}", null), request[0], request[1]);
        assertThat(missing.getBody().path("errors").findValuesAsText("path")).containsExactly("complaint");
        assertThat(post(http, "/api/track/{n}/grievances?code={c}", grievance("{\"complaint\": \"x\"}", null),
                request[0], "WRONG-CODE1").getStatusCode().value()).isEqualTo(404);

        MultiValueMap<String, Object> twice = grievance("{\"complaint\": \"Twice.\"}", letter);
        twice.add("document-2", twice.getFirst("document-1"));
        assertThat(post(http, "/api/track/{n}/grievances?code={c}", twice, request[0], request[1]).getBody()
                .path("errors").findValuesAsText("code")).containsExactly("document.duplicate");
        assertThat(http.withBasicAuth("social-services-grievance", OneDoorClient.PASSWORD)
                .getForEntity("/api/officer/requests/{n}", JsonNode.class, request[0]).getStatusCode().value())
                .as("a grievance officer reads a file only with a grievance against the MDA").isEqualTo(404);

        ResponseEntity<JsonNode> filed = post(http, "/api/track/{n}/grievances?code={c}",
                grievance("{\"complaint\": \"The officer asked me for money to move my file.\"}", letter),
                request[0], request[1]);
        assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
        String id = filed.getBody().path("id").asText();
        assertThat(filed.getBody().path("mdaCode").asText()).isEqualTo("social-services");
        assertThat(filed.getBody().path("state").asText()).isEqualTo("OPEN");
        assertThat(filed.getBody().path("channel").asText()).isEqualTo("tracking-page");
        assertThat(post(http, "/api/track/{n}/grievances?code={c}", grievance("{\"complaint\": \"Again.\"}", null),
                request[0], request[1]).getBody().path("code").asText()).isEqualTo("grievance.open");

        // The grievance redress officer finds it in Tasklist and in the request's file, with the letter.
        JsonNode file = http.withBasicAuth("social-services-grievance", OneDoorClient.PASSWORD)
                .getForObject("/api/officer/requests/{n}", JsonNode.class, request[0]);
        JsonNode seen = file.path("grievances").get(0);
        assertThat(seen.path("id").asText()).isEqualTo(id);
        assertThat(seen.path("complaint").asText()).isEqualTo("The officer asked me for money to move my file.");
        ResponseEntity<byte[]> opened = http.withBasicAuth("social-services-grievance", OneDoorClient.PASSWORD)
                .getForEntity(seen.path("documents").get(0).path("href").asText(), byte[].class);
        assertThat(opened.getBody()).isEqualTo(letter);
        assertThat(http.withBasicAuth("fire-service-grievance", OneDoorClient.PASSWORD)
                .getForEntity("/api/officer/requests/{n}", JsonNode.class, request[0]).getStatusCode().value())
                .as("another MDA's officer").isEqualTo(404);
        // A blank answer is the officer's problem to fix, with its field: the task stays open.
        String task = client.tasks("social-services-grievance", request[0], "social-services-grievance").get(0)
                .path("id").asText();
        ResponseEntity<JsonNode> blank = http.withBasicAuth("social-services-grievance", OneDoorClient.PASSWORD)
                .postForEntity("/engine-rest/task/{id}/complete", Map.of("variables",
                        Map.of("grievanceAnswer", Map.of("value", "  "))), JsonNode.class, task);
        assertThat(blank.getStatusCode().value()).isEqualTo(422);
        assertThat(blank.getBody().path("code").asText()).isEqualTo("request.invalid");
        client.complete(request[0], "social-services-grievance",
                Map.of("grievanceAnswer", "The officer was warned; your file moves today."));
        JsonNode answered = OneDoorClient.await("the answer", () -> {
            JsonNode g = client.track(request[0], request[1]).getBody().path("grievances").get(0);
            return "ANSWERED".equals(g.path("state").asText()) ? g : null;
        });
        assertThat(answered.path("answer").asText()).isEqualTo("The officer was warned; your file moves today.");
        assertThat(answered.path("appealBy").asText()).isNotBlank();

        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        // After its last day no appeal is taken.
        java.time.LocalDate appealBy = java.time.LocalDate.parse(answered.path("appealBy").asText());
        jdbc.sql("update grievance set appeal_by = ? where id = ?").params(java.time.LocalDate.now().minusDays(1), id).update();
        assertThat(http.exchange("/api/track/{n}/grievances/{id}/appeal?code={c}", HttpMethod.POST,
                new HttpEntity<>(Map.of("appeal", "Late."), json), JsonNode.class, request[0], id, request[1])
                .getBody().path("code").asText()).isEqualTo("grievance.appeal-closed");
        jdbc.sql("update grievance set appeal_by = ? where id = ?").params(appealBy, id).update();
        ResponseEntity<JsonNode> appealed = http.exchange("/api/track/{n}/grievances/{id}/appeal?code={c}",
                HttpMethod.POST, new HttpEntity<>(Map.of("appeal", "Nothing moved."), json), JsonNode.class,
                request[0], id, request[1]);
        assertThat(appealed.getStatusCode().value()).as(String.valueOf(appealed.getBody())).isEqualTo(200);
        assertThat(appealed.getBody().path("state").asText()).isEqualTo("APPEALED");
        client.complete(request[0], "social-services-appellate", Map.of("appealDecision", "Upheld: decided within a week."));
        JsonNode tracked = OneDoorClient.await("the appeal's decision", () -> {
            JsonNode t = client.track(request[0], request[1]).getBody();
            return "CLOSED".equals(t.path("grievances").get(0).path("state").asText()) ? t : null;
        });
        assertThat(tracked.path("grievances").get(0).path("appealDecision").asText()).isEqualTo("Upheld: decided within a week.");
        List<String> kinds = tracked.path("timeline").findValuesAsText("kind");
        assertThat(kinds).contains("GRIEVANCE_FILED", "GRIEVANCE_ANSWERED", "GRIEVANCE_APPEALED", "APPEAL_DECIDED");
        assertThat(jdbc.sql("""
                select count(*) from notification n join tracking_event e on e.id = n.event_id
                where n.tracking_number = ? and e.kind in ('GRIEVANCE_FILED', 'GRIEVANCE_ANSWERED', 'GRIEVANCE_APPEALED',
                  'APPEAL_DECIDED') and n.channel = 'SMS'""").param(request[0]).query(Integer.class).single())
                .as("an SMS at each step").isEqualTo(4);
        assertThat(http.exchange("/api/track/{n}/grievances/{id}/appeal?code={c}", HttpMethod.POST,
                new HttpEntity<>(Map.of("appeal", "Again."), json), JsonNode.class, request[0], id, request[1])
                .getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void anOfficerEntersAGrievanceTakenByPhone() {
        String[] request = fileAllowance();
        OneDoorClient.await("the desk officer's task", () -> client.tasks("social-services-desk", request[0],
                "social-services-desk").isEmpty() ? null : true);
        ResponseEntity<JsonNode> entered = post(http.withBasicAuth("frontdesk", OneDoorClient.PASSWORD),
                "/api/requests/{n}/grievances", grievance(
                        "{\"complaint\": \"Called: the photo was lost.\", \"channel\": \"call-centre\"}", null), request[0]);
        assertThat(entered.getStatusCode().value()).as(String.valueOf(entered.getBody())).isEqualTo(201);
        assertThat(entered.getBody().path("channel").asText()).isEqualTo("call-centre");
        assertThat(jdbc.sql("select filed_by from grievance where id = ?").param(entered.getBody().path("id").asText())
                .query(String.class).single()).isEqualTo("frontdesk");
        assertThat(post(http, "/api/requests/{n}/grievances", grievance("{\"complaint\": \"x\"}", null), request[0])
                .getStatusCode().value()).isEqualTo(401);
    }
}
