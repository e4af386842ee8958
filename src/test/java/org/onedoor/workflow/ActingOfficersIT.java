package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.OneDoorClient;
import org.onedoor.casework.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * An officer away: their open task goes to the acting officer they named, who decides it; what is still open when the
 * absence ends goes back; who may act, overlapping absences and other officers' absences are refused with their codes.
 */
@DemoIntegrationTest
class ActingOfficersIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    WorkingDayCalendar calendar;

    private ResponseEntity<JsonNode> absent(String user, Map<String, Object> absence) {
        return http.withBasicAuth(user, OneDoorClient.PASSWORD).postForEntity("/api/officer/absences", absence,
                JsonNode.class);
    }

    private Task deskTask(String number) {
        return OneDoorClient.await("the desk task of " + number, () -> tasks.createTaskQuery()
                .processInstanceBusinessKey(number).taskCandidateGroup("city-corporation-desk").includeAssignedTasks()
                .singleResult());
    }

    private String fileAndClaim() {
        String number = new OneDoorClient(http).file("frontdesk", OneDoorClient.example("trade-licence")).getBody()
                .path("trackingNumber").asText();
        tasks.claim(deskTask(number).getId(), "city-corporation-desk");
        return number;
    }

    private Map<String, Object> absence(String acting, LocalDate from, LocalDate to) {
        return Map.of("mdaCode", "city-corporation", "from", from.toString(), "to", to.toString(),
                "actingOfficer", acting, "reason", "Training in Savar");
    }

    @Test
    void anAbsentOfficersTasksGoToTheActingOfficerAndComeBackWhenTheAbsenceIsCancelled() {
        String decided = fileAndClaim();
        String open = fileAndClaim();
        LocalDate today = calendar.today();

        // Who may act, and for whom: refused with their codes, and nothing recorded.
        assertThat(absent("city-corporation-desk", absence("land-office-desk", today, today.plusDays(3)))
                .getBody().path("code").asText()).isEqualTo("absence.acting-officer-not-eligible");
        assertThat(absent("city-corporation-desk", absence("city-corporation-ceo", today, today.plusDays(3)))
                .getBody().path("errors").get(0).path("path").asText()).isEqualTo("actingOfficer");
        Map<String, Object> forSomeoneElse = new HashMap<>(absence("city-corporation-desk2", today, today));
        forSomeoneElse.put("officer", "city-corporation-desk");
        assertThat(absent("city-corporation-head", forSomeoneElse).getStatusCode().value()).isEqualTo(403);
        assertThat(absent("city-corporation-desk", absence("city-corporation-desk", today, today))
                .getStatusCode().value()).isEqualTo(422);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(open).singleResult().getAssignee())
                .isEqualTo("city-corporation-desk");

        ResponseEntity<JsonNode> recorded = absent("city-corporation-desk",
                absence("city-corporation-desk2", today, today.plusDays(3)));
        assertThat(recorded.getStatusCode().value()).as(String.valueOf(recorded.getBody())).isEqualTo(201);
        String id = recorded.getBody().path("id").asText();
        assertThat(absent("city-corporation-desk", absence("city-corporation-desk2", today.plusDays(2),
                today.plusDays(5))).getBody().path("code").asText()).isEqualTo("absence.overlaps");

        // Another MDA's officer does not see it; the city corporation's do.
        assertThat(http.withBasicAuth("land-office-desk", OneDoorClient.PASSWORD)
                .getForObject("/api/officer/absences", JsonNode.class).findValuesAsText("id")).doesNotContain(id);
        assertThat(http.withBasicAuth("city-corporation-head", OneDoorClient.PASSWORD)
                .getForObject("/api/officer/absences", JsonNode.class).findValuesAsText("id")).contains(id);

        // Both open tasks are the acting officer's now, with the handover in their history.
        assertThat(deskTask(decided).getAssignee()).isEqualTo("city-corporation-desk2");
        assertThat(deskTask(open).getAssignee()).isEqualTo("city-corporation-desk2");
        assertThat(tasks.getTaskComments(deskTask(open).getId())).extracting(c -> c.getFullMessage())
                .contains("city-corporation-desk2 acts for city-corporation-desk, absent " + today + " to "
                        + today.plusDays(3) + ".");
        ResponseEntity<String> approved = http.withBasicAuth("city-corporation-desk2", OneDoorClient.PASSWORD)
                .postForEntity("/engine-rest/task/{id}/complete", Map.of("variables", Map.of("decision",
                        Map.of("value", "approve"))), String.class, deskTask(decided).getId());
        assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(204);
        OneDoorClient.await("the head's task", () -> tasks.createTaskQuery().processInstanceBusinessKey(decided)
                .taskCandidateGroup("city-corporation-head").singleResult());

        // Back early: the absence is cancelled and the task still open goes back.
        assertThat(http.withBasicAuth("city-corporation-desk", OneDoorClient.PASSWORD).exchange(
                "/api/officer/absences/{id}", HttpMethod.DELETE, null, JsonNode.class, id).getStatusCode().value())
                .isEqualTo(204);
        assertThat(deskTask(open).getAssignee()).isEqualTo("city-corporation-desk");
    }
}
