package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.OneDoorClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * An officer's decision through Camunda's REST API, as Tasklist sends it: a refused decision is the officer's
 * error with OneDoor's code and Tasklist's message, not a 500; four eyes across the levels of one MDA; tasks named
 * so that Tasklist's list tells requests apart.
 */
@DemoIntegrationTest
class OfficerDecisionIT {

    private static final String DUAL = "dual-desk-head";

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;

    private OneDoorClient client;

    @BeforeEach
    void setUp() {
        client = new OneDoorClient(http);
        User user = identity.newUser(DUAL);
        user.setFirstName("Dual");
        user.setLastName("Role");
        user.setPassword(OneDoorClient.PASSWORD);
        identity.saveUser(user);
        identity.createMembership(DUAL, "city-corporation-desk");
        identity.createMembership(DUAL, "city-corporation-head");
    }

    @AfterEach
    void tearDown() {
        identity.deleteUser(DUAL);
    }

    private String file() {
        ResponseEntity<JsonNode> filed = client.file("frontdesk", OneDoorClient.example("trade-licence"));
        assertThat(filed.getStatusCode().value()).isEqualTo(201);
        return filed.getBody().path("trackingNumber").asText();
    }

    private JsonNode task(String trackingNumber, String group) {
        return OneDoorClient.await("the task of " + group, () -> {
            List<JsonNode> tasks = client.tasks(DUAL, trackingNumber, group);
            return tasks.isEmpty() ? null : tasks.get(0);
        });
    }

    private ResponseEntity<JsonNode> complete(String user, JsonNode task, Map<String, Object> variables) {
        var officer = http.withBasicAuth(user, OneDoorClient.PASSWORD);
        officer.postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", user), Void.class, task.path("id").asText());
        return officer.postForEntity("/engine-rest/task/{id}/complete", Map.of("variables", variables), JsonNode.class,
                task.path("id").asText());
    }

    @Test
    void aDecisionWithoutItsReasonIsTheOfficersErrorWithACodeAndTheTaskStaysOpen() {
        String number = file();
        JsonNode desk = task(number, "city-corporation-desk");

        ResponseEntity<JsonNode> refused = complete(DUAL, desk, Map.of("decision", Map.of("value", "reject")));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.getBody().path("code").asText()).isEqualTo("review.comment-required");
        assertThat(refused.getBody().path("message").asText()).as("what Tasklist shows")
                .isEqualTo("Give the reason for the rejection.");
        JsonNode still = http.withBasicAuth(DUAL, OneDoorClient.PASSWORD)
                .getForObject("/engine-rest/task/{id}", JsonNode.class, desk.path("id").asText());
        assertThat(still.path("assignee").asText()).as("open, still the officer's").isEqualTo(DUAL);
    }

    @Test
    void whoDecidedAtTheDeskCannotDecideAsSectionHeadEvenInBothGroups() {
        String number = file();
        assertThat(complete(DUAL, task(number, "city-corporation-desk"), Map.of("decision", Map.of("value", "approve")))
                .getStatusCode().value()).isEqualTo(204);
        JsonNode head = task(number, "city-corporation-head");

        ResponseEntity<JsonNode> refused = complete(DUAL, head, Map.of("decision", Map.of("value", "approve")));

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().path("code").asText()).isEqualTo("review.four-eyes");
        assertThat(refused.getBody().path("message").asText()).isEqualTo("You decided this request as Licence "
                + "inspector: another officer must decide it as Section head, licensing.");
        assertThat(complete("city-corporation-head", head, Map.of("decision", Map.of("value", "approve")))
                .getStatusCode().value()).as("another officer of the level").isEqualTo(204);
    }

    @Test
    void tasklistsListNamesTheServiceTheRequestAndTheApplicantAndShowsTheDueDate() {
        String number = file();
        JsonNode desk = task(number, "city-corporation-desk");
        assertThat(desk.path("name").asText()).isEqualTo("Trade licence " + number + " · "
                + "Rahima Akter · Licence inspector");
        assertThat(desk.path("due").asText()).isNotBlank();
    }

    @Test
    void otherEngineErrorsStayCamundas() {
        ResponseEntity<JsonNode> missing = http.withBasicAuth("city-corporation-desk", OneDoorClient.PASSWORD)
                .postForEntity("/engine-rest/task/{id}/complete", Map.of(), JsonNode.class, "no-such-task");
        assertThat(missing.getStatusCode().value()).as("Camunda's documented answer for a task that does not exist")
                .isEqualTo(500);
        assertThat(missing.getBody().path("type").asText()).isEqualTo("RestException");
        assertThat(missing.getBody().path("message").asText()).startsWith("Cannot complete task no-such-task");
    }
}
