package org.onedoor.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
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
 * The clocks as the citizen and the officers see them: each leg's due date, paused days and expected completion on
 * tracking, each officer's task due at its level's share of the leg; a public holiday added by an administrator moves
 * both at once, and removing it moves them back.
 */
@DemoIntegrationTest
class SlaClocksIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    private JsonNode leg(JsonNode tracking, String mda) {
        for (JsonNode leg : tracking.path("legs")) {
            if (leg.path("mdaCode").asText().equals(mda)) {
                return leg;
            }
        }
        throw new AssertionError("no leg " + mda + " in " + tracking);
    }

    private Task deskTask(String number) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number).taskCandidateGroup("city-corporation-desk")
                .singleResult();
    }

    private LocalDate lastDay(Date due) {
        return LocalDate.ofInstant(due.toInstant().minusMillis(1), calendar.zone());
    }

    private ResponseEntity<JsonNode> addHoliday(String user, Object body) {
        return http.withBasicAuth(user, OneDoorClient.PASSWORD).postForEntity("/api/admin/calendar/holidays", body,
                JsonNode.class);
    }

    @Test
    void trackingAndTasksFollowTheLegsClockAndAHolidayMovesThemAtOnce() {
        OneDoorClient client = new OneDoorClient(http);
        JsonNode filed = client.file("frontdesk", OneDoorClient.example("trade-licence")).getBody();
        String number = filed.path("trackingNumber").asText();
        String code = filed.path("trackingCode").asText();
        OneDoorClient.await("the desk officer's task", () -> deskTask(number));
        LocalDate today = calendar.today();

        JsonNode city = leg(client.track(number, code).getBody(), "city-corporation");
        LocalDate due = calendar.addWorkingDays(today, 15);
        assertThat(city.path("dueDate").asText()).isEqualTo(due.toString());
        assertThat(city.path("pausedWorkingDays").asLong()).isZero();
        assertThat(city.path("overdue").asBoolean()).isFalse();
        // The desk officer of a three-level chain has the first 5 of the leg's 15 working days.
        Task desk = deskTask(number);
        assertThat(lastDay(desk.getDueDate())).isEqualTo(calendar.addWorkingDays(today, 5));
        assertThat(LocalDate.ofInstant(desk.getFollowUpDate().toInstant(), calendar.zone()))
                .isEqualTo(calendar.workingDaysBefore(calendar.addWorkingDays(today, 5), 2));

        // An administrator closes the offices on the next working day: the leg and the task are due a day later.
        LocalDate holiday = calendar.addWorkingDays(today, 1);
        Map<String, Object> closure = Map.of("day", holiday.toString(), "name", "Closure for the floods");
        assertThat(addHoliday("city-corporation-desk", closure).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> added = addHoliday("admin", closure);
        assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(201);
        assertThat(added.getBody().path("addedBy").asText()).isEqualTo("admin");
        try {
            assertThat(leg(client.track(number, code).getBody(), "city-corporation").path("dueDate").asText())
                    .isEqualTo(calendar.addWorkingDays(due, 1).toString());
            Task moved = deskTask(number);
            assertThat(lastDay(moved.getDueDate())).isEqualTo(calendar.addWorkingDays(today, 5))
                    .isEqualTo(calendar.addWorkingDays(lastDay(desk.getDueDate()), 1));
            // The task's reminder timer moved with it.
            assertThat(management.createJobQuery().processInstanceId(moved.getProcessInstanceId())
                    .activityId("Timer_DeskFollowUp").singleResult().getDuedate()).isEqualTo(moved.getFollowUpDate());

            assertThat(addHoliday("admin", closure).getBody().path("code").asText()).isEqualTo("calendar.holiday-exists");
            LocalDate friday = today.plusDays((12 - today.getDayOfWeek().getValue()) % 7);
            assertThat(addHoliday("admin", Map.of("day", friday.toString(), "name", "Friday")).getBody().path("code")
                    .asText()).isEqualTo("calendar.weekend");
            assertThat(addHoliday("admin", Map.of("day", holiday.plusDays(1).toString())).getStatusCode().value())
                    .isEqualTo(400);
            JsonNode year = http.withBasicAuth("admin", OneDoorClient.PASSWORD)
                    .getForObject("/api/admin/calendar?year={y}", JsonNode.class, holiday.getYear());
            assertThat(year.path("holidays").findValuesAsText("day")).contains(holiday.toString());
            assertThat(year.path("weekend").toString()).contains("FRIDAY", "SATURDAY");
        } finally {
            assertThat(http.withBasicAuth("admin", OneDoorClient.PASSWORD).exchange("/api/admin/calendar/holidays/{d}",
                    HttpMethod.DELETE, null, JsonNode.class, holiday).getStatusCode().value())
                    .isEqualTo(204);
        }
        // Removed again: both dates are back.
        assertThat(leg(client.track(number, code).getBody(), "city-corporation").path("dueDate").asText())
                .isEqualTo(due.toString());
        assertThat(deskTask(number).getDueDate()).isEqualTo(desk.getDueDate());
        LocalDate configured = calendar.holidays().first();
        assertThat(http.withBasicAuth("admin", OneDoorClient.PASSWORD).exchange("/api/admin/calendar/holidays/{d}",
                HttpMethod.DELETE, null, JsonNode.class, configured).getBody().path("code")
                .asText()).isEqualTo("calendar.configured-holiday");
    }

    @Test
    void aPriorityRequestHasAShorterSlaOnItsReceiptAndComesFirstInTheTaskLists() throws IOException {
        Path folder = Path.of("docs/examples/social-safety-net-allowance");
        String json = Files.readString(folder.resolve("request.json"));
        Map<String, byte[]> documents = Map.of(
                "national-id", Files.readAllBytes(folder.resolve("national-id.pdf")),
                "income-certificate", Files.readAllBytes(folder.resolve("income-certificate.pdf")),
                "photo", Files.readAllBytes(folder.resolve("photo.png")));
        OneDoorClient client = new OneDoorClient(http);

        ResponseEntity<JsonNode> unknown = client.file("frontdesk",
                OneDoorClient.filing(json.replaceFirst("\\{", "{\"priority\": \"vip\","), documents));
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        assertThat(unknown.getBody().path("errors").findValuesAsText("code")).containsExactly("priority.unknown");

        ResponseEntity<JsonNode> filed = client.file("frontdesk",
                OneDoorClient.filing(json.replaceFirst("\\{", "{\"priority\": \"elderly\","), documents));
        assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
        JsonNode receipt = OneDoorClient.manifestOf(filed.getBody().path("receipt")).path("payload");
        LocalDate today = calendar.today();
        assertThat(receipt.path("priority").path("code").asText()).isEqualTo("elderly");
        assertThat(receipt.path("expectedCompletion").asText())
                .isEqualTo(calendar.addWorkingDays(today, 10).toString());
        String number = filed.getBody().path("trackingNumber").asText();
        Task desk = OneDoorClient.await("the social services desk task", () -> tasks.createTaskQuery()
                .processInstanceBusinessKey(number).taskCandidateGroup("social-services-desk").singleResult());
        assertThat(desk.getPriority()).isEqualTo(80);
        JsonNode leg = leg(client.track(number, filed.getBody().path("trackingCode").asText()).getBody(),
                "social-services");
        assertThat(leg.path("dueDate").asText()).isEqualTo(calendar.addWorkingDays(today, 10).toString());
    }
}
